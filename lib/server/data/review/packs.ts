import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { client, type Tx } from "@/lib/server/data/runner";

/** Meeting packs (their frozen slides as stored JSON) and their action items. */

export interface ActionItemFields {
  title: string;
  owner: string;
  status: string;
  dueDate: Date | null;
}

export interface ActionItemRecord extends ActionItemFields {
  id: string;
  packId: string;
}

const PACK_SELECT = {
  id: true, title: true, date: true, slides: true, createdById: true, createdAt: true,
  actions: { select: { id: true, title: true, owner: true, status: true, dueDate: true }, orderBy: { id: "asc" as const } },
} satisfies Prisma.MeetingPackSelect;

export type PackRecord = Prisma.MeetingPackGetPayload<{ select: typeof PACK_SELECT }>;

/** Creates the pack with its actions; `slides` is the frozen copy, stored as JSON. */
export async function insertPack(
  data: { title: string; date: Date; slides: unknown; shareToken: string; createdById: string; actions: ActionItemFields[] },
  tx: Tx = client,
): Promise<{ id: string }> {
  return tx.meetingPack.create({
    data: {
      title: data.title,
      date: data.date,
      slides: data.slides as Prisma.InputJsonValue,
      shareToken: data.shareToken,
      createdById: data.createdById,
      actions: { create: data.actions },
    },
    select: { id: true },
  });
}

/** Every pack, newest first, with its actions' statuses. */
export async function listPackRecords(tx: Tx = client) {
  return tx.meetingPack.findMany({
    select: { id: true, title: true, date: true, slides: true, createdById: true, actions: { select: { status: true } } },
    orderBy: [{ date: "desc" }, { createdAt: "desc" }],
  });
}

export async function packById(id: string, tx: Tx = client): Promise<PackRecord | null> {
  return tx.meetingPack.findUnique({ where: { id }, select: PACK_SELECT });
}

export async function packByShareToken(shareToken: string, tx: Tx = client): Promise<PackRecord | null> {
  return tx.meetingPack.findUnique({ where: { shareToken }, select: PACK_SELECT });
}

/** The pack presented just before one dated `date` and created at `createdAt`. */
export async function packBefore(date: Date, createdAt: Date, tx: Tx = client): Promise<PackRecord | null> {
  return tx.meetingPack.findFirst({
    where: { OR: [{ date: { lt: date } }, { date, createdAt: { lt: createdAt } }] },
    orderBy: [{ date: "desc" }, { createdAt: "desc" }],
    select: PACK_SELECT,
  });
}

/** The pack's share token; null when the pack does not exist (or has none). */
export async function shareTokenOfPack(id: string, tx: Tx = client): Promise<string | null> {
  return (await tx.meetingPack.findUnique({ where: { id }, select: { shareToken: true } }))?.shareToken ?? null;
}

/** Id, title and date: what the audit trail keeps of a deleted pack. */
export async function packHeaderById(id: string, tx: Tx = client): Promise<{ id: string; title: string; date: Date } | null> {
  return tx.meetingPack.findUnique({ where: { id }, select: { id: true, title: true, date: true } });
}

export async function deletePackById(id: string, tx: Tx = client): Promise<void> {
  await tx.meetingPack.delete({ where: { id } });
}

export async function insertActionItem(packId: string, fields: ActionItemFields, tx: Tx = client): Promise<ActionItemRecord> {
  return tx.actionItem.create({ data: { packId, ...fields } });
}

export async function actionItemById(id: string, tx: Tx = client): Promise<ActionItemRecord | null> {
  return tx.actionItem.findUnique({ where: { id } });
}

/** Changes the given fields (absent ones stay). */
export async function updateActionItemFields(id: string, data: Partial<ActionItemFields>, tx: Tx = client): Promise<ActionItemRecord> {
  return tx.actionItem.update({ where: { id }, data });
}
