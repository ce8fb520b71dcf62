-- procedure_classes: the reference table of metrics.md §7, read from the grouping scheme in use. One
-- row per procedure code that some ADRG's own list names: class `operation` (a surgical ADRG: letter
-- A–J, in MDC R only RA) or `intervention` (a non-operating-room ADRG K–Q, or MDC R's RB–RG); adrgs:
-- the ADRGs (space-joined) that give it that class. Every other procedure code is `diagnostic`; a case
-- without procedure codes is `conservative`. Built by lib/grouping/procedure-classes.ts.
SELECT code, class, adrgs
FROM procedure_classes
ORDER BY code
