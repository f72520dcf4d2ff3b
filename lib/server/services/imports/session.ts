import "server-only";
import type { CsvHeaderInfo } from "@/lib/csv/read";
import type { SessionUser } from "@/lib/server/auth/session-user";
import { ensureOrgSettings, importById } from "@/lib/server/data/imports/imports";
import { forbidden, notFound } from "@/lib/server/errors";
import type { Actor } from "@/lib/server/http/actor";
import { readImport, type Caller, type ImportAccess } from "@/lib/server/permissions";
import type { Client, KindSession } from "./kinds/types";
import { importAccessOf, importKind } from "./registry";

/** Loads an import and opens its kind's session for a file whose header has been read. */
export type ImportRow = NonNullable<Awaited<ReturnType<typeof importById>>>;

export async function loadImport(id: string): Promise<ImportRow> {
  const row = await importById(id);
  if (!row) throw notFound("Import");
  return row;
}

export const callerOf = (actor: Actor, user: SessionUser | null): Caller => ({ user, tokenId: actor.tokenId ?? null });

/**
 * Loads an import for a caller who wants to do `action` with it. Someone else's import answers 404, as one that
 * does not exist (its existence is not theirs to learn); one they may see but not act on answers 403.
 */
export async function loadImportFor(id: string, caller: Caller, action: (caller: Caller, row: ImportAccess) => boolean, refusal: string) {
  const row = await loadImport(id);
  const access = importAccessOf(row);
  if (!readImport(caller, access)) throw notFound("Import");
  if (!action(caller, access)) throw forbidden(refusal);
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
    const settings = await ensureOrgSettings(client);
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
