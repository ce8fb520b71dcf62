// The DIP packet lookup of the group-a-case page: the same case's packet in this build's catalogue
// (dataset dip_packets), found by explainPacket (lib/dip/keys.ts) with the §7 procedure classes of the
// build's scheme (lib/grouping/procedure-classes.ts), both bundled into data/grouper.js.
import { el } from "./dom.js";
import { parseDataset } from "./csv.js";
import { formatNumber } from "./format.js";

export function packetLookup(engine, scheme, packetsText, t, lang) {
  const catalogue = new Map(parseDataset(packetsText).map((p) => [String(p.packet_code), { ...p, packet_code: String(p.packet_code), procedures_key: p.procedures_key == null ? "" : String(p.procedures_key) }]));
  const box = el("section", { class: "card dip-lookup", "aria-live": "polite" });
  const classOf = (code) => engine.procedureClass(scheme, code);
  box.update = (dx, procedures) => {
    const x = engine.explainPacket(catalogue, classOf, dx[0] ?? "", procedures);
    const p = x.packet;
    const parts = [
      el("h3", {}, t("dipLookupHeading")),
      el("p", { class: "small-note" }, t("dipLookupLead")),
      el("div", { class: "group-code dip-code" }, p ? p.packet_code : "—"),
      el("p", {}, p ? t("dipLookupResult", { code: p.packet_code, fold: t(`dipFold_${x.fold}`), score: formatNumber(p.score, 1, lang), base: formatNumber(p.base_cases ?? 0, 0, lang) }) : t("dipLookupNone")),
      el("p", {}, t("dipLookupKeys", { dx: x.dxKey || "—", procs: x.proceduresKey || t("dipNoProcedure"), treatment: t(`class_${x.treatment}`) })),
      x.procedures.length ? el("ul", {}, x.procedures.map((c) => el("li", {}, el("code", {}, c.code), " ", t(`class_${c.class}`)))) : null,
      el("ol", { class: "dip-trace" }, x.tried.map((step) => el("li", { class: step.found ? "trace-held" : "trace-failed" }, t("dipLookupTried", { code: step.code, found: step.found ? `✓ ${t("dipFound")}` : `✗ ${t("dipNotFound")}` })))),
    ];
    box.replaceChildren(...parts.filter((part) => part != null));
  };
  return box;
}
