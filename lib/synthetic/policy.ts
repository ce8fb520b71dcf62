// The policy table: one row per year, budgets set from the year's recorded fund expenditure so that
// some years end in surplus (budget above spending) and some in overspend (below).
import { inpatientBudgetRatio, outpatientBudgetRatio, policyDefaults, years } from "./profile.ts";

/** SQL for the yearly fund expenditure of a claims table (a DECIMAL sum: exact, so byte-stable). */
export function yearlyFundSql(claims: string, dateColumn: string): string {
  return `SELECT year(${dateColumn})::INTEGER AS year, sum(fund_paid) AS fund FROM ${claims} GROUP BY ALL`;
}

/** SQL for the policy rows, from relations (year, fund) of recorded fund expenditure. */
export function policySql(inpatientFund: string, outpatientFund: string): string {
  const ratios = years
    .map((y) => `(${y}, ${inpatientBudgetRatio[y]}, ${outpatientBudgetRatio[y]})`)
    .join(", ");
  return `
WITH ratios(year, ip_ratio, op_ratio) AS (VALUES ${ratios}),
ip AS (SELECT * FROM ${inpatientFund}),
op AS (SELECT * FROM ${outpatientFund})
SELECT r.year::INTEGER AS year,
  (round(ip.fund * r.ip_ratio::DECIMAL(6, 4), -4))::DECIMAL(18, 2) AS inpatient_budget,
  (round(op.fund * r.op_ratio::DECIMAL(6, 4), -4))::DECIMAL(18, 2) AS outpatient_budget,
  ${policyDefaults.share_ratio}::DECIMAL(4, 2) AS share_ratio,
  ${policyDefaults.high_multiplier}::DECIMAL(4, 2) AS high_multiplier,
  ${policyDefaults.low_multiplier}::DECIMAL(4, 2) AS low_multiplier
FROM ratios r JOIN ip USING (year) JOIN op USING (year)
ORDER BY r.year
`;
}
