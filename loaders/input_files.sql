-- input_files: the input files this build read, with their fingerprints: rows read and the SHA-256 of the
-- file's bytes (a researcher checks that a rebuild read the very same files).
SELECT "table", file, rows_read, sha256 FROM input_files ORDER BY "table", file
