import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { heapArgs } from "../scripts/heap.mjs";

/**
 * The production server under test: what `npm start` serves (scripts/serve.mjs, with its heap limit) from the build in `distDir`, on 127.0.0.1, with the
 * same database settings as the in-process measurements. Its memory is sampled over the whole process
 * tree while it runs (resident set, summed), and each process's own high-water mark is read at the end.
 */
export const ROOT = path.resolve(import.meta.dirname, "..");
const NEXT_BIN = path.join(ROOT, "node_modules", "next", "dist", "bin", "next");
const SERVE = path.join(ROOT, "scripts", "serve.mjs");

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const port = (srv.address() as net.AddressInfo).port;
      srv.close(() => resolve(port));
    });
  });
}

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === "node_modules" || entry.name.startsWith(".")) continue;
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : fs.statSync(full).mtimeMs);
  }
  return newest;
}

/** Builds into `distDir` unless its build is newer than every source (the same rule as `npm start`). */
export function ensureBuild(distDir: string, log: (line: string) => void, reuse = false): { built: boolean; seconds: number } {
  const buildId = path.join(ROOT, distDir, "BUILD_ID");
  if (reuse && fs.existsSync(buildId)) return { built: false, seconds: 0 };
  const sources = ["app", "components", "lib", "public", "prisma"].filter((d) => fs.existsSync(path.join(ROOT, d))).map((d) => newestMtime(path.join(ROOT, d)));
  const configs = ["next.config.js", "package.json", "proxy.ts"].map((f) => path.join(ROOT, f)).filter((f) => fs.existsSync(f)).map((f) => fs.statSync(f).mtimeMs);
  if (fs.existsSync(buildId) && Math.max(...sources, ...configs) <= fs.statSync(buildId).mtimeMs) return { built: false, seconds: 0 };
  log(`Building the production server into ${distDir} (sources changed since the last build)…`);
  const started = performance.now();
  const result = spawnSync(process.execPath, [NEXT_BIN, "build"], {
    cwd: ROOT,
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, PILLARS_DIST_DIR: distDir, NEXT_TELEMETRY_DISABLED: "1" },
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.status !== 0) throw new Error(`next build failed:\n${result.stdout}\n${result.stderr}`);
  return { built: true, seconds: (performance.now() - started) / 1000 };
}

function childrenOf(pid: number): number[] {
  try {
    return fs.readFileSync(`/proc/${pid}/task/${pid}/children`, "utf8").trim().split(/\s+/).filter(Boolean).map(Number);
  } catch {
    return [];
  }
}

function processTree(pid: number): number[] {
  const out = [pid];
  for (let i = 0; i < out.length; i++) out.push(...childrenOf(out[i]));
  return out;
}

function statusKb(pid: number, field: "VmRSS" | "VmHWM"): number {
  try {
    const match = new RegExp(`^${field}:\\s+(\\d+) kB`, "m").exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"));
    return match ? Number(match[1]) : 0;
  } catch {
    return 0;
  }
}

export interface MemoryReport {
  /** Highest resident memory of the server's process tree (summed) seen while sampling, MB. */
  peakRssMb: number;
  /** Highest per-process high-water mark (VmHWM) in the tree, MB. */
  peakHwmMb: number;
}

export interface RunningServer {
  baseUrl: string;
  pid: number;
  memory(): MemoryReport;
  stop(): Promise<MemoryReport>;
}

export async function startServer(options: { port: number; distDir: string; env: NodeJS.ProcessEnv; log: (line: string) => void }): Promise<RunningServer> {
  const child: ChildProcess = spawn(process.execPath, [...heapArgs(options.env), SERVE, "-p", String(options.port), "-H", "127.0.0.1"], {
    cwd: ROOT,
    env: { ...options.env, PILLARS_DIST_DIR: options.distDir, NEXT_TELEMETRY_DISABLED: "1", NODE_ENV: "production", PORT: String(options.port) },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const output: string[] = [];
  const keep = (chunk: Buffer) => {
    output.push(chunk.toString());
    if (output.length > 200) output.shift();
  };
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  const pid = child.pid as number;
  let exited: number | null = null;
  child.on("exit", (code) => (exited = code ?? -1));

  let peakRssKb = 0;
  let peakHwmKb = 0;
  const sample = () => {
    const tree = processTree(pid);
    peakRssKb = Math.max(peakRssKb, tree.reduce((n, p) => n + statusKb(p, "VmRSS"), 0));
    for (const p of tree) peakHwmKb = Math.max(peakHwmKb, statusKb(p, "VmHWM"));
  };
  const sampler = setInterval(sample, 250);
  const memory = (): MemoryReport => {
    sample();
    return { peakRssMb: Math.round(peakRssKb / 1024), peakHwmMb: Math.round(peakHwmKb / 1024) };
  };

  const baseUrl = `http://127.0.0.1:${options.port}`;
  const deadline = Date.now() + 180_000;
  for (;;) {
    if (exited !== null) {
      clearInterval(sampler);
      throw new Error(`The server exited (code ${exited}) before it was ready:\n${output.join("")}`);
    }
    try {
      const res = await fetch(`${baseUrl}/api/health`);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill("SIGKILL");
      clearInterval(sampler);
      throw new Error(`The server did not become healthy within 180 s:\n${output.join("")}`);
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  options.log(`  server ready on ${baseUrl} (pid ${pid})`);

  return {
    baseUrl,
    pid,
    memory,
    async stop() {
      const report = memory();
      clearInterval(sampler);
      if (exited === null) {
        const done = new Promise<void>((resolve) => child.once("exit", () => resolve()));
        child.kill("SIGTERM");
        const timer = setTimeout(() => child.kill("SIGKILL"), 10_000);
        await done;
        clearTimeout(timer);
      }
      return report;
    },
  };
}
