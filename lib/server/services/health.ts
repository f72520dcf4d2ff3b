import "server-only";
import { databaseKind, sqlRunner } from "@/lib/server/db";

export async function checkHealth(): Promise<{ ok: boolean; database: "up" | "down"; kind: string }> {
  try {
    const runner = await sqlRunner();
    await runner.query("SELECT 1");
    return { ok: true, database: "up", kind: databaseKind };
  } catch {
    return { ok: false, database: "down", kind: databaseKind };
  }
}
