-- apg_region_year: the region's outpatient fund per year under §8. Visits and fund; the quota;
-- packages, their spend and what institutions keep or bear; the unsigned pool: its budget
-- (outpatient_budget − Σ packages, or recorded), recorded fund, fund distributed and point value;
-- fund_payable = Σ package spend + Σ kept_or_borne + the pool's fund; settlement_rate = fund_payable /
-- fund_paid (exactly 1 with share ratio 1 and budget = recorded). yoy: outpatient fund growth (§5).
WITH quota AS (
    SELECT year, CASE WHEN count(*) = 1 THEN any_value(quota) END AS quota, count(*) AS quota_types FROM apg_quotas GROUP BY year
)
SELECT r.year, r.visits, r.total_cost, r.fund_paid,
       (r.fund_paid - lag(r.fund_paid) OVER (ORDER BY r.year))::DOUBLE / nullif(lag(r.fund_paid) OVER (ORDER BY r.year), 0)::DOUBLE AS yoy,
       r.points::DOUBLE AS points, r.signed_visits, r.signed_persons, q.quota,
       r.packages, r.package_spend, r.packages - r.package_spend AS surplus, r.kept_or_borne,
       r.outpatient_budget, r.budget_given, r.pool_budget, r.pool_recorded, r.pool_fund, r.point_value, r.share_ratio,
       r.fund_payable, r.settlement_rate
FROM apg_region_years AS r
LEFT JOIN quota AS q USING (year)
ORDER BY r.year
