// How many discharges and visits fall on each day: yearly level × month season × Spring Festival ×
// weekday × COVID-19. Rows are laid out day by day (row ids in date order), so the yearly and monthly
// volumes are exact, not sampled.
import {
  covid2020,
  covid2020Outpatient,
  inpatientLevel,
  outpatientLevel,
  springFestival,
  years,
  type Year,
} from "./profile.ts";

export interface Day {
  /** YYYY-MM-DD */
  date: string;
  year: Year;
  month: number;
  inpatientWeight: number;
  outpatientWeight: number;
}

const inpatientMonth = [1.0, 0.95, 1.02, 1.0, 1.0, 0.99, 1.04, 1.03, 1.0, 0.96, 1.0, 1.04];
const outpatientMonth = [1.08, 0.95, 1.02, 0.98, 0.97, 0.95, 0.97, 0.97, 0.99, 0.96, 1.03, 1.1];
const inpatientWeekday = [0.75, 1.06, 1.06, 1.05, 1.05, 1.08, 0.9]; // Sunday first
const outpatientWeekday = [0.6, 1.18, 1.08, 1.06, 1.05, 1.05, 0.78];

const dayMs = 86_400_000;
const toDate = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** Relative volume around the Spring Festival: a rush before it, a deep dip over the holiday, a rebound. */
function festivalFactor(offset: number, depth: number): number {
  if (offset >= -10 && offset <= -4) return 1.1;
  const dip = 1 - depth * Math.exp(-(((offset - 2) / 4) ** 2));
  return offset >= 8 && offset <= 20 ? dip * 1.06 : dip;
}

export function buildCalendar(): Day[] {
  const days: Day[] = [];
  for (const year of years) {
    const festival = Date.parse(`${springFestival[year]}T00:00:00Z`);
    for (let ms = Date.parse(`${year}-01-01T00:00:00Z`); ms < Date.parse(`${year + 1}-01-01T00:00:00Z`); ms += dayMs) {
      const date = new Date(ms);
      const month = date.getUTCMonth() + 1;
      const weekday = date.getUTCDay();
      const offset = Math.round((ms - festival) / dayMs);
      let inpatientCovid = 1;
      let outpatientCovid = 1;
      if (year === 2020) {
        const lockdown = month > 1 || date.getUTCDate() >= 23; // from 23 January 2020
        inpatientCovid = month === 1 ? (lockdown ? 0.55 : 1) : covid2020[month];
        outpatientCovid = month === 1 ? (lockdown ? 0.6 : 1) : covid2020Outpatient[month];
      }
      days.push({
        date: toDate(ms),
        year,
        month,
        inpatientWeight:
          inpatientLevel[year] * inpatientMonth[month - 1] * festivalFactor(offset, 0.5) * inpatientWeekday[weekday] * inpatientCovid,
        outpatientWeight:
          outpatientLevel[year] * outpatientMonth[month - 1] * festivalFactor(offset, 0.6) * outpatientWeekday[weekday] * outpatientCovid,
      });
    }
  }
  return days;
}

/** Row ranges per day: n rows in all, split in proportion to the weights (largest-remainder by cumulation). */
export function allocateRows(weights: number[], n: number): { start: number; count: number }[] {
  const total = weights.reduce((a, b) => a + b, 0);
  let cumulative = 0;
  let previous = 0;
  return weights.map((w) => {
    cumulative += w;
    const end = Math.round((cumulative / total) * n);
    const range = { start: previous, count: end - previous };
    previous = end;
    return range;
  });
}
