import "server-only";
import { weeksBetween, mondayOf, addDays } from "@/lib/domain/time";
import { validateAllocation } from "@/lib/flow/allocation";
import { flowOfPeriod, localTimelines } from "@/lib/flow/summary";
import type { SessionUser } from "@/lib/server/auth/session-user";
import { loadWorkItemRows } from "@/lib/server/data/events";
import { writeEntered } from "@/lib/server/data/metric-value-writer/entered";
import { manualValuesBetween, metricIdsByKeys, teamBySlugOrId as findTeam, weeksWithComputedValues } from "@/lib/server/data/metric-values/allocation";
import { inTransaction, openSql } from "@/lib/server/data/runner";
import { badRequest, conflict, notFound } from "@/lib/server/errors";
import type { Actor } from "@/lib/server/http/actor";
import { assertCanWriteTeam } from "@/lib/server/permissions";
import { recordAudit } from "@/lib/server/services/audit";
import { refreshRollups } from "@/lib/server/services/rollups";
import { teamStatusMap } from "@/lib/server/services/ingest/work-items";
import type { AllocationInput } from "@/lib/validation/delivery";
import { instantBefore, resolvePeriod } from "./scope";

/**
 * Investment allocation of a team: derived from flow distribution when work items exist, or entered by
 * its manager as percentages (new capability + keep-the-lights-on + tech debt = 100) for weeks without
 * work-item data. Entered shares are stored as MANUAL values of the alloc_* metrics with numerator = the
 * percentage and denominator = 100, so roll-ups still combine them as ratios.
 */
const KEYS = { newCapability: "alloc_new_capability", ktlo: "alloc_ktlo", techDebt: "alloc_debt" } as const;
const MAX_WEEKS = 53;

async function teamBySlugOrId(team: string) {
  const row = await findTeam(team);
  if (!row) throw notFound("Team");
  return row;
}

export async function getAllocation(query: { team: string; from?: string; to?: string }, now = new Date()) {
  const team = await teamBySlugOrId(query.team);
  const period = await resolvePeriod(query, now);
  const items = await loadWorkItemRows(await openSql(), [team.id], instantBefore(period.from));
  const flow = flowOfPeriod(localTimelines({ items, timeZone: period.timeZone, statusMapping: teamStatusMap(team.statusMap) }), period.from, period.to);
  const metrics = await metricIdsByKeys(Object.values(KEYS));
  const manual = await manualValuesBetween(team.id, metrics.map((m) => m.id), mondayOf(period.from), period.to);
  const keyOf = new Map(metrics.map((m) => [m.id, m.key]));
  const byWeek = new Map<string, Record<string, number>>();
  for (const v of manual) {
    const week = v.weekStart.toISOString().slice(0, 10);
    byWeek.set(week, { ...byWeek.get(week), [keyOf.get(v.metricId) ?? ""]: v.value });
  }
  return {
    team: { id: team.id, slug: team.slug, name: team.name },
    from: period.from,
    to: period.to,
    fromWorkItems: { finished: flow.velocity.total, ...flow.allocation },
    entered: [...byWeek.entries()].map(([week, v]) => ({
      week,
      newCapability: v[KEYS.newCapability] ?? null,
      ktlo: v[KEYS.ktlo] ?? null,
      techDebt: v[KEYS.techDebt] ?? null,
    })),
  };
}

export async function saveAllocation(actor: Actor, user: SessionUser, input: AllocationInput) {
  const team = await teamBySlugOrId(input.team);
  assertCanWriteTeam(user, team.id);
  const shares = { newCapability: input.newCapability, ktlo: input.ktlo, techDebt: input.techDebt };
  const check = validateAllocation(shares);
  if (!check.ok) throw badRequest(check.message);
  const weeks = weeksBetween(mondayOf(input.fromWeek), mondayOf(input.toWeek));
  if (weeks.length > MAX_WEEKS) throw badRequest(`Enter at most ${MAX_WEEKS} weeks at a time.`);

  const metrics = await metricIdsByKeys(Object.values(KEYS));
  const idOf = new Map(metrics.map((m) => [m.key, m.id]));
  const computed = await weeksWithComputedValues(team.id, metrics.map((m) => m.id), weeks);
  if (computed.length > 0) {
    const list = computed.map((c) => c.weekStart.toISOString().slice(0, 10)).sort();
    throw conflict(`Work-item data already gives this team's allocation for ${list.length} of these weeks (from ${list[0]}); enter only weeks without it.`, { weeks: list });
  }

  await inTransaction(async (tx) => {
    const values = weeks.flatMap((week) =>
      (Object.entries(KEYS) as [keyof typeof shares, string][]).map(([field, key]) => {
        const pct = shares[field];
        return { metricId: idOf.get(key) as string, teamId: team.id, week, value: pct, numerator: pct, denominator: 100 };
      }),
    );
    await writeEntered({ kind: "allocation", source: "MANUAL", enteredById: actor.userId, values }, tx);
    await recordAudit(
      actor,
      {
        action: "update",
        entityType: "InvestmentAllocation",
        entityId: team.id,
        summary: `${team.name}: ${shares.newCapability}% new capability, ${shares.ktlo}% keep-the-lights-on, ${shares.techDebt}% tech debt for ${weeks[0]} to ${addDays(weeks[weeks.length - 1], 6)}`,
        after: { ...shares, weeks },
      },
      tx,
    );
  });
  await refreshRollups({ metricIds: [...idOf.values()], weeks });
  return { team: team.slug, weeks: weeks.length, ...shares };
}
