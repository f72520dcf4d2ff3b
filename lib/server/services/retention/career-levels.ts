import "server-only";
import type { CareerLevelRow } from "@/lib/retention/api-types";
import {
  anyPersonAtLevel,
  anyPromotionWithLevel,
  careerLevelById,
  careerLevelIdByKey,
  countPeopleAtLevel,
  deleteCareerLevelRow,
  insertCareerLevel,
  listCareerLevelRows,
  peopleCountByLevel,
  updateCareerLevelRow,
} from "@/lib/server/data/retention/career-levels";
import { inTransaction } from "@/lib/server/data/runner";
import { conflict, notFound } from "@/lib/server/errors";
import type { Actor } from "@/lib/server/http/actor";
import { recordAudit } from "@/lib/server/services/audit";
import type { CareerLevelInput } from "@/lib/validation/people";

/**
 * The organisation's career framework. Levels are ordered per track (IC, M); promotions must move
 * up it (check-records.ts). A level that any record uses, now or in a promotion, cannot be
 * deleted or re-keyed, so history keeps meaning what it meant.
 */

export async function listCareerLevels(): Promise<CareerLevelRow[]> {
  const [levels, usage] = await Promise.all([
    listCareerLevelRows(),
    peopleCountByLevel(),
  ]);
  const count = new Map(usage.map((u) => [u.level, u.people]));
  return levels.map((l) => ({ id: l.id, key: l.key, name: l.name, track: l.track, order: l.order, people: count.get(l.key) ?? 0 }));
}

async function isInUse(key: string): Promise<boolean> {
  const [person, promotion] = await Promise.all([
    anyPersonAtLevel(key),
    anyPromotionWithLevel(key),
  ]);
  return person !== null || promotion !== null;
}

export async function createCareerLevel(actor: Actor, input: CareerLevelInput): Promise<CareerLevelRow> {
  if (await careerLevelIdByKey(input.key)) throw conflict(`Level ${input.key} already exists.`);
  const level = await inTransaction(async (tx) => {
    const created = await insertCareerLevel(input, tx);
    await recordAudit(actor, { action: "create", entityType: "CareerLevel", entityId: created.key, summary: `Added career level ${created.key}`, after: created }, tx);
    return created;
  });
  return { ...level, people: 0 };
}

export async function updateCareerLevel(actor: Actor, id: string, patch: Partial<CareerLevelInput>): Promise<CareerLevelRow> {
  const before = await careerLevelById(id);
  if (!before) throw notFound("Career level");
  if (patch.key !== undefined && patch.key !== before.key) {
    if (await isInUse(before.key)) throw conflict(`Level ${before.key} is in use by people records; its key cannot change.`);
    if (await careerLevelIdByKey(patch.key)) throw conflict(`Level ${patch.key} already exists.`);
  }
  const after = await inTransaction(async (tx) => {
    const updated = await updateCareerLevelRow(id, patch, tx);
    await recordAudit(actor, { action: "update", entityType: "CareerLevel", entityId: updated.key, summary: `Changed career level ${updated.key}`, before, after: updated }, tx);
    return updated;
  });
  const people = await countPeopleAtLevel(after.key);
  return { ...after, people };
}

export async function deleteCareerLevel(actor: Actor, id: string): Promise<void> {
  const level = await careerLevelById(id);
  if (!level) throw notFound("Career level");
  if (await isInUse(level.key)) throw conflict(`Level ${level.key} is in use by people records or promotions and cannot be deleted.`);
  await inTransaction(async (tx) => {
    await deleteCareerLevelRow(id, tx);
    await recordAudit(actor, { action: "delete", entityType: "CareerLevel", entityId: level.key, summary: `Deleted career level ${level.key}`, before: level }, tx);
  });
}
