import "server-only";
import { teamExists } from "@/lib/server/data/org";
import { z } from "zod";
import { addDays, formatDay, mondayOf, parseDay } from "@/lib/domain/time";
import type { LearningRecordView } from "@/lib/skills/api-types";
import type { SessionUser } from "@/lib/server/auth/session-user";
import { inTransaction, type Tx } from "@/lib/server/data/runner";
import { liveTeams, teamsBySlugs, teamsOfPeople } from "@/lib/server/data/skills/catalog";
import {
  deleteLearningRecordRow, insertLearningRecord, learningRecordById, learningRecordsByExternalIds, listLearningRecordRows, teamLearningBetween,
  updateLearningRecord, upsertLearningBudget,
} from "@/lib/server/data/skills/learning";
import { forbidden, notFound } from "@/lib/server/errors";
import type { Actor } from "@/lib/server/http/actor";
import { canWriteTeam, writableTeamIds } from "@/lib/server/permissions";
import { recordAudit } from "@/lib/server/services/audit";
import type { LearningBudgetInput, LearningInput } from "@/lib/validation/skills";
import { headcountLookup, writeComputedValues, type TeamWeeks } from "./computed-values";
import { learningWeekValues } from "@/lib/skills/weekly-values";

/**
 * Learning records and budgets. Writes are all or nothing: every item is resolved (team, person,
 * permission) before anything is stored, and a refused item is reported with its index and field
 * like a validation error. After the commit, the weekly learning_hours and learning_spend values of
 * the touched team-weeks are recomputed.
 */
type Client = Tx;

export interface WriteOptions {
  actor: Actor;
  /** Signed-in user (managers write only their teams); null for an API token or an import run by an admin. */
  user: SessionUser | null;
  importId?: string | null;
  /**
   * Run inside the caller's transaction (the generic importer): nothing is recomputed; call the
   * returned `recompute` after the caller's transaction commits.
   */
  tx?: Client;
  /** The caller's clock: the day a seat list without `asOf` describes (default: the wall clock). */
  now?: Date;
}

export interface ItemIssue {
  index: number;
  field: string;
  message: string;
}

export interface WriteResult {
  received: number;
  created: number;
  updated: number;
  /** Team-weeks whose computed values changed; `recompute()` stores them. */
  touched: Map<string, Set<string>>;
  recompute: () => Promise<void>;
}

/** A 400 exactly like the route wrapper's validation errors (`issues[{ path: "3.team", message }]`). */
export function itemIssues(issues: readonly ItemIssue[]): z.ZodError {
  return new z.ZodError(issues.map((i) => ({ code: "custom" as const, path: [i.index, i.field], message: i.message, input: undefined })));
}

function touch(map: Map<string, Set<string>>, teamId: string, date: string) {
  const weeks = map.get(teamId) ?? new Set<string>();
  weeks.add(mondayOf(date));
  map.set(teamId, weeks);
}

/** Recomputes learning_hours and learning_spend for the given team-weeks. */
export async function recomputeLearning(touched: ReadonlyMap<string, ReadonlySet<string>>): Promise<void> {
  const work: TeamWeeks[] = [];
  for (const [teamId, weekSet] of touched) {
    const weeks = [...weekSet].sort();
    const records = await teamLearningBetween(teamId, weeks[0], addDays(weeks[weeks.length - 1], 6));
    const rows = records.map((r) => ({ date: formatDay(r.date), hours: r.hours, spend: r.spend }));
    const values = learningWeekValues(rows, weeks, await headcountLookup(teamId, weeks));
    work.push({ teamId, keys: ["learning_hours", "learning_spend"], weeks, values });
  }
  await writeComputedValues(work);
}

interface Resolved {
  teamId: string;
  employeeId: string | null;
}

async function resolve(tx: Client, items: readonly LearningInput[], user: SessionUser | null): Promise<Resolved[]> {
  const slugs = [...new Set(items.flatMap((i) => (i.team ? [i.team] : [])))];
  const people = [...new Set(items.flatMap((i) => (i.employeeId ? [i.employeeId] : [])))];
  const [teams, persons] = await Promise.all([
    teamsBySlugs(slugs, tx),
    teamsOfPeople(people, tx),
  ]);
  const teamBySlug = new Map(teams.map((t) => [t.slug, t.id]));
  const teamOfPerson = new Map(persons.map((p) => [p.employeeId, p.teamId]));
  const issues: ItemIssue[] = [];
  const resolved = items.map((item, index): Resolved => {
    let teamId: string | null = null;
    if (item.team) {
      teamId = teamBySlug.get(item.team) ?? null;
      if (!teamId) issues.push({ index, field: "team", message: `no team with slug "${item.team}"` });
    } else if (item.employeeId) {
      teamId = teamOfPerson.get(item.employeeId) ?? null;
      if (!teamOfPerson.has(item.employeeId)) issues.push({ index, field: "employeeId", message: `no person with employee id "${item.employeeId}" on the roster` });
      else if (!teamId) issues.push({ index, field: "team", message: "this person has no team; give the team slug" });
    }
    if (teamId && user && !canWriteTeam(user, teamId)) {
      issues.push({ index, field: "team", message: "you can only record learning for the teams you manage" });
    }
    return { teamId: teamId ?? "", employeeId: item.employeeId ?? null };
  });
  if (issues.length) throw itemIssues(issues);
  return resolved;
}

/**
 * Creates learning records, or updates those whose `externalId` already exists (so a client can
 * resend a batch safely). One transaction; nothing is stored when any item is refused.
 */
export async function upsertLearningRecords(items: readonly LearningInput[], options: WriteOptions): Promise<WriteResult> {
  const touched = new Map<string, Set<string>>();
  const run = async (tx: Client) => {
    const resolved = await resolve(tx, items, options.user);
    const externalIds = items.flatMap((i) => (i.externalId ? [i.externalId] : []));
    const existing = await learningRecordsByExternalIds(externalIds, tx);
    const byExternal = new Map(existing.map((e) => [e.externalId as string, e]));
    const issues: ItemIssue[] = [];
    existing.forEach((e) => {
      if (options.user && !canWriteTeam(options.user, e.teamId)) {
        const index = items.findIndex((i) => i.externalId === e.externalId);
        issues.push({ index, field: "externalId", message: "this record belongs to a team you do not manage" });
      }
    });
    if (issues.length) throw itemIssues(issues);
    let created = 0;
    let updated = 0;
    const audits = [];
    for (const [index, item] of items.entries()) {
      const { teamId, employeeId } = resolved[index];
      const data = {
        teamId, employeeId, date: parseDay(item.date), hours: item.hours, spend: item.spend, category: item.category,
        title: item.title ?? null, importId: options.importId ?? null,
      };
      const before = item.externalId ? byExternal.get(item.externalId) : undefined;
      if (before) {
        await updateLearningRecord(before.id, data, tx);
        touch(touched, before.teamId, formatDay(before.date));
        updated += 1;
        audits.push({ action: "update" as const, entityType: "LearningRecord", entityId: before.id, before, after: { ...data, date: item.date } });
      } else {
        const row = await insertLearningRecord({ ...data, externalId: item.externalId ?? null, createdById: options.actor.userId }, tx);
        if (item.externalId) byExternal.set(item.externalId, { ...row });
        created += 1;
        audits.push({ action: "create" as const, entityType: "LearningRecord", entityId: row.id, after: { ...data, date: item.date } });
      }
      touch(touched, teamId, item.date);
    }
    await recordAudit(options.actor, audits, tx);
    return { created, updated };
  };
  const counts = options.tx ? await run(options.tx) : await inTransaction(run);
  const recompute = () => recomputeLearning(touched);
  if (!options.tx) await recompute();
  return { received: items.length, ...counts, touched, recompute };
}

/**
 * Records of one team or all, newest first. Who a record names is shown only to those who may
 * write the team (its managers, admins); others see team-level entries.
 */
export async function listLearningRecords(user: SessionUser | null, filter: { team?: string; from?: string; to?: string }): Promise<LearningRecordView[]> {
  const rows = await listLearningRecordRows(filter);
  return rows.map((r) => {
    // API tokens read team-level entries only: who learned what is for the team's managers and admins.
    const writer = user !== null && canWriteTeam(user, r.teamId);
    return {
      id: r.id, teamId: r.teamId, teamName: r.team.name, employeeId: writer ? r.employeeId : null, date: formatDay(r.date),
      hours: r.hours, spend: r.spend, category: r.category, title: r.title, externalId: r.externalId, canDelete: writer,
    };
  });
}

export async function deleteLearningRecord(id: string, user: SessionUser | null, actor: Actor): Promise<void> {
  const row = await learningRecordById(id);
  if (!row) throw notFound("Learning record");
  if (user && !canWriteTeam(user, row.teamId)) throw forbidden("You can only change learning records of the teams you manage.");
  await inTransaction(async (tx) => {
    await deleteLearningRecordRow(id, tx);
    await recordAudit(actor, { action: "delete", entityType: "LearningRecord", entityId: id, before: row }, tx);
  });
  await recomputeLearning(new Map([[row.teamId, new Set([mondayOf(formatDay(row.date))])]]));
}

export async function setLearningBudget(input: LearningBudgetInput, user: SessionUser, actor: Actor) {
  if (!canWriteTeam(user, input.teamId)) throw forbidden("You can only set budgets for the teams you manage.");
  if (!(await teamExists(input.teamId))) throw notFound("Team");
  return inTransaction(async (tx) => {
    const { before, row } = await upsertLearningBudget(input, tx);
    await recordAudit(actor, { action: before ? "update" : "create", entityType: "LearningBudget", entityId: `${input.teamId}:${input.year}`, before, after: row }, tx);
    return row;
  });
}

/** Teams whose learning the user may record (for the form's team picker). */
export async function learningWritableTeams(user: SessionUser) {
  const ids = writableTeamIds(user);
  return liveTeams(ids);
}
