-- input_warnings: codes outside the ICD dictionaries, counted per table and column (not a reason to reject).
SELECT "table", "column", warning, codes, distinct_codes, example
FROM input_warnings
ORDER BY "table", "column", warning
