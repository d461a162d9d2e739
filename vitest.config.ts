import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // Synth-heavy suites share one process pool sized for the 2-core machines we run on.
    pool: "forks",
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
