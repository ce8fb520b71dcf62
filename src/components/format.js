// Numbers for readers: money in yuan with 万/亿 in Chinese and thousands separators in English,
// shares as percentages, changes with their sign. Empty or undefined figures show as "—".

const missing = (x) => x == null || !Number.isFinite(x);
const formatters = new Map();

function numberFormat(digits, lang = "en") {
  const key = `${lang}:${digits}`;
  if (!formatters.has(key)) {
    formatters.set(key, new Intl.NumberFormat(lang === "zh" ? "zh-CN" : "en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits }));
  }
  return formatters.get(key);
}

/** A plain number with thousands separators. */
export function formatNumber(x, digits = 0, lang = "en") {
  return missing(x) ? "—" : numberFormat(digits, lang).format(x);
}

/** Money: "3.45 亿元" / "1,234 万元" / "856 元" in Chinese, "¥345,123,456" in English. */
export function formatMoney(x, lang, { digits } = {}) {
  if (missing(x)) return "—";
  if (lang === "zh") {
    const a = Math.abs(x);
    if (a >= 1e8) return `${formatNumber(x / 1e8, digits ?? 2, lang)} 亿元`;
    if (a >= 1e4) return `${formatNumber(x / 1e4, digits ?? (a >= 1e6 ? 0 : 2), lang)} 万元`;
    return `${formatNumber(x, digits ?? 0, lang)} 元`;
  }
  return `${x < 0 ? "−" : ""}¥${formatNumber(Math.abs(x), digits ?? 0, lang)}`;
}

/** The unit a money axis is drawn in, chosen from the largest value. */
export function moneyUnit(values, lang) {
  const max = Math.max(0, ...values.filter((v) => !missing(v)).map(Math.abs));
  if (lang === "zh") {
    if (max >= 1e8) return { factor: 1e8, unit: "亿元" };
    if (max >= 1e4) return { factor: 1e4, unit: "万元" };
    return { factor: 1, unit: "元" };
  }
  if (max >= 1e6) return { factor: 1e6, unit: "million yuan" };
  if (max >= 1e4) return { factor: 1e3, unit: "thousand yuan" };
  return { factor: 1, unit: "yuan" };
}

/** A share or rate as a percentage ("7.0%"). */
export function formatPercent(x, digits = 1) {
  return missing(x) ? "—" : `${(x * 100).toFixed(digits)}%`;
}

/** A signed percentage change ("+7.0%", "−2.1%"). */
export function formatChange(x, digits = 1) {
  if (missing(x)) return "—";
  const text = `${Math.abs(x * 100).toFixed(digits)}%`;
  return x > 0 ? `+${text}` : x < 0 ? `−${text}` : text;
}

/** A signed difference of two percentages, in percentage points. */
export function formatPoints(x, lang, digits = 1) {
  if (missing(x)) return "—";
  const text = Math.abs(x * 100).toFixed(digits);
  const sign = x > 0 ? "+" : x < 0 ? "−" : "";
  return lang === "zh" ? `${sign}${text} 个百分点` : `${sign}${text} pp`;
}

/** A signed plain difference ("+0.03"). */
export function formatDelta(x, digits = 2) {
  if (missing(x)) return "—";
  const text = Math.abs(x).toFixed(digits);
  return x > 0 ? `+${text}` : x < 0 ? `−${text}` : text;
}

/** A month "2023-06" as "2023年6月" / "Jun 2023". */
export function formatMonth(month, lang) {
  if (!month) return "—";
  const [y, m] = String(month).split("-").map(Number);
  if (lang === "zh") return `${y}年${m}月`;
  return `${["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"][m - 1]} ${y}`;
}

/** A span of months "2023-01".."2023-06" as "2023年1–6月" / "Jan–Jun 2023". */
export function formatMonthSpan(from, to, lang) {
  if (from === to) return formatMonth(from, lang);
  const [y1, m1] = from.split("-").map(Number);
  const [y2, m2] = to.split("-").map(Number);
  if (y1 === y2) {
    if (lang === "zh") return `${y1}年${m1}–${m2}月`;
    return `${formatMonth(from, lang).slice(0, 3)}–${formatMonth(to, lang)}`;
  }
  return `${formatMonth(from, lang)}–${formatMonth(to, lang)}`;
}

/** A year as "2023年" / "2023". */
export function formatYear(year, lang) {
  return lang === "zh" ? `${year}年` : String(year);
}

/** A tick format for a percentage axis with as many decimals as the data's spread needs. */
export function percentTicks(values) {
  const defined = values.filter((v) => !missing(v));
  const span = defined.length ? Math.max(...defined) - Math.min(...defined) : 1;
  const digits = span < 0.02 ? 2 : span < 0.2 ? 1 : 0;
  return (v) => `${(v * 100).toFixed(digits)}%`;
}

const monthNames = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** Ticks of a time axis in the reader's language: a year at its first day ("2021年"), else the month ("4月" / "Apr"). */
export function timeTickFormat(lang) {
  return (d) => {
    const year = d.getUTCFullYear();
    const month = d.getUTCMonth();
    if (month === 0 && d.getUTCDate() === 1) return lang === "zh" ? `${year}年` : String(year);
    return lang === "zh" ? `${month + 1}月` : monthNames[month];
  };
}

/** An amount per unit (cost per weight, per case) in whole yuan, the same unit down a table column. */
export function formatYuan(x, lang) {
  if (missing(x)) return "—";
  return lang === "zh" ? `${formatNumber(x, 0, lang)} 元` : `${x < 0 ? "−" : ""}¥${formatNumber(Math.abs(x), 0, lang)}`;
}
