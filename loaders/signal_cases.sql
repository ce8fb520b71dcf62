-- signal_cases: the claims behind each flag (metrics.md §10; table signal_cases of
-- lib/metrics/signals.sql). Claim-level: written by compute, never published on the site.
SELECT signal, hospital_id, year, claim_id, related_claim_id, detail
FROM signal_cases
ORDER BY signal, hospital_id, year, claim_id, related_claim_id NULLS FIRST
