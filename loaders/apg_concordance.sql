-- apg_concordance: the project's own APG-like grouping against the apg_code given upstream, over the
-- visits that carry one. kind 'total': visits compared and the share where both codes agree; kind
-- 'pair': every upstream × own pair with its visits and its share of the compared visits (top 500).
WITH compared AS (
    SELECT upstream_apg_code, own_apg_code, upstream_apg_code IS NOT DISTINCT FROM own_apg_code AS agree, visits
    FROM apg_visit_totals WHERE upstream_apg_code IS NOT NULL
),
total AS (
    SELECT 'total' AS kind, NULL::VARCHAR AS upstream_apg_code, NULL::VARCHAR AS own_apg_code, coalesce(sum(visits), 0)::BIGINT AS visits,
           coalesce(sum(visits) FILTER (WHERE agree), 0)::BIGINT::DOUBLE / nullif(coalesce(sum(visits), 0)::BIGINT, 0) AS share
    FROM compared
),
pairs AS (
    SELECT 'pair' AS kind, upstream_apg_code, own_apg_code, sum(visits)::BIGINT AS visits,
           sum(visits)::BIGINT::DOUBLE / (SELECT sum(visits)::BIGINT FROM compared) AS share
    FROM compared GROUP BY ALL
    ORDER BY visits DESC, upstream_apg_code, own_apg_code NULLS FIRST
    LIMIT 500
)
SELECT kind, upstream_apg_code, own_apg_code, visits::BIGINT AS visits, share::DOUBLE AS share
FROM (SELECT * FROM total UNION ALL SELECT * FROM pairs)
ORDER BY CASE kind WHEN 'total' THEN 1 ELSE 2 END, visits DESC, upstream_apg_code NULLS FIRST, own_apg_code NULLS FIRST
