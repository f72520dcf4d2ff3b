import { defineConfig, devices } from "@playwright/test";

/**
 * End-to-end journeys in Debian's Chromium against a production build served on a fresh embedded database
 * seeded with the demo organisation (scripts/e2e-server.mjs).
 */
const port = Number(process.env.E2E_PORT ?? 3100);
// The server sends survey invitations to this port, where e2e/survey-email.spec.ts listens with a small SMTP server.
process.env.E2E_SMTP_PORT ??= String(port + 1000);
// The server signs in through an OpenID Connect provider e2e/sso.spec.ts runs on this port (lib/testing/oidc-provider.ts).
process.env.E2E_OIDC_PORT ??= String(port + 2000);
const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export default defineConfig({
  testDir: "e2e",
  timeout: 60_000,
  expect: { timeout: 15_000 },
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  reporter: process.env.CI ? [["list"]] : [["list"]],
  outputDir: "test-results",
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: chromium,
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
    },
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"], channel: undefined } }],
  webServer: {
    command: `node scripts/e2e-server.mjs`,
    url: `http://127.0.0.1:${port}/api/health`,
    timeout: 600_000,
    reuseExistingServer: false,
    stdout: "pipe",
    stderr: "pipe",
    env: { E2E_PORT: String(port), E2E_SMTP_PORT: process.env.E2E_SMTP_PORT, E2E_OIDC_PORT: process.env.E2E_OIDC_PORT },
  },
});
