-- parameters: every parameter value used for this build, with the metrics.md section that defines it.
SELECT name, value, section FROM parameters ORDER BY name
