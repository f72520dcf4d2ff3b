import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/server/db";
import { openSql } from "@/lib/server/data/runner";
import { surveySampleRows } from "./metrics";

/**
 * The people behind survey values, grouped in the database: the numerator or the denominator as each metric says,
 * rounded half up, null and negatives as 0 — what the disclosure policy reads as each value's respondents.
 */
const metrics: string[] = [];
const teams: string[] = [];

beforeAll(async () => {
  const group = await db.group.create({ data: { name: "G", slug: "g" } });
  for (const slug of ["a", "b", "c"]) teams.push((await db.team.create({ data: { name: slug, slug, groupId: group.id, location: "Berlin" } })).id);
  for (const key of ["enps", "psych_safety"]) metrics.push((await db.metricDefinition.findUniqueOrThrow({ where: { key } })).id);
  const value = (metricId: string, teamId: string, week: string, numerator: number | null, denominator: number | null) =>
    ({ metricId, teamId, weekStart: new Date(week), value: 1, numerator, denominator, source: "SEED" as const });
  await db.metricValue.createMany({
    data: [
      value(metrics[0], teams[0], "2026-03-02", 4.5, 10),
      value(metrics[0], teams[1], "2026-03-02", null, 7),
      value(metrics[0], teams[2], "2026-03-02", -2, 7),
      value(metrics[1], teams[0], "2026-03-02", 99, 5.49),
      value(metrics[1], teams[1], "2026-03-02", 1, null),
      value(metrics[1], teams[0], "2026-03-09", 1, 6),
      value(metrics[1], teams[0], "2026-02-23", 1, 6),
    ],
  });
});

describe("survey samples", () => {
  it("give each value's people per metric and week, from the field the metric names", async () => {
    const rows = await surveySampleRows(await openSql(), metrics, [metrics[0]], "2026-03-02", "2026-03-09");
    const byKey = Object.fromEntries(rows.map((r) => [`${r.metricId === metrics[0] ? "numerator" : "denominator"} ${r.week}`, Object.fromEntries(r.teams.map((t, i) => [teams.indexOf(t), r.samples[i]]))]));
    expect(byKey).toEqual({
      "numerator 2026-03-02": { 0: 5, 1: 0, 2: 0 },
      "denominator 2026-03-02": { 0: 5, 1: 0 },
      "denominator 2026-03-09": { 0: 6 },
    });
  });
});
