import { defineConfig } from "vitest/config";
import tsconfigPaths from "vite-tsconfig-paths";
import SlowestGroupFirst from "./tests/support/sequencer";

// Tests run against a real SQLite file per worker (tests/support/global-setup.ts migrates a template once).
export default defineConfig({
  plugins: [tsconfigPaths()],
  test: {
    include: ["tests/{unit,integration,e2e}/**/*.test.ts"],
    globalSetup: ["tests/support/global-setup.ts"],
    setupFiles: ["tests/support/worker-setup.ts"],
    pool: "forks",
    testTimeout: 30_000,
    hookTimeout: 120_000,
    fileParallelism: true,
    // Two test files at a time: each worker has its own SQLite file, ports and browser, and vitest's default
    // (cores − 1) would run one file at a time on a 2-core CI machine (15 min of vitest instead of under 10).
    maxWorkers: 2,
    minWorkers: 2,
    sequence: { sequencer: SlowestGroupFirst },
    reporters: ["default", "./tests/support/summary-reporter.ts"],
  },
});
