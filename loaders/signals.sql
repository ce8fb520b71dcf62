-- signals: one row per hospital, year and signal (metrics.md §10; table signal_results of
-- lib/metrics/signals.sql). value is NULL under 11 cases; peers = the other hospitals of the same level
-- (all the others where the level has fewer than 5); peer_rank 1 = the highest value among them and it.
SELECT r.hospital_id, r.year, r.signal, r.cases, r.value, r.peers, r.peer_mean, r.peer_sd, r.peer_p80,
       r.peer_rank, r.flagged, h.name, h.level::INTEGER AS level
FROM signal_results AS r
LEFT JOIN hospitals AS h USING (hospital_id)
ORDER BY r.signal, r.year, r.hospital_id
