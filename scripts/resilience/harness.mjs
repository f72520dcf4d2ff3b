// Pieces of the resilience suite: a Pillars server under our control (start, SIGKILL, restart), the CLI,
// a TCP relay that can cut the database off, and small HTTP helpers.
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { heapArgs } from "../heap.mjs";

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const bin = (name) => path.join(root, "node_modules", ".bin", name);
export const distDir = process.env.RESILIENCE_DIST_DIR ?? ".next-resilience";
export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

export function baseEnv(database) {
  const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1", NODE_ENV: "production", PILLARS_DIST_DIR: distDir, AUTH_SECRET: "resilience-secret-resilience-secret-0123" };
  delete env.DATABASE_URL;
  delete env.PILLARS_DATA_DIR;
  if (database.url) env.DATABASE_URL = database.url;
  else env.PILLARS_DATA_DIR = database.dataDir;
  return { ...env, ...database.env };
}

export function cli(database, args) {
  const r = spawnSync(bin("tsx"), ["--conditions=react-server", "scripts/pillars.ts", ...args], { cwd: root, env: baseEnv(database), encoding: "utf8" });
  if (r.status !== 0) throw new Error(`pillars ${args.join(" ")} failed: ${r.stderr || r.stdout}`);
  return r.stdout;
}

export function inspect(database, prefix, importId) {
  const r = spawnSync(bin("tsx"), ["--conditions=react-server", "scripts/resilience/inspect.ts", prefix, ...(importId ? [importId] : [])], { cwd: root, env: baseEnv(database), encoding: "utf8" });
  if (r.status !== 0) throw new Error(`inspect failed: ${r.stderr}`);
  return JSON.parse(r.stdout.trim().split("\n").pop());
}

export function ensureBuild() {
  if (fs.existsSync(path.join(root, distDir, "BUILD_ID")) && process.env.RESILIENCE_REBUILD !== "1") return;
  console.log(`  building into ${distDir} …`);
  const r = spawnSync(bin("next"), ["build"], { cwd: root, stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", PILLARS_DIST_DIR: distDir } });
  if (r.status !== 0) throw new Error("build failed");
}

/** The production server `npm start` runs (scripts/serve.mjs), in its own process group, so SIGKILL takes it all down at once. */
export async function startServer(database, port, log) {
  const child = spawn(process.execPath, [...heapArgs(baseEnv(database)), "scripts/serve.mjs", "-p", String(port), "-H", "127.0.0.1"], { cwd: root, env: baseEnv(database), detached: true, stdio: ["ignore", "pipe", "pipe"] });
  child.stdout.on("data", (d) => log.push(d.toString()));
  child.stderr.on("data", (d) => log.push(d.toString()));
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 240; i++) {
    try {
      if ((await fetch(`${url}/api/health`)).ok) break;
    } catch {
      // not listening yet
    }
    if (child.exitCode !== null) throw new Error(`server exited: ${log.join("").slice(-2000)}`);
    await sleep(500);
  }
  const exited = new Promise((resolve) => child.on("exit", resolve));
  return {
    url,
    kill: async (signal = "SIGKILL") => {
      try {
        process.kill(-child.pid, signal);
      } catch {
        // already gone
      }
      await exited;
      // The embedded database's folder lock is released by the next opener when its owner is dead.
    },
  };
}

/** `npm run worker` (PostgreSQL): a process that only runs background jobs, in its own process group. */
export function startWorker(database, log) {
  const child = spawn(process.execPath, ["scripts/worker.mjs"], { cwd: root, env: baseEnv(database), detached: true, stdio: ["ignore", "pipe", "pipe"] });
  child.stdout.on("data", (d) => log.push(d.toString()));
  child.stderr.on("data", (d) => log.push(d.toString()));
  const exited = new Promise((resolve) => child.on("exit", resolve));
  return {
    kill: async (signal = "SIGKILL") => {
      try {
        process.kill(-child.pid, signal);
      } catch {
        // already gone
      }
      await exited;
    },
  };
}

/** Forwards a local port to PostgreSQL; `cut()` drops every connection and refuses new ones, `restore()` reopens. */
export function databaseRelay(targetPort, listenPort) {
  const sockets = new Set();
  let server = null;
  const open = () =>
    new Promise((resolve) => {
      server = net.createServer((client) => {
        const upstream = net.connect(targetPort, "127.0.0.1");
        sockets.add(client).add(upstream);
        client.pipe(upstream).pipe(client);
        const drop = () => {
          client.destroy();
          upstream.destroy();
          sockets.delete(client);
          sockets.delete(upstream);
        };
        client.on("error", drop).on("close", drop);
        upstream.on("error", drop).on("close", drop);
      });
      server.listen(listenPort, "127.0.0.1", resolve);
    });
  return {
    open,
    cut: () =>
      new Promise((resolve) => {
        for (const s of sockets) s.destroy();
        sockets.clear();
        server.close(() => resolve());
      }),
  };
}

export function api(url, token) {
  return async (method, pathname, body, headers = {}) => {
    const response = await fetch(`${url}${pathname}`, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body !== undefined && typeof body !== "string" ? { "content-type": "application/json" } : {}), ...headers },
      body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
      // A hang is a failure too, not a reason to wait forever.
      signal: AbortSignal.timeout(60_000),
    });
    const text = await response.text();
    return { status: response.status, text };
  };
}

export function deployment(id) {
  return { externalId: id, service: "resilience-api", environment: "production", status: "success", finishedAt: new Date().toISOString(), commitSha: "a".repeat(40) };
}
