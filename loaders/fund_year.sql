-- fund_year: fund expenditure per setting and year, YoY growth, and the counterfactual of
-- metrics.md §5: with reform year R, baseline growth g0 = mean annual growth over the years before R
-- (needs at least two years of data before R); expected(R + t) = spend(R - 1) * (1 + g0)^(t + 1);
-- savings = expected - actual, per year and cumulative. The outpatient rows use the outpatient reform
-- year (parameter outpatientReformYear: the APG reform, §8; default the reform year).
WITH yearly AS (
    SELECT 'inpatient' AS setting, year(discharge_date)::INTEGER AS year, count(DISTINCT month(discharge_date)) AS months,
           count(*) AS claims, sum(total_cost) AS total_cost, sum(fund_paid) AS fund_paid
    FROM claims_inpatient GROUP BY ALL
    UNION ALL
    SELECT 'outpatient', year(visit_date)::INTEGER, count(DISTINCT month(visit_date)), count(*), sum(total_cost), sum(fund_paid)
    FROM claims_outpatient GROUP BY ALL
),
growth AS (
    SELECT this.*,
           CASE WHEN before.fund_paid > 0 THEN ((this.fund_paid - before.fund_paid) / before.fund_paid)::DOUBLE END AS yoy
    FROM yearly AS this
    LEFT JOIN yearly AS before ON before.setting = this.setting AND before.year = this.year - 1
),
reform AS (
    SELECT 'inpatient' AS setting, getvariable('reform_year') AS reform_year
    UNION ALL SELECT 'outpatient', coalesce(getvariable('outpatient_reform_year'), getvariable('reform_year'))
),
baseline AS (
    -- g0 per setting: the growth rates of the years before R; defined only with two or more years of data before R
    SELECT setting, any_value(r.reform_year) AS reform_year,
           avg(yoy) FILTER (WHERE year < r.reform_year) AS baseline_growth,
           count(*) FILTER (WHERE year < r.reform_year) AS years_before,
           max(fund_paid) FILTER (WHERE year = r.reform_year - 1) AS spend_before_reform
    FROM growth JOIN reform AS r USING (setting) GROUP BY setting
),
expected AS (
    SELECT g.*, b.baseline_growth,
           CASE WHEN g.year >= b.reform_year AND b.years_before >= 2 AND b.spend_before_reform IS NOT NULL
                THEN round(b.spend_before_reform * pow(1 + b.baseline_growth, g.year - b.reform_year + 1), 2)
           END AS expected
    FROM growth AS g JOIN baseline AS b USING (setting)
)
SELECT setting, year, months, claims, total_cost, fund_paid, yoy,
       expected::DOUBLE AS expected,
       (expected - fund_paid)::DOUBLE AS savings,
       CASE WHEN expected IS NOT NULL
            THEN sum(expected - fund_paid) OVER (PARTITION BY setting, expected IS NOT NULL ORDER BY year) END::DOUBLE AS cumulative_savings,
       CASE WHEN expected IS NOT NULL THEN baseline_growth END AS baseline_growth
FROM expected
ORDER BY setting, year
