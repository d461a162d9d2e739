import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // A temporary folder per run; the run fails when a test leaves something in it (test/global-setup.ts).
    globalSetup: ["test/global-setup.ts"],
    setupFiles: ["test/setup.ts"],
    // Synth-heavy suites share one process pool sized for the 2-core machines we run on.
    pool: "forks",
    // Test files share a worker's module cache: provider bindings load once per worker, not once per file.
    isolate: false,
    // Two workers on the 2-core machines: the slow files mostly wait on child-process synths.
    maxWorkers: 2,
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
