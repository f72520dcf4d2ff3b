import { beforeAll, describe, expect, it } from "vitest";
import { addDays, weekStartOf } from "@/lib/domain/time";
import { targetStatus } from "@/lib/metrics/aggregate";
import { db } from "@/lib/server/db";
import { getMetricSeries } from "@/lib/server/services/overview";
import { entryContext } from "./metric-values";

/**
 * The entry grid's targets (presentation.md rule 14): for each column, the target in force for the team and
 * that week — the team's own, else its groups' (nearest first), else the org's — the same one the team's
 * dashboard colours its values with.
 * Groups: Engineering ⊃ Platform ⊃ team Payments; team Search sits in Platform too.
 */
const now = new Date("2026-03-19T12:00:00Z"); // Thursday of the week starting Monday 2026-03-16
const week = weekStartOf(now);
const ids: Record<string, string> = {};

beforeAll(async () => {
  const engineering = await db.group.create({ data: { name: "Engineering", slug: "engineering" } });
  const platform = await db.group.create({ data: { name: "Platform", slug: "platform", parentId: engineering.id } });
  ids.engineering = engineering.id;
  ids.platform = platform.id;
  ids.payments = (await db.team.create({ data: { name: "Payments", slug: "payments", groupId: platform.id, location: "London" } })).id;
  ids.search = (await db.team.create({ data: { name: "Search", slug: "search", groupId: platform.id, location: "London" } })).id;
  const slo = (await db.metricDefinition.findUniqueOrThrow({ where: { key: "slo_attainment" } })).id;
  ids.slo = slo;
  const target = (scopeType: "ORG" | "GROUP" | "TEAM", scopeId: string | null, green: number, amber: number, from: string) =>
    db.target.create({ data: { metricId: slo, scopeType, scopeId, green, amber, effectiveFrom: new Date(from) } });
  await target("ORG", null, 95, 90, "2025-01-01");
  // The outer group's target takes over five weeks ago; Payments gets its own two weeks ago.
  await target("GROUP", engineering.id, 99.5, 99, addDays(week, -35));
  await target("TEAM", ids.payments, 99.9, 99.7, addDays(week, -14));
  // Entered for last week, the last complete one: the dashboard's headline.
  await db.metricValue.create({ data: { metricId: slo, teamId: ids.payments, weekStart: new Date(addDays(week, -7)), value: 98.2, source: "MANUAL" } });
});

describe("entry grid targets", () => {
  it("gives each column the target in force for the team and week: team, else its groups', else the org's", async () => {
    const ctx = await entryContext(null, ids.payments, now);
    const slo = ctx.metrics.find((m) => m.key === "slo_attainment");
    expect(slo?.direction).toBe("HIGHER_IS_BETTER");
    expect(ctx.weeks.map((c) => slo?.targets[c.week])).toEqual([
      { green: 95, amber: 90, scope: "ORG" },
      { green: 95, amber: 90, scope: "ORG" },
      { green: 99.5, amber: 99, scope: "GROUP" },
      { green: 99.5, amber: 99, scope: "GROUP" },
      { green: 99.5, amber: 99, scope: "GROUP" },
      { green: 99.9, amber: 99.7, scope: "TEAM" },
      { green: 99.9, amber: 99.7, scope: "TEAM" },
      { green: 99.9, amber: 99.7, scope: "TEAM" },
    ]);
    // Search, in the same group, has no team target: the group's holds this week.
    const search = await entryContext(null, ids.search, now);
    expect(search.metrics.find((m) => m.key === "slo_attainment")?.targets[week]).toEqual({ green: 99.5, amber: 99, scope: "GROUP" });
  });

  it("rates a value as the team's dashboard does", async () => {
    const ctx = await entryContext(null, ids.payments, now);
    const lastWeek = addDays(week, -7);
    const target = ctx.metrics.find((m) => m.key === "slo_attainment")!.targets[lastWeek];
    const { series } = await getMetricSeries({ viewer: { seesClassifications: true }, scope: `team:${ids.payments}`, metrics: ["slo_attainment"], range: "12w", granularity: "week", now });
    expect(series[0].latest).toMatchObject({ period: lastWeek, value: 98.2 });
    expect(series[0].target).toMatchObject({ green: target.green, amber: target.amber, scope: target.scope, status: "red" });
    expect(targetStatus(98.2, target.green, target.amber, "HIGHER_IS_BETTER")).toBe(series[0].target?.status);
  });
});
