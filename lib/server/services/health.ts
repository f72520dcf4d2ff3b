import "server-only";
import { pingDatabase } from "@/lib/server/data/admin/health";
import { openSql } from "@/lib/server/data/runner";
import { databaseKind } from "@/lib/server/db";

export async function checkHealth(): Promise<{ ok: boolean; database: "up" | "down"; kind: string }> {
  try {
    await pingDatabase(await openSql());
    return { ok: true, database: "up", kind: databaseKind };
  } catch {
    return { ok: false, database: "down", kind: databaseKind };
  }
}
