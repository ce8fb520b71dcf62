-- metrics.md §2's base period as two macros, kept in the workspace, so that every method's base period
-- is chosen and weighed by the same words: DRG weights (weights.sql), outpatient APG (lib/apg/grouping.sql),
-- and DIP through base_year_weights. chosen_base_years: the base_years parameter; else the first three
-- years with claims in all twelve months (as many as there are); where none has, the first three years.
-- base_year_weight: oldest → newest 2:3:5 (two years 2:3, one year 1).
CREATE OR REPLACE MACRO chosen_base_years(years_in_order, full_years_in_order) AS
    coalesce(list_sort(list_distinct(getvariable('base_years')::BIGINT[])), full_years_in_order[1:3], years_in_order[1:3]);
CREATE OR REPLACE MACRO base_year_weight(n, rank) AS
    CASE n WHEN 1 THEN 1 WHEN 2 THEN [2, 3][rank] WHEN 3 THEN [2, 3, 5][rank]
           ELSE error('parameter baseYears: at most three base years (metrics.md §2 weighs them 2:3:5); got ' || n)
    END::DOUBLE;
