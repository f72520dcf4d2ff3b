import { NextRequest } from "next/server";
import { afterEach, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/server/db";
import { SYSTEM_ACTOR } from "@/lib/server/http/actor";
import { generateLinks } from "@/lib/server/services/engagement/invitations";
import { createRun } from "@/lib/server/services/engagement/runs";
import { createSurvey } from "@/lib/server/services/engagement/surveys";
import { POST } from "./route";

// The shared error mapping lives beside withRoute, which pulls in Auth.js; this public route never uses it.
vi.mock("@/lib/server/auth/current-user", () => ({ getCurrentUser: async () => null }));

function post(token: string, body: unknown) {
  const request = new NextRequest(`http://localhost/api/v1/respond/${token}`, { method: "POST", body: JSON.stringify(body), headers: { "Content-Type": "application/json" } });
  return POST(request, { params: Promise.resolve({ token }) });
}

afterEach(() => vi.restoreAllMocks());

describe("POST /api/v1/respond/:token", () => {
  it("answers once without an account, refuses the second answer, and never logs the token", async () => {
    const logged: string[] = [];
    for (const level of ["log", "info", "warn", "error", "debug"] as const) {
      vi.spyOn(console, level).mockImplementation((...args: unknown[]) => void logged.push(args.map(String).join(" ")));
    }
    const group = await db.group.create({ data: { name: "G", slug: "g" } });
    const team = await db.team.create({ data: { name: "T", slug: "t", groupId: group.id, location: "Berlin" } });
    const survey = await createSurvey(SYSTEM_ACTOR, { title: "eNPS", templates: ["enps"], excludeItems: [], items: [] });
    const run = await createRun(SYSTEM_ACTOR, survey.id, { opensOn: "2000-01-01", closesOn: "2999-12-31", repeat: "none", teamIds: [team.id], groupIds: [] });
    const { links } = await generateLinks(SYSTEM_ACTOR, null, run.id, { seats: [{ teamId: team.id, count: 1 }] }, "http://localhost");
    const token = links[0].url.split("/s/")[1];

    const invalid = await post(token, { answers: { enps: 12 } });
    expect(invalid.status).toBe(400);
    expect(await invalid.json()).toMatchObject({ error: "invalid", issues: [{ path: "answers.enps" }] });
    const missing = await post(token, { answers: {} });
    expect(await missing.json()).toEqual({ error: "invalid", message: "Please answer this question.", issues: [{ path: "enps", message: "Please answer this question." }] });

    const first = await post(token, { answers: { enps: 9, comment: "Good place" } });
    expect(first.status).toBe(201);
    // A used link is deleted (nothing records which link answered), so it now reads as unknown or already used.
    const second = await post(token, { answers: { enps: 3 } });
    expect(second.status).toBe(404);
    expect((await second.json()).message).toMatch(/already been used/);
    expect((await post("x".repeat(32), { answers: { enps: 3 } })).status).toBe(404);

    expect(await db.surveyResponse.count({ where: { runId: run.id } })).toBe(1);
    expect(logged.some((line) => line.includes(token))).toBe(false);
  });
});
