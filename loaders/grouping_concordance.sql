-- grouping_concordance: the project's own grouper against the group given upstream (input column
-- drg_code), over the cases that carry one. Long format, one row per
--   kind = 'total'   : cases = cases compared; share = the part where both groups are the same
--   kind = 'pair'    : (upstream_drg_code, own_drg_code, mdc): cases = cases with that pair; share of
--                      all compared cases (agreeing pairs included: the full confusion table)
--   kind = 'by_mdc'  : mdc: cases = disagreeing cases whose own group is in that MDC; share of the
--                      compared cases in that MDC
--   kind = 'by_code' : upstream_drg_code: cases = disagreeing cases given that code upstream; share
--                      of the cases given that code; the 50 codes with most disagreements
-- mdc is the MDC of the own group (MDCx, or 0000 when the own grouper gave none).
WITH compared AS (
    SELECT upstream_drg_code, own_drg_code, own_mdc AS mdc, upstream_drg_code = own_drg_code AS agree
    FROM cases
    WHERE upstream_drg_code IS NOT NULL
),
total AS (
    SELECT 'total' AS kind, NULL::VARCHAR AS upstream_drg_code, NULL::VARCHAR AS own_drg_code, NULL::VARCHAR AS mdc,
           count(*) AS cases,
           count(*) FILTER (WHERE agree)::DOUBLE / nullif(count(*), 0) AS share
    FROM compared
),
pairs AS (
    SELECT 'pair' AS kind, upstream_drg_code, own_drg_code, mdc,
           count(*) AS cases,
           count(*)::DOUBLE / (SELECT count(*) FROM compared) AS share
    FROM compared
    GROUP BY ALL
),
by_mdc AS (
    SELECT 'by_mdc' AS kind, NULL::VARCHAR AS upstream_drg_code, NULL::VARCHAR AS own_drg_code, mdc,
           count(*) FILTER (WHERE NOT agree) AS cases,
           count(*) FILTER (WHERE NOT agree)::DOUBLE / count(*) AS share
    FROM compared
    GROUP BY mdc
    HAVING count(*) FILTER (WHERE NOT agree) > 0
),
by_code AS (
    SELECT 'by_code' AS kind, upstream_drg_code, NULL::VARCHAR AS own_drg_code, NULL::VARCHAR AS mdc,
           count(*) FILTER (WHERE NOT agree) AS cases,
           count(*) FILTER (WHERE NOT agree)::DOUBLE / count(*) AS share
    FROM compared
    GROUP BY upstream_drg_code
    HAVING count(*) FILTER (WHERE NOT agree) > 0
    ORDER BY cases DESC, upstream_drg_code
    LIMIT 50
),
rows AS (
    SELECT * FROM total
    UNION ALL SELECT * FROM pairs
    UNION ALL SELECT * FROM by_mdc
    UNION ALL SELECT * FROM by_code
)
SELECT kind, upstream_drg_code, own_drg_code, mdc, cases::BIGINT AS cases, share::DOUBLE AS share
FROM rows
ORDER BY CASE kind WHEN 'total' THEN 1 WHEN 'pair' THEN 2 WHEN 'by_mdc' THEN 3 ELSE 4 END,
         cases DESC, upstream_drg_code NULLS FIRST, own_drg_code NULLS FIRST, mdc NULLS FIRST
