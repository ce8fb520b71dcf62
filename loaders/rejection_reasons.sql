-- rejection_reasons: rows set aside per input table and reason, aggregated for the data-quality page.
-- A row may break several rules (its reasons are joined with '; '); each counts once per reason. The
-- values quoted in a reason ("…") and the line numbers it names are stripped, so no claim's values or
-- identifiers reach the site: only how many rows broke which rule.
WITH reasons AS (
    SELECT "table",
           unnest(string_split(regexp_replace(regexp_replace(reason, '"[^"]*"', '"…"', 'g'), '\(first at line [0-9]+[^)]*\)', '(first at an earlier line)', 'g'), '; ')) AS reason
    FROM rejected
)
SELECT "table", trim(reason) AS reason, count(*) AS rows
FROM reasons
WHERE trim(reason) <> ''
GROUP BY ALL
ORDER BY "table", rows DESC, reason
