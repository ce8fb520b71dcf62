-- quality: per input table, rows read = rows accepted + rows rejected (input-data.md, "Bad input").
SELECT "table", rows_read, rows_accepted, rows_rejected,
       (rows_rejected / rows_read)::DOUBLE AS rejected_share
FROM quality
ORDER BY "table"
