// `npm test`: every suite, in order of speed, stopping at nothing — all run, and the exit code is non-zero
// when any failed.
//   lint · typecheck · unit · integration on PGlite (in memory) ‖ on PostgreSQL (when TEST_DATABASE_URL is set)
//   ‖ on PGlite with the clock moved (when PILLARS_TEST_CLOCK_SHIFT is set) · unit with the clock moved ·
//   end-to-end in Chromium (against a production build on a fresh embedded database) · the benchmark at the
//   small scale (`npm run bench -- --scale small --quick`; no timing is asserted)
// The three integration runs (PGlite, PostgreSQL, PGlite with the clock moved) run side by side: each runs its
// files one after another on its own database, so together they use both cores of a small machine. Their output
// is prefixed with the suite's name. Set PILLARS_TEST_SERIAL=1 to run every suite alone, one after another.
// Set PILLARS_TEST_ONLY=unit,int,... to run a subset.
// Set PILLARS_TEST_CLOCK_SHIFT (a faketime offset such as `+400d`; CI sets it) to run the unit and embedded
// integration suites once more with the whole process's clock moved by that much (Debian's `faketime`), so a
// test that only passes on the day it was written fails now, not on a later day.
import { spawn } from "node:child_process";
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
  { name: "int", cmd: bin("vitest"), args: ["run", "--project", "int"], together: "int" },
  process.env.TEST_DATABASE_URL
    ? { name: "int-postgres", cmd: bin("vitest"), args: ["run", "--project", "int"], env: { DATABASE_URL: process.env.TEST_DATABASE_URL }, together: "int" }
    : { name: "int-postgres", skip: "TEST_DATABASE_URL is not set" },
  { ...shifted("int-shifted-clock", ["run", "--project", "int"]), together: "int" },
  shifted("unit-shifted-clock", ["run", "--project", "unit"]),
  { name: "e2e", cmd: bin("playwright"), args: ["test"] },
  // The benchmark harness at the small scale, once: proves it still runs end to end; timings are never asserted.
  { name: "bench-small", cmd: "npm", args: ["run", "bench", "--", "--scale", "small", "--quick"] },
];

const serial = process.env.PILLARS_TEST_SERIAL === "1";
const heading = (suite) => `${suite.name}${suite.cmd === FAKETIME ? ` (clock moved ${clockShift})` : ""}`;

/** Runs a suite to its end; with `prefix`, its output is read line by line and each line printed after the prefix. */
function run(suite, prefix) {
  return new Promise((resolve) => {
    const started = Date.now();
    // Runs side by side keep their caches apart, so one never reads a file another is writing.
    const env = { ...baseEnv, ...suite.env, ...(prefix ? { PILLARS_VITEST_CACHE_DIR: path.join(root, "node_modules", ".vite", `test-${suite.name}`) } : {}) };
    // Output is read line by line: printed at once (after the prefix, when side by side) and kept for the recap.
    const child = spawn(suite.cmd, suite.args, { stdio: ["ignore", "pipe", "pipe"], env });
    const kept = [];
    for (const [stream, out] of [[child.stdout, process.stdout], [child.stderr, process.stderr]]) {
      let rest = "";
      const print = (line) => {
        out.write(`${prefix ?? ""}${line}\n`);
        kept.push(line);
      };
      stream.on("data", (chunk) => {
        const lines = (rest + chunk.toString()).split("\n");
        rest = lines.pop() ?? "";
        lines.forEach(print);
      });
      stream.on("end", () => rest && print(rest));
    }
    const done = (status) => resolve({ name: suite.name, status, seconds: ((Date.now() - started) / 1000).toFixed(0), output: kept });
    child.on("error", (error) => {
      console.log(`${prefix ?? ""}${suite.name} could not start: ${error.message}`);
      done("failed");
    });
    child.on("close", (code) => done(code === 0 ? "passed" : "failed"));
  });
}

const selected = suites.filter((suite) => !only || only.includes(suite.name));
const results = [];
for (let i = 0; i < selected.length; ) {
  const suite = selected[i];
  if (suite.skip) {
    console.log(`\n━━ ${suite.name}: skipped (${suite.skip})`);
    results.push({ name: suite.name, status: "skipped" });
    i += 1;
    continue;
  }
  if (suite.fail) {
    console.log(`\n━━ ${suite.name}: ${suite.fail}`);
    results.push({ name: suite.name, status: "failed" });
    i += 1;
    continue;
  }
  // Suites marked to run together that follow one another (skipped ones aside) start at once.
  const batch = [suite];
  let j = i + 1;
  while (!serial && suite.together && j < selected.length && (selected[j].skip || selected[j].together === suite.together)) {
    if (!selected[j].skip && !selected[j].fail) batch.push(selected[j]);
    j += 1;
  }
  if (batch.length === 1) {
    console.log(`\n━━ ${heading(suite)}`);
    results.push(await run(suite));
    i += 1;
    continue;
  }
  console.log(`\n━━ ${batch.map(heading).join(" ‖ ")} (side by side; each line starts with its suite's name)`);
  const width = Math.max(...batch.map((b) => b.name.length));
  const finished = await Promise.all(batch.map((b) => run(b, `[${b.name.padEnd(width)}] `)));
  for (const r of finished) console.log(`━━ ${r.name}: ${r.status} (${r.seconds} s)`);
  for (const skipped of selected.slice(i + 1, j).filter((s) => s.skip || s.fail)) {
    console.log(`\n━━ ${skipped.name}: ${skipped.skip ? `skipped (${skipped.skip})` : skipped.fail}`);
  }
  // The summary keeps the suites' own order.
  for (const s of selected.slice(i, j)) {
    const r = finished.find((f) => f.name === s.name);
    results.push(r ?? { name: s.name, status: s.skip ? "skipped" : "failed" });
  }
  i = j;
}

// What failed, repeated at the end where a reader of the log's last lines sees it: Vitest's "Failed Tests" block,
// Playwright's list of failed journeys, or else the suite's last lines.
const RECAP_LINES = 60;
for (const r of results.filter((r) => r.status === "failed" && r.output)) {
  const plain = r.output.map((line) => line.replace(/\x1b\[[0-9;]*m/g, ""));
  const from = plain.findIndex((line) => /Failed Tests \d+|^\s+\d+ failed$/.test(line));
  const lines = from >= 0 ? plain.slice(from, from + RECAP_LINES) : plain.slice(-RECAP_LINES / 2);
  console.log(`\n━━ ${r.name} failed — ${from >= 0 ? "what failed" : "its last lines"} (repeated from above)`);
  for (const line of lines) console.log(`  ${line}`);
}

console.log("\n━━ summary");
for (const r of results) console.log(`  ${r.status.padEnd(8)} ${r.name}${r.seconds ? ` (${r.seconds} s)` : ""}`);
const passed = results.filter((r) => r.status === "passed").length;
const failed = results.filter((r) => r.status === "failed").length;
const skipped = results.filter((r) => r.status === "skipped").length;
console.log(`suites: ${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failed ? 1 : 0);
