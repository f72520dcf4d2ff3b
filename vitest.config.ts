import path from "node:path";
import { defineConfig } from "vitest/config";

const alias = {
  "@": path.resolve(import.meta.dirname),
  // `server-only` throws outside a React Server Component bundle; tests import server modules directly.
  "server-only": path.resolve(import.meta.dirname, "lib/testing/server-only-stub.ts"),
};

export default defineConfig({
  // scripts/test.mjs gives each of the runs it starts side by side a cache of its own (run order and timings).
  cacheDir: process.env.PILLARS_VITEST_CACHE_DIR || undefined,
  resolve: { alias },
  test: {
    projects: [
      {
        resolve: { alias },
        test: {
          name: "unit",
          include: ["{lib,components,app,scripts,prisma}/**/*.test.{ts,tsx}"],
          exclude: ["**/*.int.test.ts", "node_modules/**"],
          environment: "node",
        },
      },
      {
        resolve: { alias },
        test: {
          name: "int",
          include: ["{lib,app,scripts,prisma}/**/*.int.test.ts"],
          environment: "node",
          globalSetup: ["lib/testing/global-setup.ts"],
          setupFiles: ["lib/testing/int-setup.ts"],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // One database per run, shared by files run one after another (reset between files).
          fileParallelism: false,
          // Modules are fresh per file (so vi.mock applies); the database instance lives on globalThis and is reused.
          env: {
            NODE_ENV: "test",
            PILLARS_DATA_DIR: "memory://",
            AUTH_SECRET: "integration-tests-secret-integration-tests-secret",
          },
        },
      },
    ],
  },
});
