/**
 * `npm run bench -- --scale large|small [--quick] [--db embedded,postgresql] [--no-lighthouse] [--no-scaling] [--no-two-instances] [--readme] [--reuse-build] [--out FILE]`
 *
 * Builds the production server when its build is stale (`--reuse-build`: whenever one exists), runs bench/suite.ts once per database (each in
 * its own process: the database is chosen when the server modules load), measures the overview page in
 * a browser against a demo-seeded server, then prints the table and writes bench/results.json.
 *
 * PostgreSQL: a fresh database on BENCH_DATABASE_URL (default postgresql://postgres@127.0.0.1:5432),
 * dropped afterwards. `--quick` (used by `npm test`): embedded only unless BENCH_DATABASE_URL or
 * TEST_DATABASE_URL is set, fewer requests, a 5-second load test, no Lighthouse, and the results go to a
 * temporary file so the published ones stay. A large run first runs the same suites at the small scale
 * (unless `--no-scaling`) for the scaling table: each figure at both scales and its growth against the data's
 * 50×. With PostgreSQL (not `--quick`) it also runs two app servers and a separate worker on one database, as
 * `npm run test:resilience` does, and reports its figures. Exits 1 when any measurement failed; timings never
 * fail it.
 */
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import pg from "pg";
import { DEMO_ACCOUNTS } from "@/prisma/seed/accounts";
import { runLighthouse, sessionCookie } from "./browser";
import { machineLine, markdownTable, scalingTable, terminalTable, type BenchResults } from "./report";
import { effortFor, SCALES, type ScaleName } from "./scale";
import { ensureBuild, freePort, ROOT, startServer } from "./server";
import type { SuiteResult } from "./suite-result";

const { values: args } = parseArgs({
  options: {
    scale: { type: "string", default: "large" },
    quick: { type: "boolean", default: false },
    db: { type: "string" },
    "no-lighthouse": { type: "boolean", default: false },
    "no-scaling": { type: "boolean", default: false },
    "no-two-instances": { type: "boolean", default: false },
    readme: { type: "boolean", default: false },
    "reuse-build": { type: "boolean", default: false },
    out: { type: "string" },
  },
});
const scaleName = args.scale as ScaleName;
if (!SCALES[scaleName]) throw new Error(`--scale must be one of ${Object.keys(SCALES).join(", ")}`);
const quick = args.quick;
const effort = effortFor(quick);
const distDir = process.env.PILLARS_DIST_DIR || ".next";
const authSecret = process.env.AUTH_SECRET || "bench-secret-bench-secret-bench-secret-0000";
const pgBase = process.env.BENCH_DATABASE_URL || (quick ? process.env.TEST_DATABASE_URL : undefined) || "postgresql://postgres@127.0.0.1:5432";
const usePostgres = args.db ? args.db.split(",").includes("postgresql") : !quick || Boolean(process.env.BENCH_DATABASE_URL || process.env.TEST_DATABASE_URL);
const useEmbedded = args.db ? args.db.split(",").includes("embedded") : true;
const outFile = args.out ?? (quick ? path.join(os.tmpdir(), `pillars-bench-${process.pid}.json`) : path.join(ROOT, "bench", "results.json"));
const tsx = path.join(ROOT, "node_modules", ".bin", "tsx");
const log = (line: string) => console.log(line);
const errors: BenchResults["errors"] = [];

function baseEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, AUTH_SECRET: authSecret, NEXT_TELEMETRY_DISABLED: "1", PILLARS_DIST_DIR: distDir };
  delete env.DATABASE_URL;
  delete env.PILLARS_DATA_DIR;
  return env;
}

function runChild(args: string[], env: NodeJS.ProcessEnv): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(tsx, ["--conditions=react-server", ...args], { cwd: ROOT, env, stdio: "inherit" });
    child.on("exit", (code) => resolve(code ?? 1));
  });
}

async function runSuite(kind: "embedded" | "postgresql", env: NodeJS.ProcessEnv, firstLoad: boolean, scale: ScaleName): Promise<SuiteResult | undefined> {
  const out = path.join(os.tmpdir(), `pillars-bench-${kind}-${process.pid}.json`);
  const suiteArgs = ["bench/suite.ts", "--scale", scale, "--out", out, "--dist", distDir, ...(quick ? ["--quick"] : []), ...(firstLoad ? ["--first-load"] : [])];
  const code = await runChild(suiteArgs, env);
  if (!fs.existsSync(out)) {
    errors.push({ measurement: kind, message: `The ${kind} benchmark exited with code ${code} without results.` });
    return undefined;
  }
  const result = JSON.parse(fs.readFileSync(out, "utf8")) as SuiteResult;
  fs.rmSync(out, { force: true });
  errors.push(...result.errors.map((e) => ({ measurement: `${kind}${scale === scaleName ? "" : ` (${scale})`}: ${e.measurement}`, message: e.message })));
  if (code !== 0 && result.errors.length === 0) errors.push({ measurement: kind, message: `exited with code ${code}` });
  return result;
}

async function embedded(firstLoad: boolean, scale: ScaleName = scaleName): Promise<SuiteResult | undefined> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "pillars-bench-"));
  try {
    return await runSuite("embedded", { ...baseEnv(), PILLARS_DATA_DIR: path.join(dir, "db") }, firstLoad, scale);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

async function postgres(firstLoad: boolean, scale: ScaleName = scaleName): Promise<SuiteResult | undefined> {
  const name = `pillars_bench_${process.pid}_${Date.now().toString(36)}`;
  const admin = new pg.Client({ connectionString: withDatabase(pgBase, "postgres") });
  try {
    await admin.connect();
    await admin.query(`CREATE DATABASE "${name}"`);
  } catch (error) {
    errors.push({ measurement: "postgresql", message: `Cannot create a database on ${pgBase}: ${(error as Error).message}` });
    await admin.end().catch(() => undefined);
    return undefined;
  }
  try {
    return await runSuite("postgresql", { ...baseEnv(), DATABASE_URL: withDatabase(pgBase, name) }, firstLoad, scale);
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`).catch((e) => errors.push({ measurement: "postgresql", message: `Could not drop ${name}: ${(e as Error).message}` }));
    await admin.end();
  }
}

function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

/** Lighthouse on the overview page of a separate, demo-seeded embedded server. */
async function lighthouse(results: BenchResults): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "pillars-bench-demo-"));
  const env = { ...baseEnv(), PILLARS_DATA_DIR: path.join(dir, "db") };
  try {
    log("\n▸ Lighthouse: demo organisation");
    const code = await runChild(["scripts/pillars.ts", "seed", "--demo"], env);
    if (code !== 0) throw new Error(`seed --demo exited with code ${code}`);
    const server = await startServer({ port: await freePort(), distDir, env, log });
    try {
      const account = DEMO_ACCOUNTS.find((a) => a.role === "LEADER") ?? DEMO_ACCOUNTS[0];
      const cookie = await sessionCookie(server.baseUrl, account.email, account.password);
      results.frontend.lighthouse = await runLighthouse(`${server.baseUrl}/`, cookie);
      log(`  performance ${results.frontend.lighthouse.performance}`);
    } finally {
      await server.stop();
    }
  } catch (error) {
    errors.push({ measurement: "lighthouse", message: (error as Error).message });
    console.error(error);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** `npm run test:resilience`'s two-instance run (two app servers, a worker SIGKILLed mid-job), its figures kept. */
async function twoInstances(results: BenchResults): Promise<void> {
  log("\n━━ PostgreSQL: two app servers and a worker");
  const out = path.join(os.tmpdir(), `pillars-bench-two-${process.pid}.json`);
  const env = { ...baseEnv(), RESILIENCE_ONLY: "two-instances", RESILIENCE_DIST_DIR: distDir, RESILIENCE_PG_URL: withDatabase(pgBase, "postgres"), RESILIENCE_OUT: out };
  const code = await new Promise<number>((resolve) => {
    const child = spawn(process.execPath, ["scripts/resilience/run.mjs"], { cwd: ROOT, env, stdio: "inherit" });
    child.on("exit", (c) => resolve(c ?? 1));
  });
  if (!fs.existsSync(out)) {
    errors.push({ measurement: "two instances", message: `The two-instance run exited with code ${code} without results.` });
    return;
  }
  const run = JSON.parse(fs.readFileSync(out, "utf8")) as { checks: { name: string; ok: boolean }[]; twoInstances: BenchResults["twoInstances"] | null };
  fs.rmSync(out, { force: true });
  if (run.twoInstances) results.twoInstances = run.twoInstances;
  for (const c of run.checks.filter((c) => !c.ok)) errors.push({ measurement: "two instances", message: `check failed: ${c.name}` });
}

/** Replaces the table between the README's bench markers with this run's (`--readme`). */
function updateReadme(results: BenchResults): void {
  const file = path.join(ROOT, "README.md");
  const readme = fs.readFileSync(file, "utf8");
  const start = "<!-- bench-results:start -->";
  const end = "<!-- bench-results:end -->";
  const a = readme.indexOf(start);
  const b = readme.indexOf(end);
  if (a < 0 || b < a) throw new Error(`README.md has no ${start} … ${end} markers.`);
  const scaling = scalingTable(results);
  const body = [
    `Measured ${results.generatedAt.slice(0, 10)}, ${results.scale} scale, in ${Math.round(results.durationSeconds / 60)} minutes (bench/results.json).`,
    "",
    markdownTable(results),
    ...(scaling ? ["", `Scaling: the same suites at the ${results.scaling?.scale} scale (1/50 of the data) in the same run.`, "", scaling] : []),
    "",
    `Machine: ${machineLine(results)}`,
  ].join("\n");
  fs.writeFileSync(file, `${readme.slice(0, a + start.length)}\n${body}\n${readme.slice(b)}`);
  log("README.md Performance table updated.");
}

function version(pkg: string): string {
  try {
    return (JSON.parse(fs.readFileSync(path.join(ROOT, "node_modules", pkg, "package.json"), "utf8")) as { version: string }).version;
  } catch {
    return "?";
  }
}

async function main(): Promise<void> {
  const started = performance.now();
  const results: BenchResults = {
    generatedAt: new Date().toISOString(),
    scale: scaleName,
    quick,
    durationSeconds: 0,
    machine: {
      cpu: os.cpus()[0]?.model.trim() ?? "unknown",
      cores: os.cpus().length,
      memoryGb: Math.round(os.totalmem() / 1024 ** 3 * 10) / 10,
      os: `${os.type()} ${os.release()}`,
      loadAverageAtStart: os.loadavg().map((n) => Math.round(n * 10) / 10),
    },
    versions: { node: process.versions.node, next: version("next"), prisma: version("prisma"), prismaClient: version("@prisma/client"), pglite: version("@electric-sql/pglite") },
    build: { distDir, ...ensureBuild(distDir, log, args["reuse-build"]) },
    databases: {},
    frontend: {},
    errors,
  };
  log(`Benchmark: ${scaleName} scale${quick ? " (quick)" : ""}; build in ${distDir}`);
  if (scaleName === "large" && !quick && !args["no-scaling"]) {
    results.scaling = { scale: "small", databases: {} };
    if (useEmbedded) {
      log("\n━━ embedded database (PGlite), small scale, for the scaling table");
      results.scaling.databases.embedded = await embedded(false, "small");
    }
    if (usePostgres) {
      log("\n━━ PostgreSQL, small scale, for the scaling table");
      results.scaling.databases.postgresql = await postgres(false, "small");
    }
  }
  let firstLoad = true;
  if (useEmbedded) {
    log("\n━━ embedded database (PGlite)");
    results.databases.embedded = await embedded(firstLoad);
    firstLoad = false;
  }
  if (usePostgres) {
    log(`\n━━ PostgreSQL (${pgBase})`);
    results.databases.postgresql = await postgres(firstLoad);
  }
  if (usePostgres && !quick && !args["no-two-instances"]) await twoInstances(results);
  const withJs = Object.values(results.databases).find((r) => r?.firstLoadJs);
  results.frontend.firstLoadJs = withJs?.firstLoadJs;
  if (effort.lighthouse && !args["no-lighthouse"]) await lighthouse(results);
  else results.frontend.lighthouseSkipped = quick ? "skipped (--quick)" : "skipped (--no-lighthouse)";

  results.versions.embeddedPostgres = results.databases.embedded?.serverVersion ?? "?";
  if (results.databases.postgresql) results.versions.postgres = results.databases.postgresql.serverVersion;
  results.durationSeconds = Math.round((performance.now() - started) / 1000);

  fs.writeFileSync(outFile, `${JSON.stringify(results, null, 2)}\n`);
  log(`\n━━ results (${scaleName} scale, ${results.durationSeconds} s) → ${path.relative(ROOT, outFile)}\n`);
  log(terminalTable(results));
  const scaling = scalingTable(results);
  if (scaling) log(`\nScaling (small → large):\n${scaling}`);
  log(`\n${machineLine(results)}`);
  if (args.readme) updateReadme(results);
  if (errors.length > 0) {
    console.error(`\n✖ ${errors.length} measurement(s) failed:`);
    for (const e of errors) console.error(`  ${e.measurement}: ${e.message.split("\n")[0]}`);
    process.exitCode = 1;
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
