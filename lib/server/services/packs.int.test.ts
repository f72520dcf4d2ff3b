import { beforeAll, describe, expect, it } from "vitest";
import { addDays, weekStartOf } from "@/lib/domain/time";
import type { SessionUser } from "@/lib/server/auth/session-user";
import { db } from "@/lib/server/db";
import type { Actor } from "@/lib/server/http/actor";
import { createPack, getPack, listPacks, updateAction } from "./packs";
import { refreshAllRollups } from "./rollups";
import { getMetricSeries } from "./overview";

// Thursday 19 Mar 2026: the current week starts Monday 16 Mar.
const now = new Date("2026-03-19T12:00:00Z");
const week = weekStartOf(now);
const leader: SessionUser = { id: "", email: "lea@example.com", name: "Lea", role: "LEADER", managedTeamIds: [] };
const viewer: SessionUser = { id: "", email: "vic@example.com", name: "Vic", role: "VIEWER", managedTeamIds: [] };
const actor: Actor = { userId: null, label: "lea@example.com" };
let teamId: string;
let deploymentsId: string;

async function setDeployments(weekStart: string, value: number) {
  await db.metricValue.upsert({
    where: { metricId_teamId_weekStart: { metricId: deploymentsId, teamId, weekStart: new Date(weekStart) } },
    create: { metricId: deploymentsId, teamId, weekStart: new Date(weekStart), value, source: "SEED" },
    update: { value },
  });
  await refreshAllRollups();
}

beforeAll(async () => {
  leader.id = (await db.user.create({ data: { email: leader.email, name: leader.name, role: "LEADER" } })).id;
  viewer.id = (await db.user.create({ data: { email: viewer.email, name: viewer.name, role: "VIEWER" } })).id;
  const group = await db.group.create({ data: { name: "Platform", slug: "platform" } });
  teamId = (await db.team.create({ data: { name: "Payments", slug: "payments", groupId: group.id, location: "Berlin" } })).id;
  deploymentsId = (await db.metricDefinition.findUniqueOrThrow({ where: { key: "deployments" } })).id;
  await setDeployments(addDays(week, -7), 12);
  await setDeployments(week, 9);
  await db.annotation.create({ data: { scopeType: "ORG", date: new Date(addDays(week, -7)), title: "Reorg" } });
});

describe("meeting packs", () => {
  let firstId: string;

  it("freezes the numbers at save time and keeps showing them after the data changes", async () => {
    const { id } = await createPack(
      leader, actor,
      {
        title: "March leadership review", date: "2026-03-19",
        slides: [{ metricKey: "deployments", scope: "org", range: "12w", granularity: "week", narrative: "Steady.", speakerNotes: "Mention the freeze." }],
        actions: [{ title: "Fix flaky deploys", owner: "Sam", status: "open" }],
      },
      now,
    );
    firstId = id;
    await setDeployments(week, 40);
    const live = await getMetricSeries({ viewer: { seesClassifications: true },  scope: "org", range: "12w", granularity: "week", metrics: ["deployments"], now });
    expect(live.series[0].points.at(-1)).toMatchObject({ period: week, value: 40, soFar: true });

    const pack = await getPack(id, viewer);
    const [slide] = pack.slides;
    // The week of the save was running: frozen as "so far", while the headline is the last complete week.
    expect(slide.series.points.at(-1)).toMatchObject({ period: week, value: 9, soFar: true });
    expect(slide.series.latest).toMatchObject({ period: addDays(week, -7), value: 12 });
    expect(slide).toMatchObject({ scopeName: "My organisation", asOfWeek: week, narrative: "Steady.", speakerNotes: "Mention the freeze." });
    expect(slide.markers).toEqual([{ date: addDays(week, -7), label: "Reorg" }]);
    expect(pack.canEdit).toBe(false);
    expect(await db.auditLog.count({ where: { entityType: "MeetingPack", entityId: id, action: "create" } })).toBe(1);
  });

  it("opens by share token too", async () => {
    const { shareToken } = await db.meetingPack.findUniqueOrThrow({ where: { id: firstId } });
    expect((await getPack(shareToken as string, viewer)).id).toBe(firstId);
  });

  it("shows the previous pack's actions on the next pack, with their edited status", async () => {
    const { id } = await createPack(
      leader, actor,
      { title: "April review", date: "2026-04-16", slides: [{ metricKey: "deployments", scope: `team:${teamId}`, range: "12w", granularity: "month", narrative: "", speakerNotes: "" }], actions: [] },
      new Date("2026-04-16T12:00:00Z"),
    );
    const first = await getPack(firstId, leader);
    await updateAction(leader, actor, firstId, first.actions[0].id, { status: "done" });
    const next = await getPack(id, leader);
    expect(next.previous).toMatchObject({ id: firstId, title: "March leadership review", actions: [{ title: "Fix flaky deploys", owner: "Sam", status: "done" }] });
    expect(next.canEdit).toBe(true);
    expect((await listPacks()).map((p) => [p.title, p.slideCount, p.openActions])).toEqual([
      ["April review", 1, 0],
      ["March leadership review", 1, 0],
    ]);
  });

  it("lets only leaders and admins save packs or change actions", async () => {
    await expect(
      createPack(viewer, actor, { title: "x", date: "2026-03-19", slides: [{ metricKey: "deployments", scope: "org", range: "12w", granularity: "week", narrative: "", speakerNotes: "" }], actions: [] }, now),
    ).rejects.toMatchObject({ status: 403 });
    const first = await getPack(firstId, leader);
    await expect(updateAction(viewer, actor, firstId, first.actions[0].id, { status: "open" })).rejects.toMatchObject({ status: 403 });
  });
});
