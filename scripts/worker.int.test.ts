import { spawn } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";

/**
 * `npm run worker` (scripts/worker.mjs) runs the job worker under the app server's heap limit (PILLARS_HEAP_MB,
 * scripts/heap.mjs), refuses a limit that is not a size before anything else, and stops cleanly on SIGTERM,
 * whether the signal reaches only the launcher (a container's first process) or its whole process group.
 */
const root = path.resolve(import.meta.dirname, "..");

interface Worker {
  pid: number;
  output: () => string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  waitFor: (pattern: RegExp) => Promise<RegExpMatchArray>;
}

function startWorker(extra: Record<string, string>): Worker {
  const env: NodeJS.ProcessEnv = { ...process.env, AUTH_SECRET: "worker-test-secret-worker-test-secret-01", PILLARS_WORKER_CONCURRENCY: "1", ...extra };
  delete env.NODE_OPTIONS;
  const child = spawn(process.execPath, ["scripts/worker.mjs"], { cwd: root, env, detached: true, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  const waiters: (() => void)[] = [];
  const read = (chunk: Buffer) => {
    output += chunk.toString();
    for (const w of waiters) w();
  };
  child.stdout.on("data", read);
  child.stderr.on("data", read);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on("exit", (code, signal) => resolve({ code, signal })));
  return {
    pid: child.pid!,
    output: () => output,
    exited,
    waitFor: (pattern) =>
      new Promise((resolve, reject) => {
        const check = () => {
          const m = output.match(pattern);
          if (m) resolve(m);
        };
        waiters.push(check);
        check();
        void exited.then(() => {
          const m = output.match(pattern);
          if (m) resolve(m);
          else reject(new Error(`The worker exited without printing ${pattern}:\n${output}`));
        });
      }),
  };
}

describe("npm run worker", () => {
  it("stops before anything else on a heap limit that is not a size", async () => {
    const worker = startWorker({ PILLARS_HEAP_MB: "lots" });
    const { code } = await worker.exited;
    expect(worker.output()).toContain("PILLARS_HEAP_MB must be a whole number of megabytes");
    expect(worker.output()).not.toContain("worker running");
    expect(code).toBe(1);
  }, 60_000);

  it.skipIf(!!process.env.DATABASE_URL)("says it needs PostgreSQL on the embedded database", async () => {
    const worker = startWorker({ PILLARS_HEAP_MB: "320" });
    const { code } = await worker.exited;
    expect(worker.output()).toContain("`npm run worker` needs PostgreSQL (DATABASE_URL)");
    expect(code).toBe(1);
  }, 60_000);

  describe.skipIf(!process.env.DATABASE_URL)("on PostgreSQL", () => {
    it("runs under PILLARS_HEAP_MB and stops cleanly on SIGTERM to the launcher alone", async () => {
      const worker = startWorker({ PILLARS_HEAP_MB: "320" });
      const [, heapMb] = await worker.waitFor(/worker running \(1 at a time, heap limit (\d+) MB\)/);
      // V8's limit is the old space asked for plus the young generation's semi-spaces.
      expect(Number(heapMb)).toBeGreaterThanOrEqual(320);
      expect(Number(heapMb)).toBeLessThan(420);
      process.kill(worker.pid, "SIGTERM");
      expect(await worker.exited).toEqual({ code: 0, signal: null });
      expect(worker.output()).toContain("Stopping: the job in flight finishes first.");
    }, 120_000);

    it("uses the server's default limit, and stops once when the whole process group gets SIGTERM", async () => {
      const worker = startWorker({});
      const [, heapMb] = await worker.waitFor(/heap limit (\d+) MB/);
      expect(Number(heapMb)).toBeGreaterThanOrEqual(768);
      expect(Number(heapMb)).toBeLessThan(900);
      // The worker gets the signal twice: from the group and passed on by the launcher.
      process.kill(-worker.pid, "SIGTERM");
      expect(await worker.exited).toEqual({ code: 0, signal: null });
      expect(worker.output().match(/Stopping:/g)).toHaveLength(1);
    }, 120_000);
  });
});
