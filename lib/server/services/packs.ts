import "server-only";
import { randomBytes } from "node:crypto";
import { formatDay, localDate, parseDay, weekStartOf } from "@/lib/domain/time";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { FrozenMarker, PackAction, PackDetail, PackSlide, PackSummary } from "@/lib/review/pack-types";
import type { SessionUser } from "@/lib/server/auth/session-user";
import { userNamesOf } from "@/lib/server/data/admin/users";
import { getOrgSettings } from "@/lib/server/data/org";
import {
  actionItemById,
  deletePackById,
  insertActionItem,
  insertPack,
  listPackRecords,
  packBefore,
  packByShareToken,
  packById,
  packHeaderById,
  shareTokenOfPack,
  updateActionItemFields,
} from "@/lib/server/data/review/packs";
import { inTransaction } from "@/lib/server/data/runner";
import { badRequest, notFound } from "@/lib/server/errors";
import type { Actor } from "@/lib/server/http/actor";
import { assertCan, can } from "@/lib/server/permissions";
import { listAnnotations } from "@/lib/server/services/annotations";
import { recordAudit } from "@/lib/server/services/audit";
import { SHARED_VIEWER, type DisclosureViewer } from "@/lib/server/disclosure/viewer";
import { getMetricSeries } from "@/lib/server/services/overview";
import { ACTION_STATUSES, type ActionInput, type ActionStatus, type ActionUpdate, type PackInput, type PackSlideInput } from "@/lib/validation/leadership";

/**
 * Meeting packs: chosen charts with a narrative each, and action items with owners. Saving a pack
 * freezes every chart's series (and its markers) into the pack's slides, so next month's meeting sees
 * exactly what was presented — a pack is always rendered from that copy, never from live data.
 */

/** The moment whose numbers a pack dated `date` shows: the end of that day, or now for today and later. */
function freezeMoment(date: string, now: Date, timeZone: string): Date {
  if (date >= localDate(now, timeZone)) return now;
  return new Date(`${date}T23:59:59Z`);
}

/** A pack is read by everyone who may open it, so its copy is made as the most restricted reader sees it. */
async function freezeSlide(input: PackSlideInput, at: Date, timeZone: string, viewer: DisclosureViewer = SHARED_VIEWER): Promise<PackSlide> {
  const { scope, series, from, to } = await getMetricSeries({ scope: input.scope, range: input.range, granularity: input.granularity, metrics: [input.metricKey], now: at, viewer });
  const [one] = series;
  if (!one) throw badRequest(`Unknown metric: ${input.metricKey}`);
  // The last period runs past its start (`to`); notes up to the freeze moment belong on the chart.
  const notes = await listAnnotations({ scope: input.scope, from, to: localDate(at, timeZone) < to ? to : localDate(at, timeZone) }, null);
  const markers: FrozenMarker[] = notes.annotations
    .filter((a) => a.kind === "NOTE" || a.metricKey === input.metricKey)
    .map((a) => ({ date: a.date, label: a.title }));
  return {
    metricKey: input.metricKey,
    scope: input.scope,
    scopeName: scope.name,
    range: input.range,
    granularity: input.granularity,
    narrative: input.narrative,
    speakerNotes: input.speakerNotes,
    frozenAt: at.toISOString(),
    asOfWeek: weekStartOf(at, timeZone),
    series: one,
    markers,
  };
}

const isStatus = (s: string): s is ActionStatus => (ACTION_STATUSES as readonly string[]).includes(s);

function actionOf(a: { id: string; title: string; owner: string; status: string; dueDate: Date | null }): PackAction {
  return { id: a.id, title: a.title, owner: a.owner, status: isStatus(a.status) ? a.status : "open", dueDate: a.dueDate ? formatDay(a.dueDate) : null };
}

const actionData = (a: ActionInput) => ({ title: a.title, owner: a.owner, status: a.status, dueDate: a.dueDate ? parseDay(a.dueDate) : null });

/** Slides as stored; anything that is not a list of slides (a hand-edited row) reads as none. */
function slidesOf(json: Prisma.JsonValue): PackSlide[] {
  return Array.isArray(json) ? (json as unknown as PackSlide[]) : [];
}

async function userNames(ids: (string | null)[]): Promise<Map<string, string>> {
  const list = ids.filter((id): id is string => id !== null);
  const users = list.length ? await userNamesOf(list) : [];
  return new Map(users.map((u) => [u.id, u.name]));
}

export async function createPack(user: SessionUser, actor: Actor, input: PackInput, now = new Date()): Promise<{ id: string }> {
  assertCan(user, "managePacks");
  const { timeZone } = await getOrgSettings();
  const at = freezeMoment(input.date, now, timeZone);
  const slides: PackSlide[] = [];
  for (const slide of input.slides) slides.push(await freezeSlide(slide, at, timeZone));
  return inTransaction(async (tx) => {
    const pack = await insertPack(
      {
        title: input.title,
        date: parseDay(input.date),
        slides,
        shareToken: randomBytes(18).toString("base64url"),
        createdById: user.id,
        actions: input.actions.map(actionData),
      },
      tx,
    );
    await recordAudit(actor, {
      action: "create", entityType: "MeetingPack", entityId: pack.id,
      summary: `Saved meeting pack "${input.title}" (${slides.length} charts, ${input.actions.length} actions)`,
      after: { title: input.title, date: input.date, charts: input.slides.map((s) => `${s.metricKey}@${s.scope}`), actions: input.actions },
    }, tx);
    return pack;
  });
}

export async function listPacks(): Promise<PackSummary[]> {
  const packs = await listPackRecords();
  const names = await userNames(packs.map((p) => p.createdById));
  return packs.map((p) => ({
    id: p.id, title: p.title, date: formatDay(p.date), slideCount: slidesOf(p.slides).length,
    openActions: p.actions.filter((a) => a.status === "open" || a.status === "in-progress").length,
    createdBy: p.createdById ? (names.get(p.createdById) ?? null) : null,
  }));
}

/** A pack by its id or its share token. */
export async function getPack(idOrToken: string, user: SessionUser): Promise<PackDetail> {
  const pack = (await packById(idOrToken)) ?? (await packByShareToken(idOrToken));
  if (!pack) throw notFound("Meeting pack");
  const previous = await packBefore(pack.date, pack.createdAt);
  const names = await userNames([pack.createdById]);
  return {
    id: pack.id,
    title: pack.title,
    date: formatDay(pack.date),
    createdBy: pack.createdById ? (names.get(pack.createdById) ?? null) : null,
    slides: slidesOf(pack.slides),
    actions: pack.actions.map(actionOf),
    previous: previous ? { id: previous.id, title: previous.title, date: formatDay(previous.date), actions: previous.actions.map(actionOf) } : null,
    canEdit: can(user, "managePacks"),
  };
}

/** The share token of a pack, for its read-only link (signed-in users only). */
export async function packShareToken(id: string): Promise<string> {
  const shareToken = await shareTokenOfPack(id);
  if (!shareToken) throw notFound("Meeting pack");
  return shareToken;
}

export async function addAction(user: SessionUser, actor: Actor, packId: string, input: ActionInput): Promise<PackAction> {
  assertCan(user, "managePacks");
  if (!(await packHeaderById(packId))) throw notFound("Meeting pack");
  return inTransaction(async (tx) => {
    const created = await insertActionItem(packId, actionData(input), tx);
    await recordAudit(actor, { action: "create", entityType: "ActionItem", entityId: created.id, summary: `Action for ${input.owner}: ${input.title}`, after: created }, tx);
    return actionOf(created);
  });
}

export async function updateAction(user: SessionUser, actor: Actor, packId: string, id: string, input: ActionUpdate): Promise<PackAction> {
  assertCan(user, "managePacks");
  const before = await actionItemById(id);
  if (!before || before.packId !== packId) throw notFound("Action");
  return inTransaction(async (tx) => {
    const after = await updateActionItemFields(
      id,
      {
        ...(input.status ? { status: input.status } : {}),
        ...(input.title ? { title: input.title } : {}),
        ...(input.owner ? { owner: input.owner } : {}),
        ...(input.dueDate !== undefined ? { dueDate: input.dueDate ? parseDay(input.dueDate) : null } : {}),
      },
      tx,
    );
    await recordAudit(actor, { action: "update", entityType: "ActionItem", entityId: id, summary: `Action "${after.title}": ${before.status} → ${after.status}`, before, after }, tx);
    return actionOf(after);
  });
}

export async function deletePack(user: SessionUser, actor: Actor, id: string): Promise<void> {
  assertCan(user, "managePacks");
  const before = await packHeaderById(id);
  if (!before) throw notFound("Meeting pack");
  await inTransaction(async (tx) => {
    await deletePackById(id, tx);
    await recordAudit(actor, { action: "delete", entityType: "MeetingPack", entityId: id, summary: `Deleted meeting pack "${before.title}"`, before }, tx);
  });
}

/** Live charts for presentation mode without a pack: the same slide shape, taken now and not stored. */
export async function liveSlides(query: { scope: string; metrics: string[]; range: PackSlideInput["range"]; granularity: PackSlideInput["granularity"] }, viewer: DisclosureViewer, now = new Date()): Promise<PackSlide[]> {
  const { timeZone } = await getOrgSettings();
  const slides: PackSlide[] = [];
  for (const metricKey of query.metrics) {
    slides.push(await freezeSlide({ metricKey, scope: query.scope, range: query.range, granularity: query.granularity, narrative: "", speakerNotes: "" }, now, timeZone, viewer));
  }
  return slides;
}
