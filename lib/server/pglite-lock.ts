import "server-only";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";

/**
 * A second process opening the same PGlite folder corrupts it silently, so the folder is guarded by a
 * lock file beside it: created atomically (O_EXCL), holding pid, host and a random token. A live holder
 * is refused; a stale one (its process is gone) is taken over.
 */
interface LockInfo {
  pid: number;
  host: string;
  token: string;
  since: string;
}

export class DataFolderLockedError extends Error {
  constructor(
    readonly lockPath: string,
    readonly holder: LockInfo,
  ) {
    super(
      `The embedded database at ${lockPath.replace(/\.lock$/, "")} is in use by process ${holder.pid} on ${holder.host} ` +
        `(since ${holder.since}). Stop that process first (e.g. the running server), or point PILLARS_DATA_DIR elsewhere.`,
    );
    this.name = "DataFolderLockedError";
  }
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

function readLock(lockPath: string): LockInfo | null {
  try {
    return JSON.parse(fs.readFileSync(/*turbopackIgnore: true*/ lockPath, "utf8")) as LockInfo;
  } catch {
    return null;
  }
}

export interface HeldLock {
  release(): void;
}

export function acquireDataFolderLock(folder: string): HeldLock {
  const lockPath = `${folder}.lock`;
  const mine: LockInfo = { pid: process.pid, host: os.hostname(), token: randomBytes(16).toString("hex"), since: new Date().toISOString() };
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      fs.writeFileSync(/*turbopackIgnore: true*/ lockPath, JSON.stringify(mine), { flag: "wx" });
      const release = () => {
        const current = readLock(lockPath);
        if (current?.token === mine.token) fs.rmSync(/*turbopackIgnore: true*/ lockPath, { force: true });
      };
      process.once("exit", release);
      return { release };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const holder = readLock(lockPath);
      const stale = !holder || (holder.host === os.hostname() && !processAlive(holder.pid));
      if (holder && holder.pid === process.pid && holder.host === os.hostname()) {
        // Our own earlier lock (e.g. a module reloaded in development): take it over.
        fs.rmSync(/*turbopackIgnore: true*/ lockPath, { force: true });
        continue;
      }
      if (!stale) throw new DataFolderLockedError(lockPath, holder);
      fs.rmSync(/*turbopackIgnore: true*/ lockPath, { force: true });
    }
  }
  throw new Error(`Could not take the lock ${lockPath}`);
}
