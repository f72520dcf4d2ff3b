import "server-only";
import fs from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import type { SqlDriverAdapter, SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import pg from "pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { dataDir, env, isEmbedded } from "./env";
import { applyMigrations } from "./migrate";
import { acquireDataFolderLock, type HeldLock } from "./pglite-lock";
import { copyOverConnection, pgClientRunner, pgliteRunner, type SqlRunner } from "./sql-runner";

/**
 * The one database client. Picked once from configuration: PostgreSQL when DATABASE_URL is set, else the
 * embedded PGlite folder (locked against a second process, migrated on open). Nobody else constructs one.
 */

interface Embedded {
  pglite: PGlite;
  lock: HeldLock | null;
}

interface DbState {
  prisma: PrismaClient;
  runner: () => Promise<SqlRunner>;
  /** The pooled PostgreSQL connection with this backend pid (null on the embedded database). */
  connection: (pid: number) => pg.PoolClient | null;
  close: () => Promise<void>;
}

async function openEmbedded(dir: string): Promise<Embedded> {
  const inMemory = dir.startsWith("memory://");
  let lock: HeldLock | null = null;
  if (!inMemory) {
    fs.mkdirSync(/*turbopackIgnore: true*/ path.dirname(dir), { recursive: true }); // PGlite does not create parent folders.
    lock = acquireDataFolderLock(dir);
  }
  try {
    const pglite = await PGlite.create({
      dataDir: inMemory ? undefined : dir,
      // Without these the write-ahead log grows to more than half of the folder.
      postgresqlconf: ["max_wal_size = 64MB", "min_wal_size = 32MB"],
      serializers: { [BYTEA]: byteaText },
      parsers: { [BYTEA]: byteaBytes },
    });
    await applyMigrations(pgliteRunner(pglite), { advisoryLock: false });
    return { pglite, lock };
  } catch (error) {
    lock?.release();
    throw error;
  }
}

/**
 * Bytes travel to and from PGlite as hex text. Its own conversion and the Prisma adapter's go byte by byte in
 * JavaScript (an import's stored file: 200 ms per MB written, 70 ms per MB read); Buffer's hex codec does the same
 * in a seventh of the time.
 */
const BYTEA = 17;

function byteaText(value: unknown): string {
  if (!(value instanceof Uint8Array)) throw new Error("Invalid input for bytea type");
  return `\\x${Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString("hex")}`;
}

function byteaBytes(text: string): Uint8Array {
  const bytes = Buffer.from(text.slice(2), "hex");
  return new Uint8Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength)); // its own memory, not Buffer's shared pool
}

/** `client` with the adapter's per-query bytea parser replaced by byteaBytes, in its transactions too. */
function withFastBytes<T extends Pick<PGlite, "query">>(client: T): T {
  return new Proxy(client, {
    get(target, property) {
      if (property === "query") {
        return (sql: string, params?: unknown[], options?: Parameters<PGlite["query"]>[2]) =>
          target.query(sql, params, options?.parsers ? { ...options, parsers: { ...options.parsers, [BYTEA]: byteaBytes } } : options);
      }
      if (property === "transaction" && typeof (target as { transaction?: unknown }).transaction === "function") {
        return (work: Parameters<PGlite["transaction"]>[0]) => (target as unknown as PGlite).transaction((tx) => work(withFastBytes(tx)));
      }
      const value = Reflect.get(target, property, target);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}

/** Opens PGlite on first use, so importing this module never touches the disk (e.g. during `next build`). */
class LazyPGliteFactory implements SqlMigrationAwareDriverAdapterFactory {
  readonly provider = "postgres" as const;
  readonly adapterName = "pglite-prisma-adapter";
  constructor(private readonly open: () => Promise<Embedded>) {}
  async connect(): Promise<SqlDriverAdapter> {
    const { pglite } = await this.open();
    return new PrismaPGlite(withFastBytes(pglite)).connect();
  }
  async connectToShadowDb(): Promise<SqlDriverAdapter> {
    throw new Error("The embedded database has no shadow database; author migrations against PostgreSQL.");
  }
}

function createState(): DbState {
  const log = env.PILLARS_LOG_QUERIES === "1" ? (["query"] as const) : undefined;
  if (isEmbedded) {
    let opening: Promise<Embedded> | null = null;
    const open = () => (opening ??= openEmbedded(dataDir()));
    const prisma = new PrismaClient({ adapter: new LazyPGliteFactory(open), log: log ? [...log] : undefined });
    return {
      prisma,
      runner: async () => pgliteRunner((await open()).pglite),
      connection: () => null,
      close: async () => {
        await prisma.$disconnect();
        if (opening) {
          const { pglite, lock } = await opening;
          await pglite.close();
          lock?.release();
          opening = null;
        }
      },
    };
  }
  const pool = new pg.Pool({ connectionString: env.DATABASE_URL, max: 10 });
  // An idle client's error (e.g. the server restarting) must not crash the process.
  pool.on("error", () => {});
  // Each pooled connection by its server process id, so a COPY can join the Prisma transaction that holds it.
  const byPid = new Map<number, pg.PoolClient>();
  pool.on("connect", (c) => {
    const pid = (c as pg.PoolClient & { processID?: number }).processID;
    if (pid !== undefined) byPid.set(pid, c);
  });
  pool.on("remove", (c) => {
    const pid = (c as pg.PoolClient & { processID?: number }).processID;
    if (pid !== undefined && byPid.get(pid) === c) byPid.delete(pid);
  });
  const prisma = new PrismaClient({ adapter: new PrismaPg(pool), log: log ? [...log] : undefined });
  return {
    prisma,
    runner: async () => poolRunner(pool),
    connection: (pid) => byPid.get(pid) ?? null,
    close: async () => {
      await prisma.$disconnect();
      await pool.end();
    },
  };
}

/** A runner whose transactions each take their own pooled connection. */
function poolRunner(pool: pg.Pool): SqlRunner {
  return {
    async query<T>(sql: string, params: unknown[] = []) {
      return (await pool.query(sql, params)).rows as T[];
    },
    async exec(script) {
      await pool.query(script);
    },
    async transaction(work) {
      const client = await pool.connect();
      try {
        return await pgClientRunner(client).transaction(work);
      } finally {
        client.release();
      }
    },
    async copyFrom(target, csv) {
      const client = await pool.connect();
      try {
        return await copyOverConnection(client, target, csv);
      } finally {
        client.release();
      }
    },
  };
}

const globalForDb = globalThis as unknown as { __pillarsDb?: DbState };
const state = (globalForDb.__pillarsDb ??= createState());

export const db: PrismaClient = state.prisma;
export type Db = PrismaClient;

/** Raw SQL access for bulk paths (COPY-like inserts, roll-ups, migrations) that Prisma cannot express well. */
export function sqlRunner(): Promise<SqlRunner> {
  return state.runner();
}

/**
 * COPY into the transaction running on the PostgreSQL connection with this backend pid (a Prisma interactive
 * transaction holds one pooled connection until it ends; `SELECT pg_backend_pid()` inside it names it). Null on
 * the embedded database, whose single connection is held by the transaction itself.
 */
export function copyIntoConnection(pid: number): ((target: string, csv: Iterable<string>) => Promise<number>) | null {
  const connection = state.connection(pid);
  return connection ? (target, csv) => copyOverConnection(connection, target, csv) : null;
}

export async function closeDb(): Promise<void> {
  await state.close();
  delete globalForDb.__pillarsDb;
}

export const databaseKind: "embedded" | "postgresql" = isEmbedded ? "embedded" : "postgresql";
