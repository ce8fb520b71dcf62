-- dip_packets: the DIP packet catalogue (metrics.md §9), one row per packet: kind (core /
-- comprehensive), fold (core, category = diagnosis category × treatment, chapter = ICD-10 chapter ×
-- treatment, treatment = the treatment type alone), its keys, treatment type (§7), base_cases (the
-- non-excluded base-period cases it holds), mean_cost (1:2:7-weighted base-period mean, or the given
-- avg_cost), score (mean / all-case mean × dip_scale, or the given score), cases (all accepted cases,
-- every year) and source (derived from the claims, or given in dip_catalogue).
SELECT packet_code, kind, fold, dx_key, procedures_key, treatment, base_cases, mean_cost, score, cases, source
FROM dip_packet_catalogue
ORDER BY packet_code
