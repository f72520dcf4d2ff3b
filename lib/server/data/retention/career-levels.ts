import "server-only";
import type { CareerLevel } from "@/lib/generated/prisma/client";
import { client, type Tx } from "@/lib/server/data/runner";

/** The organisation's career framework (CareerLevel) and where levels are used. */

export type CareerLevelData = Pick<CareerLevel, "key" | "name" | "track" | "order">;

/** All levels by track, order and key. */
export async function listCareerLevelRows(tx: Tx = client): Promise<CareerLevel[]> {
  return tx.careerLevel.findMany({ orderBy: [{ track: "asc" }, { order: "asc" }, { key: "asc" }] });
}

/** All levels by track and order (the retention report's level segments). */
export async function careerLevelsByTrack(tx: Tx = client): Promise<CareerLevel[]> {
  return tx.careerLevel.findMany({ orderBy: [{ track: "asc" }, { order: "asc" }] });
}

/** How many people are at each level (people without a level under `null`). */
export async function peopleCountByLevel(tx: Tx = client): Promise<{ level: string | null; people: number }[]> {
  const rows = await tx.person.groupBy({ by: ["level"], _count: { _all: true } });
  return rows.map((r) => ({ level: r.level, people: r._count._all }));
}

export async function countPeopleAtLevel(key: string, tx: Tx = client): Promise<number> {
  return tx.person.count({ where: { level: key } });
}

/** Some person at the level, if any. */
export async function anyPersonAtLevel(key: string, tx: Tx = client): Promise<{ id: string } | null> {
  return tx.person.findFirst({ where: { level: key }, select: { id: true } });
}

/** Some promotion from or to the level, if any. */
export async function anyPromotionWithLevel(key: string, tx: Tx = client): Promise<{ id: string } | null> {
  return tx.promotion.findFirst({ where: { OR: [{ fromLevel: key }, { toLevel: key }] }, select: { id: true } });
}

export async function careerLevelIdByKey(key: string, tx: Tx = client): Promise<{ id: string } | null> {
  return tx.careerLevel.findUnique({ where: { key }, select: { id: true } });
}

export async function careerLevelById(id: string, tx: Tx = client): Promise<CareerLevel | null> {
  return tx.careerLevel.findUnique({ where: { id } });
}

export async function insertCareerLevel(data: CareerLevelData, tx: Tx = client): Promise<CareerLevel> {
  return tx.careerLevel.create({ data });
}

export async function updateCareerLevelRow(id: string, patch: Partial<CareerLevelData>, tx: Tx = client): Promise<CareerLevel> {
  return tx.careerLevel.update({ where: { id }, data: patch });
}

export async function deleteCareerLevelRow(id: string, tx: Tx = client): Promise<void> {
  await tx.careerLevel.delete({ where: { id } });
}

/** Each level's key, track and order: what record checks need. */
export async function levelOrders(tx: Tx = client): Promise<{ key: string; track: string; order: number }[]> {
  return tx.careerLevel.findMany({ select: { key: true, track: true, order: true } });
}
