// "Group an outpatient visit" on the group-a-case page: principal diagnosis, procedures and costs give
// the visit's APG-like group and the path to it (class, key, fold to chapter or class), computed in the
// browser by lib/apg/classify.ts (bundled with the DRG engine) over the groups this build published.
import * as Inputs from "@observablehq/inputs";
import { el, filterBar } from "./dom.js";
import { formatMoney, formatNumber } from "./format.js";

const examples = [
  { id: "cold", dx: "J06.900", proc: "", cost: "120", exam: "" },
  { id: "suture", dx: "S61.000", proc: "86.5900x006", cost: "380", exam: "20" },
  { id: "checkup", dx: "Z00.000", proc: "87.4400;89.5200", cost: "260", exam: "230" },
  { id: "dialysis", dx: "N18.500", proc: "39.9500", cost: "4800", exam: "150" },
];

const codes = (text) => String(text ?? "").split(/[\s;,，；]+/).map((c) => c.trim()).filter(Boolean);

export function outpatientGrouperSection(engine, scheme, groups, t, lang) {
  const byCode = new Map(groups.map((g) => [g.apg_code, g]));
  const inputs = {
    dx: Inputs.text({ label: t("opFieldDx"), value: examples[0].dx }),
    proc: Inputs.textarea({ label: t("fieldProc"), placeholder: "86.5900x006", rows: 2 }),
    cost: Inputs.text({ label: t("opFieldCost"), type: "number", min: 0, value: examples[0].cost }),
    exam: Inputs.text({ label: t("opFieldExam"), type: "number", min: 0 }),
  };
  for (const input of Object.values(inputs)) input.classList.add("grouper-field");
  const result = el("figure", { class: "card grouper-result apg-result", "aria-live": "polite" });
  const update = () => {
    const visit = {
      principal_dx: inputs.dx.value ?? "",
      procedures: codes(inputs.proc.value),
      total_cost: Number(inputs.cost.value) || 0,
      exam_cost: inputs.exam.value === "" || inputs.exam.value == null ? null : Number(inputs.exam.value),
    };
    const outcome = engine.groupVisit(visit, (code) => engine.procedureClass(scheme, code), (code) => byCode.has(code));
    const group = byCode.get(outcome.apg_code);
    result.replaceChildren(
      el("figcaption", {}, t("resultHeading")),
      el("div", { class: "apg-code" }, outcome.apg_code ?? "—"),
      el("div", { class: "group-name" }, `${t(`apgClass_${outcome.class}`)} · ${t(`apgLevel_${outcome.level === "unweighted" ? "none" : outcome.level}`)}`),
      el("dl", { class: "group-facts" },
        el("dt", {}, t("opTreatment")), el("dd", {}, t(`class_${outcome.treatment}`)),
        el("dt", {}, t("opKey")), el("dd", {}, outcome.key ?? "—"),
        el("dt", {}, t("apgWeight")), el("dd", {}, group ? formatNumber(group.weight, 4, lang) : t("noWeight")),
        el("dt", {}, t("apgPoints")), el("dd", {}, group ? formatNumber(group.weight * 100, 2, lang) : "—"),
        el("dt", {}, t("apgAvgCost")), el("dd", {}, group ? formatMoney(group.avg_cost, lang) : "—"),
      ),
      el("h3", {}, t("pathHeading")),
      el("ol", { class: "apg-trace" }, outcome.trace.map((line) => el("li", {}, line))),
    );
  };
  for (const input of Object.values(inputs)) input.addEventListener("input", update);
  const fill = (ex) => {
    inputs.dx.value = ex.dx;
    inputs.proc.value = ex.proc;
    inputs.cost.value = ex.cost;
    inputs.exam.value = ex.exam;
    update();
  };
  update();
  return el("section", { class: "outpatient-grouper" },
    el("h2", {}, t("opGrouperHeading")),
    el("p", {}, t("opGrouperLead", { n: formatNumber(groups.length, 0, lang) })),
    el("div", { class: "examples" }, el("span", { class: "muted" }, t("examples")), examples.map((ex) => el("button", { type: "button", onclick: () => fill(ex) }, t(`opExample_${ex.id}`)))),
    el("div", { class: "grid grid-cols-2" },
      el("div", { class: "card grouper-form" }, inputs.dx, inputs.proc, filterBar(inputs.cost, inputs.exam)),
      result),
  );
}
