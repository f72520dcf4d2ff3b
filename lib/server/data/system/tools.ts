import "server-only";
import { db, type Db } from "@/lib/server/db";

/**
 * The whole database client, for the routines that take it as their argument: the built-in rows
 * (services/bootstrap.ts) and the demo seed (prisma/seed). The command line hands it on and queries nothing.
 */
export function databaseClient(): Db {
  return db;
}
