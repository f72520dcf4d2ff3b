// The server the end-to-end tests run against: a production build (reused when up to date) on a fresh
// embedded database in a temporary folder, seeded with the demo organisation, on E2E_PORT.
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
process.chdir(root);
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "pillars-e2e-"));
const env = {
  ...process.env,
  NEXT_TELEMETRY_DISABLED: "1",
  PILLARS_DATA_DIR: path.join(dataDir, "db"),
  AUTH_SECRET: "e2e-secret-e2e-secret-e2e-secret-e2e-secret",
  PORT: process.env.E2E_PORT ?? "3100",
  PILLARS_DIST_DIR: process.env.PILLARS_DIST_DIR ?? ".next",
  // The journeys sign in with the demo's published passwords; this server is on loopback, but say so explicitly.
  PILLARS_DEMO_PASSWORDS: "allow",
  HOST: "127.0.0.1",
};
if (process.env.E2E_SMTP_PORT) {
  env.SMTP_URL = `smtp://e2e:e2e-password@127.0.0.1:${process.env.E2E_SMTP_PORT}`;
  env.SMTP_FROM = "Pillars <surveys@e2e.pillars.test>";
}
if (process.env.E2E_OIDC_PORT) {
  // e2e/sso.spec.ts starts the provider itself; Auth.js only contacts it when someone signs in through it.
  env.AUTH_OIDC_ISSUER = `http://127.0.0.1:${process.env.E2E_OIDC_PORT}`;
  env.AUTH_OIDC_ID = "pillars-e2e";
  env.AUTH_OIDC_SECRET = "pillars-e2e-oidc-client-secret";
  env.AUTH_OIDC_NAME = "Test identity provider";
}
delete env.DATABASE_URL;
if (process.env.E2E_DATABASE_URL) env.DATABASE_URL = process.env.E2E_DATABASE_URL;
const child = spawn(process.execPath, ["scripts/start.mjs"], { stdio: "inherit", env });
const stop = () => {
  child.kill("SIGTERM");
  fs.rmSync(dataDir, { recursive: true, force: true });
};
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
child.on("exit", (code) => {
  fs.rmSync(dataDir, { recursive: true, force: true });
  process.exit(code ?? 0);
});

