/**
 * One database's benchmark, run as its own process by bench/run.ts (the database is chosen from the
 * environment when lib/server/db.ts is imported): DATABASE_URL for PostgreSQL, PILLARS_DATA_DIR for
 * the embedded database. Generates the dataset, measures in-process work first (the embedded database
 * is locked by whichever process opens it), then starts the production server and measures over HTTP.
 * Writes its figures as JSON to --out; exits 1 when any measurement threw.
 * `--only import`: the group tree and teams only, then the import measurement alone (no server), e.g.
 * `DATABASE_URL=… npx tsx --conditions=react-server bench/suite.ts --scale large --only import`.
 * `--only generate`: the dataset alone, left in the database (for profiling against it).
 */
import { SHARED_VIEWER } from "@/lib/server/disclosure/viewer";
import fs from "node:fs";
import { parseArgs } from "node:util";
import { hashPassword } from "@/lib/server/auth/password";
import { createApiToken } from "@/lib/server/auth/tokens";
import { closeDb, databaseKind, db, sqlRunner } from "@/lib/server/db";
import { isEmbedded } from "@/lib/server/env";
import { installJobQueue } from "@/lib/server/jobs/worker";
import { applyMigrations } from "@/lib/server/migrate";
import { ensureBuiltIns } from "@/lib/server/services/bootstrap";
import { AffectedTeams } from "@/lib/server/services/delivery/affected";
import { recomputeAffected, recomputeTeams } from "@/lib/server/services/delivery/recompute";
import { writeDeployments } from "@/lib/server/services/ingest/deployments";
import { refreshAllRollups } from "@/lib/server/services/rollups";
import { getOverview } from "@/lib/server/services/overview";
import { claimScheduleSlot } from "@/lib/server/data/jobs";
import { checkAlerts } from "@/lib/server/services/notifications/alerts";
import { sessionCookie } from "./browser";
import { datasetWindow, generateDataset, teamId } from "./dataset";
import { batches, newDeployments, newPullRequests } from "./events";
import { measureFloor } from "./floor";
import { firstLoadJs, measureDuringImport, measureEndToEnd, measureFirstAfterWrite, measureGet, measureIngest, measureLoad, summarise, waitForIdleJobs } from "./http";
import { liveImportFile, measureImport } from "./import-pipeline";
import { SCALES, effortFor, teamCount, type ScaleName } from "./scale";
import type { SuiteResult } from "./suite-result";
import { freePort, startServer } from "./server";

const { values: args } = parseArgs({
  options: {
    scale: { type: "string", default: "small" },
    quick: { type: "boolean", default: false },
    out: { type: "string" },
    dist: { type: "string", default: ".next" },
    "first-load": { type: "boolean", default: false },
    only: { type: "string" },
  },
});
const scale = SCALES[args.scale as ScaleName];
if (!scale) throw new Error(`Unknown scale ${args.scale}`);
const effort = effortFor(args.quick);
if (args.only !== undefined && args.only !== "import" && args.only !== "generate") throw new Error("--only takes: import, generate");
const importOnly = args.only === "import";
const teams = teamCount(scale);
const label = databaseKind === "embedded" ? "embedded" : "postgresql";
const log = (line: string) => console.log(`[${label}] ${line}`);

const result: SuiteResult = { database: label, serverVersion: "", errors: [] };

async function step<T>(name: string, work: () => Promise<T>): Promise<T | undefined> {
  log(`▸ ${name}`);
  const started = performance.now();
  try {
    const value = await work();
    log(`  done in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    return value;
  } catch (error) {
    const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
    console.error(`[${label}] ✖ ${name}: ${message}`);
    result.errors.push({ measurement: name, message: error instanceof Error ? error.message : String(error) });
    return undefined;
  }
}

const seconds = (since: number) => Math.round((performance.now() - since) / 10) / 100;
const window = datasetWindow(scale);
const BENCH_USER = { email: "bench-admin@bench.invalid", password: "bench-admin-password" };

async function prepare(): Promise<void> {
  const runner = await sqlRunner();
  if (!isEmbedded) await applyMigrations(runner, { advisoryLock: true });
  await installJobQueue();
  result.serverVersion = (await runner.query<{ server_version: string }>("SHOW server_version"))[0].server_version;
  await ensureBuiltIns(db);
  const started = performance.now();
  const steps = await generateDataset(runner, scale, window, log, { teamsOnly: importOnly });
  const generated = seconds(started);
  const rollupStarted = performance.now();
  await refreshAllRollups();
  const rollupSeconds = seconds(rollupStarted);
  const analyzeStarted = performance.now();
  await runner.exec("ANALYZE");
  result.generation = { steps, seconds: generated, rollupSeconds, analyzeSeconds: seconds(analyzeStarted) };
  log(`  dataset ${generated} s, roll-ups ${rollupSeconds} s`);
}

async function headlineMetricIds(): Promise<string[]> {
  return (await db.metricDefinition.findMany({ where: { headline: true, archivedAt: null }, select: { id: true } })).map((m) => m.id);
}

const GROUP_ID = "bg-1-1";

async function floors(): Promise<void> {
  const runner = await sqlRunner();
  const ids = await headlineMetricIds();
  const from = window.toWeek.slice(0, 10);
  const fromWeek = new Date(Date.parse(from) - 51 * 7 * 86_400_000).toISOString().slice(0, 10);
  const groupTeams = (await db.team.findMany({ where: { group: { OR: [{ id: GROUP_ID }, { parentId: GROUP_ID }] } }, select: { id: true } })).map((t) => t.id);
  result.floor = {
    org: await measureFloor(runner, { type: "ORG" }, ids, fromWeek, window.toWeek, effort.floorRepeats),
    group: await measureFloor(runner, { type: "GROUP", id: GROUP_ID, teamIds: groupTeams }, ids, fromWeek, window.toWeek, effort.floorRepeats),
    team: await measureFloor(runner, { type: "TEAM", id: teamId(0) }, ids, fromWeek, window.toWeek, effort.floorRepeats),
  };
}

async function overviewInProcess(): Promise<void> {
  const query = { scope: "org", range: "1y" as const, granularity: "week" as const, viewer: SHARED_VIEWER };
  for (let i = 0; i < 3; i++) await getOverview(query);
  const samples: number[] = [];
  for (let i = 0; i < effort.overviewRequests; i++) {
    const started = performance.now();
    await getOverview(query);
    samples.push(performance.now() - started);
  }
  result.overviewInProcess = summarise(samples);
}

async function recompute(): Promise<void> {
  const fullStarted = performance.now();
  const full = await recomputeTeams();
  const full_ = { seconds: seconds(fullStarted), ...full };
  // Incremental: a batch of 1,000 new deployments written as the ingestion API writes them, then the recompute it
  // triggers. The first comes right after the full recompute, whose rewritten values its writes meet first; three
  // more batches in a row show the steady state (their median).
  const runner = await sqlRunner();
  const batch = async (tag: string) => {
    const events = newDeployments(tag, 1000, teams, scale.servicesPerTeam, new Date(`${window.toWeek}T00:00:00Z`));
    const affected = new AffectedTeams();
    await runner.transaction((tx) => writeDeployments(tx, events, affected));
    const started = performance.now();
    const outcome = await recomputeAffected(affected);
    return { ms: Math.round(performance.now() - started), events: events.length, ...outcome };
  };
  const incremental = await batch("incr");
  const next: number[] = [];
  for (const tag of ["incr-b", "incr-c", "incr-d"]) next.push((await batch(tag)).ms);
  result.recompute = { full: full_, incremental, nextIncrementalMs: next };
}

/**
 * The hourly alerts check, which reads every team's overview, timed in process. It takes this hour's slot and
 * the next two, so the server does not start it again in the middle of the measurements over HTTP.
 */
async function alertsCheck(): Promise<void> {
  const now = new Date();
  const runner = await sqlRunner();
  await runner.transaction(async (tx) => {
    for (let h = 0; h < 3; h++) await claimScheduleSlot(tx, "alerts.check", new Date(now.getTime() + h * 3_600_000).toISOString().slice(0, 13));
  });
  const started = performance.now();
  const { raised } = await checkAlerts(now);
  result.alertsCheck = { seconds: seconds(started), raised };
}

async function prepareAccess(): Promise<string> {
  const { token } = await createApiToken({ name: "bench", scopes: ["read", "ingest"] });
  await db.user.upsert({
    where: { email: BENCH_USER.email },
    create: { email: BENCH_USER.email, name: "Bench Admin", role: "ADMIN", passwordHash: await hashPassword(BENCH_USER.password) },
    update: {},
  });
  await (await sqlRunner()).exec("ANALYZE");
  return token;
}

async function overHttp(token: string, liveCsv: string | undefined): Promise<void> {
  const port = await freePort();
  const server = await startServer({ port, distDir: args.dist, env: process.env, log });
  const url = (q: string) => `${server.baseUrl}/api/v1/overview?range=1y&granularity=week${q}`;
  // Each measurement with the server's peak memory so far, so the log shows which one raised it.
  const measure = async <T>(name: string, work: () => Promise<T>): Promise<T | undefined> => {
    const value = await step(name, work);
    log(`  server peak memory so far: ${server.memory().peakRssMb} MB`);
    return value;
  };
  try {

    result.overview = await measure("overview over HTTP (org)", () => measureGet(url(""), token, effort.overviewRequests));
    result.group = await measure("overview over HTTP (group)", () => measureGet(url(`&scope=group:${GROUP_ID}`), token, effort.scopeRequests));
    result.team = await measure("overview over HTTP (team)", () => measureGet(url(`&scope=team:${teamId(0)}`), token, effort.scopeRequests));
    if (liveCsv) {
      result.overviewDuringImport = await measure(`overview while ${scale.importRows.toLocaleString("en")} metric values are imported`, () =>
        measureDuringImport(server.baseUrl, url(""), token, liveCsv, scale.importRows, effort.scopeRequests),
      );
    }
    result.load = await measure(`load: ${effort.loadConnections} connections for ${effort.loadSeconds} s`, () => measureLoad(url(""), token, effort.loadConnections, effort.loadSeconds));
    await measure("ingestion over HTTP", async () => {
      const now = new Date();
      const runTag = `ing${Date.now().toString(36)}`;
      const count = effort.ingestBatches * 500;
      // One event to each route first: the server loads a route's modules on its first request.
      await measureIngest(`${server.baseUrl}/api/v1/deployments`, token, [newDeployments(`${runTag}wd`, 1, teams, scale.servicesPerTeam, now)]);
      await measureIngest(`${server.baseUrl}/api/v1/pull-requests`, token, [newPullRequests(`${runTag}wp`, 1, teams, scale.servicesPerTeam, now)]);
      const deployments = await measureIngest(`${server.baseUrl}/api/v1/deployments`, token, batches(newDeployments(`${runTag}d`, count, teams, scale.servicesPerTeam, now), 500));
      const pullRequests = await measureIngest(`${server.baseUrl}/api/v1/pull-requests`, token, batches(newPullRequests(`${runTag}p`, count, teams, scale.servicesPerTeam, now), 500));
      result.ingest = { deployments, pullRequests };
      // The recomputes those batches queued (coalesced) finish in the background: how long after the last answer.
      const cookie = await sessionCookie(server.baseUrl, BENCH_USER.email, BENCH_USER.password);
      const drainStarted = performance.now();
      await waitForIdleJobs(server.baseUrl, cookie);
      result.ingestDrainSeconds = Math.round((performance.now() - drainStarted) / 100) / 10;
    });
    result.ingestEndToEnd = await measure("ingestion end to end (POST to recomputed values)", async () => {
      const runTag = `e2e${Date.now().toString(36)}`;
      return measureEndToEnd(server.baseUrl, `${server.baseUrl}/api/v1/deployments`, token, batches(newDeployments(runTag, effort.endToEndBatches * 500, teams, scale.servicesPerTeam, new Date()), 500));
    });
    result.overviewAfterWrite = await measure("overview: first request after a write", async () => {
      const runTag = `w${Date.now().toString(36)}`;
      const writes = Array.from({ length: effort.afterWriteRequests }, (_, i) => newDeployments(`${runTag}${i}`, 1, teams, scale.servicesPerTeam, new Date()));
      return measureFirstAfterWrite(server.baseUrl, url(""), `${server.baseUrl}/api/v1/deployments`, token, writes);
    });
    if (args["first-load"]) {
      result.firstLoadJs = await measure("first-load JS of the overview page", async () => firstLoadJs(`${server.baseUrl}/`, await sessionCookie(server.baseUrl, BENCH_USER.email, BENCH_USER.password)));
    }
  } finally {
    const memory = await server.stop();
    result.memory = { ...memory, benchProcessPeakMb: Math.round(process.resourceUsage().maxRSS / 1024) };
  }
}

async function main(): Promise<void> {
  const prepared = await step(`generate the ${scale.name} dataset`, async () => (await prepare(), true));
  if (!prepared || args.only === "generate") return;
  if (importOnly) {
    await step(`import ${scale.importRows.toLocaleString("en")} metric values`, async () => {
      result.import = await measureImport(scale.importRows, teams, window, log);
      log(`  ${JSON.stringify(result.import)}`);
    });
    return;
  }
  await step("floor: hand-written SQL per panel", floors);
  await step("overview in-process (org)", overviewInProcess);
  await step("recompute delivery and flow metrics", recompute);
  await step(`import ${scale.importRows.toLocaleString("en")} metric values`, async () => {
    result.import = await measureImport(scale.importRows, teams, window, log);
  });
  await step("alerts check (every team's overview)", alertsCheck);
  const token = await step("API token and sign-in account", prepareAccess);
  const liveCsv = await step("a file to import while the overview is measured", () => liveImportFile(scale.importRows, teams, window));
  // The server takes the embedded database's lock: release it first.
  await closeDb();
  if (token) await step("production server", () => overHttp(token, liveCsv));
}

main()
  .catch((error) => {
    result.errors.push({ measurement: "suite", message: error instanceof Error ? error.message : String(error) });
    console.error(error);
  })
  .finally(async () => {
    await closeDb().catch(() => undefined);
    if (args.out) fs.writeFileSync(args.out, JSON.stringify(result, null, 2));
    process.exit(result.errors.length > 0 ? 1 : 0);
  });
