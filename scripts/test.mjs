// `npm test`: every suite, in order of speed, stopping at nothing — all run, and the exit code is non-zero
// when any failed.
//   lint · typecheck · unit · integration on PGlite (in memory) · integration on PostgreSQL (when
//   TEST_DATABASE_URL is set) · unit and integration on PGlite again with the clock moved (when
//   PILLARS_TEST_CLOCK_SHIFT is set) · end-to-end in Chromium (against a production build on a fresh embedded
//   database) · the benchmark at the small scale (`npm run bench -- --scale small --quick`; no timing is asserted)
// Set PILLARS_TEST_ONLY=unit,int,... to run a subset.
// Set PILLARS_TEST_CLOCK_SHIFT (a faketime offset such as `+400d`; CI sets it) to run the unit and embedded
// integration suites once more with the whole process's clock moved by that much (Debian's `faketime`), so a
// test that only passes on the day it was written fails now, not on a later day.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
process.chdir(root);
const bin = (name) => path.join(root, "node_modules", ".bin", name);
const only = process.env.PILLARS_TEST_ONLY?.split(",").map((s) => s.trim());
const baseEnv = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
delete baseEnv.DATABASE_URL;

const clockShift = process.env.PILLARS_TEST_CLOCK_SHIFT?.trim();
const FAKETIME = "/usr/bin/faketime";

/** The same suite again with the clock moved; monotonic time stays real so timeouts still measure real time. */
function shifted(name, args) {
  if (!clockShift) return { name, skip: "PILLARS_TEST_CLOCK_SHIFT is not set" };
  if (!/^[+-]\d+[dhmy]?$/.test(clockShift)) return { name, fail: `PILLARS_TEST_CLOCK_SHIFT must be an offset such as +400d, not "${clockShift}"` };
  if (!existsSync(FAKETIME)) return { name, fail: `${FAKETIME} is missing: apt-get install -y faketime` };
  return { name, cmd: FAKETIME, args: ["-f", clockShift, bin("vitest"), ...args], env: { FAKETIME_DONT_FAKE_MONOTONIC: "1" } };
}

const suites = [
  { name: "lint", cmd: bin("eslint"), args: [".", "--max-warnings=0"] },
  { name: "typecheck", cmd: bin("tsc"), args: ["--noEmit"] },
  { name: "unit", cmd: bin("vitest"), args: ["run", "--project", "unit"] },
  { name: "int", cmd: bin("vitest"), args: ["run", "--project", "int"] },
  process.env.TEST_DATABASE_URL
    ? { name: "int-postgres", cmd: bin("vitest"), args: ["run", "--project", "int"], env: { DATABASE_URL: process.env.TEST_DATABASE_URL } }
    : { name: "int-postgres", skip: "TEST_DATABASE_URL is not set" },
  shifted("unit-shifted-clock", ["run", "--project", "unit"]),
  shifted("int-shifted-clock", ["run", "--project", "int"]),
  { name: "e2e", cmd: bin("playwright"), args: ["test"] },
  // The benchmark harness at the small scale, once: proves it still runs end to end; timings are never asserted.
  { name: "bench-small", cmd: "npm", args: ["run", "bench", "--", "--scale", "small", "--quick"] },
];

const results = [];
for (const suite of suites) {
  if (only && !only.includes(suite.name)) continue;
  if (suite.skip) {
    console.log(`\n━━ ${suite.name}: skipped (${suite.skip})`);
    results.push({ name: suite.name, status: "skipped" });
    continue;
  }
  if (suite.fail) {
    console.log(`\n━━ ${suite.name}: ${suite.fail}`);
    results.push({ name: suite.name, status: "failed" });
    continue;
  }
  console.log(`\n━━ ${suite.name}${suite.cmd === FAKETIME ? ` (clock moved ${clockShift})` : ""}`);
  const started = Date.now();
  const r = spawnSync(suite.cmd, suite.args, { stdio: "inherit", env: { ...baseEnv, ...suite.env } });
  const seconds = ((Date.now() - started) / 1000).toFixed(0);
  results.push({ name: suite.name, status: r.status === 0 ? "passed" : "failed", seconds });
}

console.log("\n━━ summary");
for (const r of results) console.log(`  ${r.status.padEnd(8)} ${r.name}${r.seconds ? ` (${r.seconds} s)` : ""}`);
const passed = results.filter((r) => r.status === "passed").length;
const failed = results.filter((r) => r.status === "failed").length;
const skipped = results.filter((r) => r.status === "skipped").length;
console.log(`suites: ${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failed ? 1 : 0);
