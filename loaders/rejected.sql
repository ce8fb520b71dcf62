-- rejected: every row set aside, with its table, line in its file (the header is line 1), id and reasons.
SELECT "table", line, claim_id, record_id, reason, file
FROM rejected
ORDER BY "table", file, line
