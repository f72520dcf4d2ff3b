import "server-only";
import type { CsvHeaderInfo } from "@/lib/csv/read";
import type { SessionUser } from "@/lib/server/auth/session-user";
import { db } from "@/lib/server/db";
import { notFound } from "@/lib/server/errors";
import type { Actor } from "@/lib/server/http/actor";
import type { Client, KindSession } from "./kinds/types";
import { importKind } from "./registry";

/** Loads an import and opens its kind's session for a file whose header has been read. */
export async function loadImport(id: string) {
  const row = await db.import.findUnique({ where: { id } });
  if (!row) throw notFound("Import");
  return row;
}

export interface OpenRequest {
  kindKey: string;
  importId: string | null;
  actor: Actor;
  user: SessionUser | null;
  createUnknown: boolean;
  dayOrder?: "DMY" | "MDY";
  now?: Date;
}

export function sessionOpener(client: Client, request: OpenRequest): (info: CsvHeaderInfo) => Promise<KindSession<unknown>> {
  return async (info) => {
    const settings = await client.orgSettings.upsert({ where: { id: 1 }, create: { id: 1 }, update: {} });
    return importKind(request.kindKey).open(client, {
      actor: request.actor,
      user: request.user,
      timeZone: settings.timeZone,
      decimal: info.decimal,
      dayOrder: request.dayOrder,
      createUnknown: request.createUnknown,
      importId: request.importId,
      now: request.now ?? new Date(),
    });
  };
}
