-- capitation: per signing institution and year, the per-capita package of metrics.md §8.
-- quota: the year's quota (one pool) or the persons-weighted mean of the per-type quotas; package =
-- quota × signed persons; package_spend = the fund paid for those persons' visits of the year at any
-- institution (spend_own at the institution itself, spend_elsewhere at others); surplus = package −
-- spend; kept_or_borne = share_ratio × surplus (negative: the overspend the institution bears).
SELECT c.hospital_id, c.year, c.signed_persons, c.quota, c.package, c.package_spend, c.surplus, c.kept_or_borne,
       h.name, h.level::INTEGER AS level, h.district,
       c.persons_with_visits, c.signed_visits, c.spend_own, c.spend_elsewhere,
       c.spend_elsewhere::DOUBLE / nullif(c.package_spend, 0)::DOUBLE AS elsewhere_share,
       c.share_ratio
FROM apg_capitation AS c
LEFT JOIN hospitals AS h USING (hospital_id)
ORDER BY c.hospital_id, c.year
