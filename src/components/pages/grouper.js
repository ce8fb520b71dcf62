// "Group a case" (分组 · 病例分组): a reader types diagnoses and procedures (and sex, age, age in days,
// birth weight) and sees the group and the path to it, computed in the browser by the project's own
// engine (lib/grouping/engine.ts, bundled by the data loader data/grouper.js) over the scheme the
// build used (data/scheme.json). The relative weight shown is the one this build's reports use.
import * as Inputs from "@observablehq/inputs";
import { el, filterBar } from "../dom.js";
import { parseDataset } from "../csv.js";
import { fetchText } from "../data.js";
import { formatNumber } from "../format.js";
import { translator } from "../i18n.js";
import { pageHeader } from "../page.js";
import { packetLookup } from "../dip-lookup.js";
import { outpatientGrouperSection } from "../apg-grouper.js";

/** Worked examples of the CHS-DRG 1.1 scheme (a reader clicks one to fill the form). */
const examples = [
  { id: "pneumonia", dx: "J18.900\nJ96.000", proc: "", sex: "1", age: "65" },
  { id: "stemiPci", dx: "I21.001\nI10.x00", proc: "36.0601", sex: "1", age: "60" },
  { id: "appendectomy", dx: "K35.200", proc: "47.0100", sex: "2", age: "30" },
  { id: "caesarean", dx: "O82.000", proc: "74.1x01", sex: "2", age: "28" },
  { id: "preterm", dx: "P07.300", proc: "", sex: "2", age: "0", ageDays: "3", birthWeight: "1800" },
  { id: "hipReplacement", dx: "S72.000", proc: "81.5100", sex: "2", age: "78" },
];

const codes = (text) => String(text ?? "").split(/[\s;,，；]+/).map((c) => c.trim()).filter(Boolean);

export async function grouperPage(files, { lang }) {
  const t = translator(lang);
  const [engine, schemeJson, groupsText] = await Promise.all([import(files.engineUrl), fetchText(files.scheme).then(JSON.parse), fetchText(files.groups)]);
  const scheme = engine.parseScheme(schemeJson.rules, schemeJson.groupsCsv ?? undefined);
  const weights = new Map(parseDataset(groupsText).map((g) => [g.drg_code, g]));
  // DIP (§9): the same case's packet, a section of its own below the DRG result
  const dip = files.dip_packets ? packetLookup(engine, scheme, await fetchText(files.dip_packets), t, lang) : null;

  const inputs = {
    dx: Inputs.textarea({ label: t("fieldDx"), placeholder: "J18.900\nJ96.000", rows: 3, value: examples[0].dx }),
    proc: Inputs.textarea({ label: t("fieldProc"), placeholder: "36.0601", rows: 2 }),
    sex: Inputs.select(["1", "2", ""], { label: t("fieldSex"), value: "1", format: (s) => t(`sex${s || "Unknown"}`) }),
    age: Inputs.text({ label: t("fieldAge"), value: examples[0].age, type: "number", min: 0, max: 130 }),
    ageDays: Inputs.text({ label: t("fieldAgeDays"), type: "number", min: 0 }),
    birthWeight: Inputs.text({ label: t("fieldBirthWeight"), type: "number", min: 0 }),
  };
  for (const input of Object.values(inputs)) input.classList.add("grouper-field");

  const result = el("figure", { class: "card grouper-result", "aria-live": "polite" });
  const update = () => {
    const record = {
      dx: codes(inputs.dx.value),
      proc: codes(inputs.proc.value),
      sex: inputs.sex.value,
      age_years: inputs.age.value,
      age_days: inputs.ageDays.value,
      birth_weight_g: inputs.birthWeight.value,
    };
    result.replaceChildren(...renderOutcome(engine.groupCase(scheme, record), scheme, weights, t, lang));
    dip?.update(record.dx, record.proc);
  };
  for (const input of Object.values(inputs)) input.addEventListener("input", update);

  const fill = (example) => {
    const set = (input, value) => {
      input.value = value ?? "";
    };
    set(inputs.dx, example.dx);
    set(inputs.proc, example.proc);
    set(inputs.sex, example.sex);
    set(inputs.age, example.age);
    set(inputs.ageDays, example.ageDays);
    set(inputs.birthWeight, example.birthWeight);
    update();
  };
  const exampleButtons = el("div", { class: "examples" }, el("span", { class: "muted" }, t("examples")), examples.map((ex) => el("button", { type: "button", onclick: () => fill(ex) }, t(`example_${ex.id}`))));

  update();
  return el("div", { class: "page grouper" },
    pageHeader(t("grouperTitle"), t("grouperLead", { scheme: `${scheme.version}` }), lang),
    exampleButtons,
    el("div", { class: "grid grid-cols-2" },
      el("div", { class: "card grouper-form" }, inputs.dx, inputs.proc, filterBar(inputs.sex, inputs.age), filterBar(inputs.ageDays, inputs.birthWeight), el("p", { class: "small-note" }, t("grouperHint"))),
      result),
    dip,
    files.apgGroups ? outpatientGrouperSection(engine, scheme, parseDataset(await fetchText(files.apgGroups)), t, lang) : null,
  );
}

function renderOutcome(outcome, scheme, weights, t, lang) {
  const name = scheme.groups.get(outcome.drg);
  const weight = weights.get(outcome.drg);
  const statusText = t(`status_${outcome.status}`, {}, outcome.status);
  return [
    el("figcaption", {}, t("resultHeading")),
    el("div", { class: `group-code status-${String(outcome.status).toLowerCase()}` }, outcome.drg),
    el("div", { class: "group-name" }, name ?? statusText),
    el("dl", { class: "group-facts" },
      el("dt", {}, t("status")), el("dd", {}, statusText),
      el("dt", {}, "MDC"), el("dd", {}, outcome.mdc),
      el("dt", {}, "ADRG"), el("dd", {}, outcome.adrg),
      el("dt", {}, "RW"), el("dd", {}, weight?.rw != null ? `${formatNumber(weight.rw, 4, lang)}${weight.unstable === true || weight.unstable === "true" ? ` (${t("unstable")})` : ""}` : t("noWeight")),
      el("dt", {}, t("basePoints")), el("dd", {}, weight?.rw != null ? formatNumber(weight.rw * 100, 2, lang) : "—"),
    ),
    el("h3", {}, t("pathHeading")),
    el("ol", { class: "trace" }, outcome.trace.map((line) => el("li", { class: traceClass(line) }, line))),
  ];
}

/** Lines of the trace that held (✓) or failed (✗), for colour; the text itself says so too. */
function traceClass(line) {
  if (line.startsWith("result")) return "trace-result";
  if (line.includes("✓:") && !line.includes("✗:")) return "trace-held";
  if (line.includes("✗:")) return "trace-failed";
  return null;
}
