import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";

/**
 * `npm start` on an address other machines can reach refuses to create the demo organisation, whose
 * passwords are published, and stops with a message saying why and what to do — before building or serving.
 */
const root = path.resolve(import.meta.dirname, "..");
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "pillars-start-"));

afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

function start(extra: Record<string, string>): Promise<{ code: number | null; output: string }> {
  const env: NodeJS.ProcessEnv = { ...process.env, PILLARS_DATA_DIR: path.join(dataDir, "db"), AUTH_SECRET: "start-test-secret-start-test-secret-0123", PORT: "0", ...extra };
  for (const name of ["DATABASE_URL", "NODE_ENV", "PILLARS_SKIP_DEMO", "PILLARS_DEMO_PASSWORDS", "PILLARS_PUBLIC_URL", "AUTH_URL"]) if (!(name in extra)) delete env[name];
  const child = spawn(process.execPath, ["scripts/start.mjs"], { cwd: root, env, detached: true, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  return new Promise((resolve) => {
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      // Past the demo step means the check let it through: stop rather than build and serve.
      if (/Demo organisation created|▸ Building|▸ Serving/.test(output)) process.kill(-child.pid!, "SIGKILL");
    };
    child.stdout.on("data", read);
    child.stderr.on("data", read);
    child.on("exit", (code) => resolve({ code, output }));
  });
}

// The started server uses its own embedded database, so the PostgreSQL pass would only repeat this.
describe.skipIf(!!process.env.DATABASE_URL)("npm start and the demo's published passwords", () => {
  it("refuses them on a server listening on every interface, saying how to go on", async () => {
    const { code, output } = await start({ HOST: "0.0.0.0" });
    expect(output).toContain("Not creating the demo organisation");
    expect(output).toContain("it listens on 0.0.0.0 (HOST)");
    expect(output).toContain("PILLARS_DEMO_PASSWORDS=allow");
    expect(output).not.toMatch(/Demo organisation created|▸ Building|▸ Serving/);
    expect(code).toBe(1);
  }, 120_000);

  it("stops before anything else on a heap limit that is not a size", async () => {
    const { code, output } = await start({ PILLARS_HEAP_MB: "lots" });
    expect(output).toContain("PILLARS_HEAP_MB must be a whole number of megabytes");
    expect(output).not.toMatch(/Migrating|Demo organisation|▸ Building|▸ Serving/);
    expect(code).toBe(1);
  }, 120_000);
});
