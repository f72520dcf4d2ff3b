// `npm run test:resilience`: load and fault tests against a real server, on the embedded database and (when
// PostgreSQL is reachable) on PostgreSQL. Not part of CI — it takes minutes and kills processes on purpose.
//   soak     50 concurrent clients mixing reads and writes for SOAK_SECONDS (60): zero errors, and every
//            acknowledged write is present exactly once afterwards
//   crash    SIGKILL during an ingestion burst and during a large atomic import (on PostgreSQL provably in its
//            write phase: rows written, not committed); after a restart no acknowledged event is lost, the
//            import is entirely present or absent (rows and undo records), migrations are up to date
//   secrets  the server log never contains an API token or a webhook secret
//   two-instances (PostgreSQL) two app servers with PILLARS_WORKER=off and a separate `npm run worker`: reads
//            on both, ingestion on one, the worker SIGKILLed while a recompute runs and a new one started:
//            zero errors, every acknowledged event stored once, every job done (the dead worker's released
//            by the new one), and the computed weekly deployments count each event once
//   db-down  (PostgreSQL) the database cut off behind a relay: APIs and pages answer 503 with a clear
//            message, and both recover when it returns
// Env: RESILIENCE_OUT (a file: the checks and the two-instance run's figures as JSON, for `npm run bench`), TWO_INSTANCE_SECONDS (40), RESILIENCE_PG_URL (default postgresql://postgres@127.0.0.1:5432/postgres; "off" to skip),
//      SOAK_SECONDS, SOAK_CLIENTS, RESILIENCE_DIST_DIR, RESILIENCE_REBUILD=1, RESILIENCE_ONLY=embedded|postgresql|two-instances|db-down.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { encode } from "@auth/core/jwt";
import pg from "pg";
import { chromium } from "playwright-core";
import { api, cli, databaseRelay, deployment, ensureBuild, inspect, sleep, startServer, startWorker } from "./harness.mjs";

const SOAK_SECONDS = Number(process.env.SOAK_SECONDS ?? 60);
const CLIENTS = Number(process.env.SOAK_CLIENTS ?? 50);
const PG_URL = process.env.RESILIENCE_PG_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const results = [];
/** The two-instance run's figures, for `npm run bench` (RESILIENCE_OUT). */
let twoInstanceFigures = null;

function check(name, ok, detail = "") {
  results.push({ name, ok });
  console.log(`  ${ok ? "ok  " : "FAIL"}  ${name}${detail ? ` — ${detail}` : ""}`);
}

function prepare(database) {
  cli(database, ["migrate"]);
  cli(database, ["user", "create", "--email", "admin@resilience.test", "--name", "Admin", "--role", "ADMIN", "--password", "resilience-admin-password"]);
  return cli(database, ["token", "create", "--name", "resilience", "--scope", "ingest,read"]).trim().split("\n").pop().trim();
}

async function soak(call, prefix) {
  const acknowledged = [];
  const errors = [];
  const until = Date.now() + SOAK_SECONDS * 1000;
  let n = 0;
  let reads = 0;
  const client = async (c) => {
    while (Date.now() < until) {
      const write = (n + c) % 2 === 0;
      if (write) {
        const id = `${prefix}${c}-${n++}`;
        const r = await call("POST", "/api/v1/deployments", deployment(id)).catch((e) => ({ status: 0, text: String(e) }));
        if (r.status >= 200 && r.status < 300) acknowledged.push(id);
        else errors.push(`POST ${r.status} ${r.text.slice(0, 200)}`);
      } else {
        const r = await call("GET", n % 3 === 0 ? "/api/v1/scopes" : "/api/v1/metrics").catch((e) => ({ status: 0, text: String(e) }));
        reads++;
        n++;
        if (r.status !== 200) errors.push(`GET ${r.status} ${r.text.slice(0, 200)}`);
      }
    }
  };
  await Promise.all(Array.from({ length: CLIENTS }, (_, c) => client(c)));
  return { acknowledged, errors, reads };
}

async function ingestionBurstThenKill(server, call, prefix) {
  const acknowledged = [];
  let stop = false;
  const workers = Array.from({ length: 10 }, async (_, w) => {
    for (let i = 0; !stop; i++) {
      const batch = Array.from({ length: 20 }, (_, j) => deployment(`${prefix}${w}-${i}-${j}`));
      const r = await call("POST", "/api/v1/deployments", batch).catch(() => ({ status: 0 }));
      if (r.status >= 200 && r.status < 300) acknowledged.push(...batch.map((d) => d.externalId));
    }
  });
  while (acknowledged.length < 400) await sleep(50);
  await server.kill("SIGKILL");
  stop = true;
  await Promise.all(workers);
  return acknowledged;
}

/**
 * SIGKILL while an import is in its write phase. On PostgreSQL the import's progress (rows written inside its
 * still-open transaction) is committed from a second connection, so polling it from here proves the kill
 * came after rows were written and before the commit. The embedded database has one connection, held by the
 * transaction until it commits: there the kill comes once a status read has waited a second for that
 * connection, i.e. inside the transaction (not provably after its first write).
 */
async function importThenKill(server, call, prefix, rows, progressOf) {
  const csv = ["slug,name,group,location", ...Array.from({ length: rows }, (_, i) => `${prefix}${i},Crash team ${i},${prefix}group,Berlin`)].join("\n");
  const upload = await call("POST", `/api/v1/imports?kind=teams&createUnknown=1&fileName=crash.csv`, csv, { "content-type": "text/csv" });
  const importId = JSON.parse(upload.text).preview?.importId;
  if (!importId) throw new Error(`upload failed: ${upload.status} ${upload.text.slice(0, 300)}`);
  const run = call("POST", `/api/v1/imports/${importId}/run`, { createUnknown: true, skipInvalid: false, wait: true }).catch(() => null);
  let seen = null;
  for (let i = 0; i < 4000; i++) {
    if (progressOf) {
      seen = await progressOf(importId);
      if (seen?.status === "RUNNING" && seen.processedRows > 0) break;
      if (seen?.status === "COMPLETED" || seen?.status === "FAILED") break;
    } else {
      // One connection: once the run's transaction holds it, a status read waits. Nothing else holds it for a
      // second once the run is requested, so a read still waiting then means the kill lands inside the transaction.
      const answer = call("GET", `/api/v1/imports/${importId}`).then((state) => JSON.parse(state.text).import?.status ?? null, () => null);
      const status = await Promise.race([answer, sleep(1000).then(() => "waiting")]);
      if (status === "waiting") {
        seen = { status: "RUNNING, its transaction holding the database", processedRows: null };
        break;
      }
      if (status !== "waiting") seen = { status: await answer, processedRows: null };
      if (seen?.status === "COMPLETED" || seen?.status === "FAILED") break;
    }
    await sleep(25);
  }
  await server.kill("SIGKILL");
  await run;
  return { importId, seen };
}

/** The import's committed progress, read straight from PostgreSQL (not through the server about to die). */
function progressReader(url) {
  return async (importId) => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      const { rows } = await client.query(`SELECT status, "processedRows" FROM "Import" WHERE id = $1`, [importId]);
      return rows[0] ? { status: rows[0].status, processedRows: rows[0].processedRows } : null;
    } finally {
      await client.end();
    }
  };
}

async function scenario(database) {
  console.log(`\n━━ ${database.name}`);
  const log = [];
  const token = prepare(database);
  const port = 3900 + Math.floor(Math.random() * 90);

  let server = await startServer(database, port, log);
  let call = api(server.url, token);
  const soakResult = await soak(call, "soak-");
  check(`soak: ${CLIENTS} clients for ${SOAK_SECONDS} s, ${soakResult.acknowledged.length} writes and ${soakResult.reads} reads, zero errors`, soakResult.errors.length === 0, soakResult.errors.slice(0, 3).join(" | "));

  const acknowledgedBurst = await ingestionBurstThenKill(server, call, "burst-");
  server = await startServer(database, port, log);
  call = api(server.url, token);
  const IMPORT_ROWS = 20_000;
  const killed = await importThenKill(server, call, "crash-", IMPORT_ROWS, database.url ? progressReader(database.url) : null);
  check("secrets: the API token never appears in the server log", !log.join("").includes(token));

  const facts = inspect(database, "");
  const once = (ids) => ids.filter((id) => facts.deployments[id] !== 1);
  check(`soak: every acknowledged write present exactly once (${soakResult.acknowledged.length})`, once(soakResult.acknowledged).length === 0, once(soakResult.acknowledged).slice(0, 5).join(", "));
  check(`crash: no acknowledged event lost after SIGKILL mid-burst (${acknowledgedBurst.length})`, once(acknowledgedBurst).length === 0, once(acknowledgedBurst).slice(0, 5).join(", "));
  const crash = inspect(database, "crash-", killed.importId);
  const atKill = `${killed.seen?.status}${killed.seen?.processedRows ? `, ${killed.seen.processedRows} rows written` : ""}`;
  const whole = crash.teams === IMPORT_ROWS && crash.import?.status === "COMPLETED";
  const none = crash.teams === 0 && crash.import?.status !== "COMPLETED" && crash.import?.changes === 0;
  check(`crash: the import killed mid-run is entirely present or absent (${crash.teams} of ${IMPORT_ROWS} teams, ${crash.import?.changes} undo records; killed while ${atKill})`, whole || none);
  if (database.url) {
    const inWritePhase = killed.seen?.status === "RUNNING" && killed.seen.processedRows > 0 && killed.seen.processedRows < IMPORT_ROWS;
    check(`crash: on PostgreSQL the kill came in the write phase (${atKill}), and nothing of it was committed`, inWritePhase && none);
  }
  check("crash: migrations report up to date after the restart", facts.pendingMigrations.length === 0 && /up to date/.test(cli(database, ["migrate"])));

  server = await startServer(database, port, log);
  const after = await api(server.url, token)("POST", "/api/v1/deployments", deployment("after-restart-1"));
  check("crash: the restarted server accepts writes", after.status >= 200 && after.status < 300, `${after.status}`);
  await server.kill("SIGTERM");
}

/** A valid session for the admin, minted with the server's secret (read before the database is cut off). */
async function sessionCookieFor(url) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const { rows } = await client.query(`SELECT id FROM "User" WHERE email = 'admin@resilience.test'`);
  await client.end();
  const uid = rows[0].id;
  const jwt = await encode({ token: { uid, sid: `resilience-${Date.now()}`, sub: uid }, secret: "resilience-secret-resilience-secret-0123", salt: "authjs.session-token", maxAge: 3600 });
  return { name: "authjs.session-token", value: jwt };
}

async function pageDuringOutage(url, cookie) {
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu"] });
  try {
    const context = await browser.newContext();
    await context.addCookies([{ ...cookie, url }]);
    const page = await context.newPage();
    const response = await page.goto(`${url}/`, { timeout: 60_000 });
    const heading = page.getByRole("heading", { name: "The database is unavailable" });
    await heading.waitFor({ timeout: 30_000 });
    const status = response?.status() ?? 0;
    return { ok: status === 503, detail: status === 503 ? "" : `answered ${status}` };
  } catch (error) {
    return { ok: false, detail: String(error).slice(0, 200) };
  } finally {
    await browser.close();
  }
}

async function databaseDown(pgBase) {
  console.log("\n━━ postgresql: database down");
  const name = `pillars_resilience_down_${process.pid}`;
  const admin = new pg.Client({ connectionString: pgBase });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const target = new URL(pgBase);
  const relayPort = 3990 + Math.floor(Math.random() * 9);
  const relay = databaseRelay(Number(target.port || 5432), relayPort);
  await relay.open();
  const viaRelay = new URL(pgBase);
  viaRelay.port = String(relayPort);
  viaRelay.pathname = `/${name}`;
  const direct = new URL(pgBase);
  direct.pathname = `/${name}`;
  const database = { name: "postgresql (relay)", url: viaRelay.toString() };
  const log = [];
  try {
    // The CLI runs synchronously (it would block the relay living in this process), so it goes direct.
    const token = prepare({ name, url: direct.toString() });
    const server = await startServer(database, 3899, log);
    const call = api(server.url, token);
    console.log("  (server up; cutting the database off)");
    await relay.cut();
    const down = await call("GET", "/api/v1/metrics");
    const health = await fetch(`${server.url}/api/health`);
    check("db-down: APIs answer 503 with a clear message", down.status === 503 && /database is not reachable/i.test(down.text), `${down.status} ${down.text.slice(0, 120)}`);
    check("db-down: the health check answers 503", health.status === 503);
    const page = await pageDuringOutage(server.url, await sessionCookieFor(direct.toString()));
    check("db-down: a signed-in page answers 503 and says the database is unavailable", page.ok, page.detail);
    await relay.open();
    let recovered = false;
    for (let i = 0; i < 30 && !recovered; i++) {
      recovered = (await call("GET", "/api/v1/metrics")).status === 200;
      if (!recovered) await sleep(1000);
    }
    check("db-down: recovers by itself when the database returns", recovered);
    await server.kill("SIGTERM");
  } finally {
    await relay.cut().catch(() => {});
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).catch(() => {});
    await admin.end();
  }
}

/** Two app servers and a separate worker on one PostgreSQL database, the worker killed mid-job. */
async function twoInstances(pgBase) {
  console.log("\n━━ postgresql: two app servers and a worker");
  const name = `pillars_two_${process.pid}`;
  const admin = new pg.Client({ connectionString: pgBase });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(pgBase);
  url.pathname = `/${name}`;
  const database = { name: "two instances", url: url.toString(), env: { PILLARS_WORKER: "off" } };
  const log = [];
  const servers = [];
  const workers = [];
  const sql = new pg.Client({ connectionString: url.toString() });
  try {
    const token = prepare(database);
    await sql.connect();
    await sql.query(`INSERT INTO "Group" (id, name, slug, "updatedAt") VALUES ('two-g', 'Two', 'two', now())`);
    await sql.query(`INSERT INTO "Team" (id, name, slug, "groupId", location, "updatedAt") VALUES ('two-t', 'Two team', 'two-team', 'two-g', 'Berlin', now())`);
    servers.push(await startServer(database, 3911, log), await startServer(database, 3912, log));
    workers.push(startWorker(database, log));
    const [a, b] = servers.map((s) => api(s.url, token));
    const seconds = Number(process.env.TWO_INSTANCE_SECONDS ?? 40);
    const until = Date.now() + seconds * 1000;
    const errors = [];
    const acknowledged = [];
    const readMs = [];
    let killedDuringJob = false;
    let killedAt = 0;
    const reader = async (call) => {
      while (Date.now() < until) {
        const started = performance.now();
        const r = await call("GET", "/api/v1/overview?range=12w").catch((e) => ({ status: 0, text: String(e) }));
        if (r.status !== 200) errors.push(`GET ${r.status} ${r.text.slice(0, 200)}`);
        else readMs.push(performance.now() - started);
      }
    };
    const writer = async () => {
      let n = 0;
      while (Date.now() < until) {
        const batch = Array.from({ length: 50 }, () => ({ ...deployment(`two-${n++}`), team: "two-team" }));
        const r = await a("POST", "/api/v1/deployments", batch).catch((e) => ({ status: 0, text: String(e) }));
        if (r.status === 200) acknowledged.push(...batch.map((d) => d.externalId));
        else errors.push(`POST ${r.status} ${r.text.slice(0, 200)}`);
      }
    };
    const killer = async () => {
      // Kill the worker while it runs a recompute, then start another.
      await sleep(seconds * 250);
      for (let i = 0; i < 400 && !killedDuringJob; i++) {
        const { rows } = await sql.query(`SELECT count(*)::int AS n FROM "Job" WHERE status = 'RUNNING'`);
        if (rows[0].n > 0) {
          await workers[0].kill("SIGKILL");
          killedDuringJob = true;
        } else await sleep(10);
      }
      if (!killedDuringJob) await workers[0].kill("SIGKILL");
      killedAt = Date.now();
      await sleep(2000);
      workers.push(startWorker(database, log));
    };
    await Promise.all([writer(), reader(a), reader(b), reader(a), reader(b), killer()]);
    check("two instances: no errors under reads on both and ingestion on one", errors.length === 0, errors.slice(0, 3).join(" | "));
    check("two instances: the worker was killed while a recompute ran", killedDuringJob);

    // The dead worker's jobs are released after its heartbeat times out (60 s); everything queued then runs.
    let pending = null;
    for (let i = 0; i < 180; i++) {
      const { rows } = await sql.query(`SELECT status, count(*)::int AS n FROM "Job" GROUP BY status`);
      pending = Object.fromEntries(rows.map((r) => [r.status, r.n]));
      if (!pending.QUEUED && !pending.RUNNING) break;
      await sleep(1000);
    }
    const doneAfterKillSeconds = (Date.now() - killedAt) / 1000;
    const allDone = !pending.QUEUED && !pending.RUNNING && !pending.FAILED;
    check("two instances: every job done, none failed, after the worker was killed", allDone, JSON.stringify(pending));
    if (!allDone) console.log(log.join("").slice(-3000));
    const { rows: stored } = await sql.query(`SELECT "externalId", count(*)::int AS n FROM "Deployment" WHERE "externalId" LIKE 'two-%' GROUP BY "externalId"`);
    const counts = new Map(stored.map((r) => [r.externalId, r.n]));
    check("two instances: every acknowledged event stored exactly once", acknowledged.length > 0 && acknowledged.every((id) => counts.get(id) === 1), `${acknowledged.length} acknowledged, ${stored.length} stored`);
    const { rows: figure } = await sql.query(
      `SELECT coalesce(sum(v.value), 0)::int AS n FROM "MetricValue" v JOIN "MetricDefinition" m ON m.id = v."metricId" WHERE m.key = 'deployments' AND v."teamId" = 'two-t'`,
    );
    check("two instances: the recomputed weekly deployments count each stored event once", figure[0].n === stored.length, `figure ${figure[0].n}, stored ${stored.length}`);
    readMs.sort((x, y) => x - y);
    twoInstanceFigures = {
      seconds,
      reads: readMs.length,
      readP95Ms: readMs.length ? readMs[Math.min(readMs.length - 1, Math.ceil(readMs.length * 0.95) - 1)] : null,
      errors: errors.length,
      acknowledged: acknowledged.length,
      storedOnce: acknowledged.filter((id) => counts.get(id) === 1).length,
      stored: stored.length,
      counted: figure[0].n,
      killedDuringJob,
      jobsUndone: (pending.QUEUED ?? 0) + (pending.RUNNING ?? 0) + (pending.FAILED ?? 0),
      doneAfterKillSeconds,
    };
  } finally {
    for (const w of workers) await w.kill("SIGTERM").catch(() => {});
    for (const s of servers) await s.kill("SIGTERM").catch(() => {});
    await sql.end().catch(() => {});
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).catch(() => {});
    await admin.end();
  }
}

async function main() {
  ensureBuild();
  const only = process.env.RESILIENCE_ONLY;
  if (!only || only === "embedded") {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "pillars-resilience-"));
    try {
      await scenario({ name: "embedded database", dataDir: path.join(dataDir, "db") });
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  }
  if (only === "db-down") await databaseDown(PG_URL);
  if (only === "two-instances") await twoInstances(PG_URL);
  if (PG_URL !== "off" && (!only || only === "postgresql")) {
    const admin = new pg.Client({ connectionString: PG_URL });
    const reachable = await admin.connect().then(() => true, () => false);
    if (!reachable) console.log("\n━━ postgresql: skipped (not reachable; set RESILIENCE_PG_URL)");
    else {
      const name = `pillars_resilience_${process.pid}`;
      await admin.query(`CREATE DATABASE ${name}`);
      const url = new URL(PG_URL);
      url.pathname = `/${name}`;
      try {
        await scenario({ name: "postgresql", url: url.toString() });
        await twoInstances(PG_URL);
        await databaseDown(PG_URL);
      } finally {
        await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).catch(() => {});
        await admin.end();
      }
    }
  }
  const failed = results.filter((r) => !r.ok).length;
  console.log(`\n${results.length - failed} of ${results.length} checks passed.`);
  if (process.env.RESILIENCE_OUT) fs.writeFileSync(process.env.RESILIENCE_OUT, JSON.stringify({ checks: results, twoInstances: twoInstanceFigures }));
  process.exit(failed ? 1 : 0);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
