// The site in a real browser (npm run test:e2e): builds the site on a small generated region, serves it
// on 127.0.0.1 and drives Debian's chromium. Slow (a build and some forty page loads), so apart from
// `npm test`.
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/e2e/**/*.test.ts"],
    testTimeout: 180_000,
    hookTimeout: 900_000,
    pool: "forks",
    fileParallelism: false,
  },
});
