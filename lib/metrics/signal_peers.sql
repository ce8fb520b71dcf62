-- Peers and flags of the monitoring signals (metrics.md §10): reads signal_values and hospitals, builds
-- signal_results. A hospital's peers are the other hospitals of its level that show the signal that year
-- (all the other hospitals of the region that show it where its level has fewer than 5 others). Flagged:
-- value above the peers' 80th percentile (quantile_cont) and at least their mean + 2 sample standard
-- deviations, and not 0. Rank 1 = the highest value among the hospital and its peers.
CREATE OR REPLACE TABLE signal_results AS
WITH shown AS (
    SELECT v.*, h.level::INTEGER AS level
    FROM signal_values AS v JOIN hospitals AS h USING (hospital_id)
    WHERE v.value IS NOT NULL
),
sized AS (
    -- how many other hospitals of the same level show the signal that year
    SELECT *, count(*) OVER (PARTITION BY signal, year, level) - 1 AS same_level_others FROM shown
),
peer_values AS (
    SELECT a.hospital_id, a.year, a.signal, b.hospital_id AS peer_id, b.value
    FROM sized AS a
    JOIN shown AS b ON b.signal = a.signal AND b.year = a.year AND b.hospital_id <> a.hospital_id
                   AND (a.same_level_others < 5 OR b.level = a.level)
),
peer_stats AS (
    SELECT hospital_id, year, signal, count(*) AS peers,
           avg(value ORDER BY peer_id) AS peer_mean,
           stddev_samp(value ORDER BY peer_id) AS peer_sd,
           quantile_cont(value, 0.8) AS peer_p80
    FROM peer_values GROUP BY ALL
),
ranked AS (
    -- rank among the hospital and its peers (1 = the highest value)
    SELECT a.hospital_id, a.year, a.signal, 1 + count(p.peer_id) FILTER (WHERE p.value > a.value) AS peer_rank
    FROM shown AS a LEFT JOIN peer_values AS p USING (hospital_id, year, signal)
    GROUP BY ALL
)
SELECT v.hospital_id, v.year, v.signal, v.cases, v.value, s.peers, s.peer_mean, s.peer_sd, s.peer_p80, r.peer_rank,
       coalesce(v.value <> 0 AND v.value > s.peer_p80 AND v.value >= s.peer_mean + 2 * s.peer_sd, false) AS flagged
FROM signal_values AS v
LEFT JOIN peer_stats AS s USING (hospital_id, year, signal)
LEFT JOIN ranked AS r USING (hospital_id, year, signal)
ORDER BY v.signal, v.year, v.hospital_id;
