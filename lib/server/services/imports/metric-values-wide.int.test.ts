import { beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "@/lib/server/auth/session-user";
import { db } from "@/lib/server/db";
import type { Actor } from "@/lib/server/http/actor";
import { previewImport } from "./preview";
import { runImport } from "./run";
import { storeUpload } from "./storage";
import { undoImport } from "./undo";

// Wide metric-value files: one column per metric; unknown metric columns create metrics on request.
const NOW = new Date("2026-03-12T12:00:00Z");
let admin: SessionUser;
const actor = (): Actor => ({ userId: admin.id, label: admin.email });

async function* bytesOf(content: string): AsyncGenerator<Uint8Array> {
  yield new TextEncoder().encode(content);
}

const upload = (content: string) => storeUpload({ kind: "metric-values-wide", fileName: "wide.csv", bytes: bytesOf(content), actor: actor(), user: admin });

beforeAll(async () => {
  const group = await db.group.create({ data: { name: "Platform", slug: "platform" } });
  await db.team.create({ data: { name: "Payments", slug: "payments", groupId: group.id, location: "Berlin" } });
  const row = await db.user.create({ data: { email: "admin@example.com", name: "Ada Admin", role: "ADMIN" } });
  admin = { id: row.id, email: row.email, name: row.name, role: "ADMIN", managedTeamIds: [] };
});

describe("metric values, wide format", () => {
  const FILE = ["team,week,escaped_defects,Deploy pain [engagement]", "payments,2026-W07,3,4", "payments,2026-W08,2,"].join("\n");

  it("lists an unknown metric column as unmatched unless asked to create it", async () => {
    const preview = await previewImport(await upload(FILE), {}, actor(), admin);
    expect(preview.unmatched).toEqual(["Deploy pain [engagement]"]);
    expect(preview.problems).toEqual([]);
    expect(preview.items).toBe(2);
  });

  it("creates the metric a column names, with the pillar in its header, and undo removes it", async () => {
    const id = await upload(FILE);
    const preview = await previewImport(id, { createUnknown: true }, actor(), admin);
    expect(preview.unmatched).toEqual([]);
    expect(preview.fields).toContainEqual({ key: "metric:Deploy pain [engagement]", label: "Deploy pain [engagement] (new metric)" });
    const done = await runImport(id, { skipInvalid: false, createUnknown: true }, actor(), admin, NOW);
    expect(done).toMatchObject({ status: "COMPLETED", created: 3 });
    const metric = await db.metricDefinition.findUniqueOrThrow({ where: { key: "deploy_pain" } });
    expect(metric).toMatchObject({ name: "Deploy pain", pillar: "ENGAGEMENT" });
    expect(await db.metricValue.findFirst({ where: { metricId: metric.id } })).toMatchObject({ value: 4, source: "IMPORT" });

    expect(await undoImport(id, actor(), admin, NOW)).toEqual({ restored: 0, deleted: 4 });
    expect(await db.metricDefinition.findUnique({ where: { key: "deploy_pain" } })).toBeNull();
  });

  it("asks for the pillar of a metric to create", async () => {
    const id = await upload(["team,week,Toil hours", "payments,2026-W07,6"].join("\n"));
    const preview = await previewImport(id, { createUnknown: true }, actor(), admin);
    expect(preview.problems).toEqual([
      { line: 2, column: "Toil hours", message: 'Unknown metric "Toil hours". To create it, name its pillar in the column header, e.g. "Toil hours [quality]".' },
    ]);
  });
});
