import { beforeAll, describe, expect, it } from "vitest";
import { dataVersion, DISCLOSURE_UNVERSIONED_TABLES } from "@/lib/server/cache";
import { db, sqlRunner } from "@/lib/server/db";
import { metricDisclosure, type SensitiveMetricRef } from "@/lib/server/disclosure/metrics";
import { publishSnapshot } from "@/lib/server/disclosure/surveys";
import { SYSTEM_ACTOR } from "@/lib/server/http/actor";
import { generateLinks } from "@/lib/server/services/engagement/invitations";
import { submitAnswers } from "@/lib/server/services/engagement/respond";
import { createRun } from "@/lib/server/services/engagement/runs";
import { createSurvey } from "@/lib/server/services/engagement/surveys";
import { savePeopleRecords } from "@/lib/server/services/retention/save-records";
import type { PersonRecord } from "@/lib/validation/people";

/**
 * The inputs of disclosure decisions are kept per disclosure version (lib/server/cache.ts), which writes to
 * delivery events, metric roll-ups and values of metrics without people in them do not move. These tests hold the
 * two halves of that promise: the decisions read none of those tables or rows, and every other write moves the
 * version (every other table carries its trigger: cache.int.test.ts).
 */
const NOW = new Date("2026-03-18T12:00:00Z");
const FROM = "2026-01-05";
const TO = "2026-03-09";
const ids: Record<string, string> = {};
let sensitive: SensitiveMetricRef[] = [];

function person(employeeId: string, team: string, extra: Partial<PersonRecord> = {}): PersonRecord {
  return {
    employeeId, team, level: "L2", roleFamily: null, location: null, sourcing: null, managerEmployeeId: null,
    employments: [{ hireDate: "2022-01-03", exitDate: null, exitType: null, regretted: false, exitReason: null }], ...extra,
  };
}

const version = async (kind: "data" | "disclosure") => BigInt((await dataVersion(kind)).version);

beforeAll(async () => {
  const g = await db.group.create({ data: { name: "Platform", slug: "platform" } });
  const h = await db.group.create({ data: { name: "Product", slug: "product" } });
  const team = async (slug: string, groupId: string) => (ids[slug] = (await db.team.create({ data: { name: slug, slug, groupId, location: "Berlin" } })).id);
  await team("a", g.id);
  await team("b", g.id);
  await team("c", h.id);
  await team("d", h.id);
  // People in a, b and c (c's four below the floor, one leaving regretted); d has no roster, only headcount values.
  await db.careerLevel.create({ data: { key: "L2", name: "Engineer II", track: "IC", order: 2 } });
  await savePeopleRecords(SYSTEM_ACTOR, [
    ...[1, 2, 3, 4, 5, 6].map((n) => person(`A${n}`, "a")),
    ...[1, 2, 3, 4, 5, 6, 7].map((n) => person(`B${n}`, "b")),
    ...[1, 2, 3].map((n) => person(`C${n}`, "c")),
    person("C4", "c", { employments: [{ hireDate: "2022-01-03", exitDate: "2026-02-10", exitType: "voluntary", regretted: true, exitReason: "Offer" }] }),
  ]);
  const metrics = await db.metricDefinition.findMany({ where: { sensitivity: { not: "NONE" } }, select: { id: true, key: true, sensitivity: true } });
  sensitive = metrics;
  const byKey = new Map(metrics.map((m) => [m.key, m.id]));
  for (const week of ["2026-01-05", "2026-02-02", "2026-03-02"]) {
    await db.metricValue.create({ data: { metricId: byKey.get("headcount")!, teamId: ids.d, weekStart: new Date(`${week}T00:00:00Z`), value: 9, source: "MANUAL" } });
  }
  // A survey run in a and b (6 answers each), and an entered eNPS value for c from 3 respondents.
  const survey = await createSurvey(SYSTEM_ACTOR, { title: "eNPS", templates: ["enps"], excludeItems: [], items: [] });
  const run = await createRun(SYSTEM_ACTOR, survey.id, { opensOn: "2026-03-02", closesOn: "2026-03-06", repeat: "none", teamIds: [ids.a, ids.b], groupIds: [] });
  const answeredAt = new Date("2026-03-04T12:00:00Z");
  for (const slug of ["a", "b"]) {
    const out = await generateLinks(SYSTEM_ACTOR, null, run.id, { seats: [{ teamId: ids[slug], count: 6 }], teamIds: [ids[slug]] }, "http://x", answeredAt);
    for (const [i, l] of out.links.entries()) await submitAnswers(l.url.split("/s/")[1], { enps: 9 - (i % 3) }, answeredAt);
  }
  await publishSnapshot(SYSTEM_ACTOR, run.id, { final: true, now: NOW });
  await db.metricValue.create({
    data: { metricId: byKey.get("enps")!, teamId: ids.c, weekStart: new Date("2026-02-02T00:00:00Z"), value: 33, numerator: 1, denominator: 3, source: "MANUAL" },
  });
});

/** Every sensitive metric's verdict for every group of teams over every week, as a viewer and a leader read them. */
async function decisions(): Promise<string[]> {
  const groups = [[ids.a], [ids.b], [ids.c], [ids.d], [ids.a, ids.b], [ids.c, ids.d], [ids.a, ids.b, ids.c, ids.d]];
  const weeks: string[] = [];
  for (let w = new Date(`${FROM}T00:00:00Z`); w <= new Date(`${TO}T00:00:00Z`); w = new Date(w.getTime() + 7 * 86_400_000)) weeks.push(w.toISOString().slice(0, 10));
  const out: string[] = [];
  for (const seesClassifications of [false, true]) {
    const disclosure = await metricDisclosure({ seesClassifications }, NOW, { metrics: sensitive, fromWeek: FROM, toWeek: TO });
    for (const metric of sensitive) {
      for (const group of groups) {
        for (const week of weeks) out.push(`${seesClassifications}|${metric.key}|${group.length}|${week}|${JSON.stringify(disclosure.point(metric, group, [week]))}`);
        out.push(`${seesClassifications}|${metric.key}|${group.length}|all|${JSON.stringify(disclosure.point(metric, group, weeks))}`);
      }
    }
  }
  return out;
}

/** Runs `read` with `tables` renamed away (so reading one fails), after moving the disclosure version so nothing kept is used. */
async function withTablesHidden<T>(tables: readonly string[], read: () => Promise<T>): Promise<T> {
  const runner = await sqlRunner();
  await runner.query(`SELECT nextval('"pillars_disclosure_version"')`);
  for (const t of tables) await runner.query(`ALTER TABLE "${t}" RENAME TO "${t}__hidden"`);
  try {
    return await read();
  } finally {
    for (const t of tables) await runner.query(`ALTER TABLE "${t}__hidden" RENAME TO "${t}"`);
  }
}

describe("disclosure version", () => {
  it("leaves out only tables no decision reads: with them hidden, every decision is made again, the same", async () => {
    const before = await decisions();
    // The data makes decisions both ways: something shown and something withheld for each reason in play.
    expect(before.some((d) => d.endsWith('{"released":true}'))).toBe(true);
    expect(before.some((d) => d.includes('"reason":"too-few"'))).toBe(true);
    expect(before.some((d) => d.includes('"reason":"classification"'))).toBe(true);
    // Every listed table, the unversioned ones (which no dashboard reads) included.
    expect(await withTablesHidden(DISCLOSURE_UNVERSIONED_TABLES, decisions)).toEqual(before);
    // The check has teeth: hiding a table the decisions do read fails them.
    await expect(withTablesHidden(["Person"], decisions)).rejects.toThrow(/Person/);
  });

  it("moves for values of metrics with people in them, and not for the others", async () => {
    const none = await db.metricDefinition.findFirstOrThrow({ where: { key: "deployments" }, select: { id: true } });
    const enps = sensitive.find((m) => m.key === "enps")!;
    const week = new Date("2026-01-12T00:00:00Z");
    const moved = async (write: () => Promise<unknown>) => {
      const [data, disclosure] = [await version("data"), await version("disclosure")];
      await write();
      return { data: (await version("data")) > data, disclosure: (await version("disclosure")) > disclosure };
    };
    const deliveryValue = { metricId: none.id, teamId: ids.a, weekStart: week };
    expect(await moved(() => db.metricValue.create({ data: { ...deliveryValue, value: 2, source: "COMPUTED" } }))).toEqual({ data: true, disclosure: false });
    expect(await moved(() => db.metricValue.updateMany({ where: deliveryValue, data: { value: 3 } }))).toEqual({ data: true, disclosure: false });
    // A value moved onto a metric with people in it (and back) is a change of what the decisions read.
    expect(await moved(() => db.metricValue.updateMany({ where: deliveryValue, data: { metricId: enps.id } }))).toEqual({ data: true, disclosure: true });
    expect(await moved(() => db.metricValue.updateMany({ where: { ...deliveryValue, metricId: enps.id }, data: { metricId: none.id } }))).toEqual({ data: true, disclosure: true });
    expect(await moved(() => db.metricValue.deleteMany({ where: deliveryValue }))).toEqual({ data: true, disclosure: false });
    const surveyValue = { metricId: enps.id, teamId: ids.d, weekStart: week };
    expect(await moved(() => db.metricValue.create({ data: { ...surveyValue, value: 10, numerator: 2, denominator: 4, source: "MANUAL" } }))).toEqual({ data: true, disclosure: true });
    expect(await moved(() => db.metricValue.updateMany({ where: surveyValue, data: { denominator: 5 } }))).toEqual({ data: true, disclosure: true });
    expect(await moved(() => db.metricValue.deleteMany({ where: surveyValue }))).toEqual({ data: true, disclosure: true });
    // A statement that deletes nothing moves the data version (its triggers fire per statement), not this one; a
    // team renamed moves both.
    expect(await moved(() => db.metricValue.deleteMany({ where: { teamId: "nobody" } }))).toEqual({ data: true, disclosure: false });
    expect(await moved(() => db.team.update({ where: { id: ids.d }, data: { name: "d2" } }))).toEqual({ data: true, disclosure: true });
  });
});

describe("decisions kept per disclosure version", () => {
  it("decides a point again once a roster change moves the version, in the same process", async () => {
    const g = await db.group.findFirstOrThrow({ where: { slug: "platform" }, select: { id: true } });
    const e = (await db.team.create({ data: { name: "e", slug: "e", groupId: g.id, location: "Berlin" } })).id;
    await savePeopleRecords(SYSTEM_ACTOR, [1, 2, 3, 4].map((n) => person(`E${n}`, "e")));
    const headcount = sensitive.find((m) => m.key === "headcount")!;
    const week = "2026-02-02";
    const verdict = async () => (await metricDisclosure({ seesClassifications: true }, NOW, { metrics: sensitive, fromWeek: FROM, toWeek: TO })).point(headcount, [e], [week]);
    // Four people: under the floor, withheld; asked again at the same version, the same.
    expect(await verdict()).toEqual({ released: false, reason: "too-few" });
    expect(await verdict()).toEqual({ released: false, reason: "too-few" });
    // Two more join: the team reaches the floor, and the next reading says so at once.
    await savePeopleRecords(SYSTEM_ACTOR, [5, 6].map((n) => person(`E${n}`, "e")));
    expect(await verdict()).toEqual({ released: true });
    // The running week is decided as of the day asked: withheld while under way, shown once it is over.
    const running = async (now: Date) => (await metricDisclosure({ seesClassifications: true }, now, { metrics: sensitive, fromWeek: FROM, toWeek: "2026-03-16" })).point(headcount, [e], ["2026-03-16"]);
    expect(await running(NOW)).toEqual({ released: false, reason: "in-progress" });
    expect(await running(new Date("2026-03-23T12:00:00Z"))).toEqual({ released: true });
  });
});
