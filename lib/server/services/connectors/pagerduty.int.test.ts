import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCommand } from "@/lib/cli/commands";
import { db } from "@/lib/server/db";
import { SYSTEM_ACTOR } from "@/lib/server/http/actor";
import { whenIdle } from "@/lib/server/jobs/queue";
import { getDeliverySummary } from "@/lib/server/services/delivery/read";
import { startFakePagerduty, pagerdutyIncident, type FakePagerduty } from "@/lib/testing/fake-pagerduty";
import { connectorCreateInput } from "@/lib/validation/connectors";
import { deliveryQuery } from "@/lib/validation/delivery";
import { createConnector } from "./admin";
import { runConnectorSync } from "./sync";

/**
 * The PagerDuty connector against a local PagerDuty (lib/testing/fake-pagerduty.ts) over HTTP: incidents of the
 * mapped services become the mapped Pillars services' incidents, read once, then only what changed.
 */
const TOKEN = "u+pd-read-only-key";
const NOW = new Date("2026-03-16T12:00:00Z");
let fake: FakePagerduty;
let connectorId = "";

const api = (id: string, number: number, createdAt: string, more: Partial<Parameters<typeof pagerdutyIncident>[0]> = {}) =>
  pagerdutyIncident({ id, number, title: `API incident ${number}`, serviceId: "PAPI001", serviceName: "Payments API", createdAt, ...more });

beforeAll(async () => {
  const group = await db.group.create({ data: { name: "Eng", slug: "eng-pd" } });
  const team = await db.team.create({ data: { name: "Payments", slug: "payments", groupId: group.id, location: "Berlin" } });
  fake = await startFakePagerduty(
    TOKEN,
    [
      api("Q1", 1, "2026-03-02T10:00:00Z", { resolvedAt: "2026-03-02T10:30:00Z", priority: "P1" }),
      api("Q2", 2, "2026-03-04T08:00:00Z", { resolvedAt: "2026-03-04T09:30:00Z", urgency: "low" }),
      api("Q3", 3, "2026-03-09T14:00:00Z", { resolvedAt: "2026-03-09T14:20:00Z" }),
      api("Q4", 4, "2026-03-12T09:00:00Z", { status: "acknowledged", changedAt: "2026-03-12T09:05:00Z" }),
      api("Q5", 5, "2026-03-13T09:00:00Z"),
      // Before the 60-day backfill: never read.
      api("Q0", 0, "2025-12-01T09:00:00Z", { resolvedAt: "2025-12-01T10:00:00Z" }),
      pagerdutyIncident({ id: "W1", number: 6, title: "Web down", serviceId: "PWEB001", serviceName: "Web", createdAt: "2026-03-05T12:00:00Z", resolvedAt: "2026-03-05T13:00:00Z" }),
      // A service the connector does not map.
      pagerdutyIncident({ id: "O1", number: 7, title: "Batch late", serviceId: "POTHER1", serviceName: "Batch", createdAt: "2026-03-06T12:00:00Z", resolvedAt: "2026-03-06T18:00:00Z" }),
    ],
    2,
  );
  const input = connectorCreateInput.parse({
    provider: "pagerduty", name: "pd", apiUrl: fake.url, token: TOKEN, defaultTeamId: team.id, backfillDays: 60, enabled: false,
    options: { services: "PAPI001=acme/api, PWEB001=acme/web" },
  });
  connectorId = (await createConnector(SYSTEM_ACTOR, input, NOW)).id;
});

afterAll(async () => {
  await fake?.close();
});

const sync = (now = NOW, sleep?: (ms: number) => Promise<void>) => runConnectorSync(connectorId, { now, holder: "test", sleep });
/** The outage's retries need not wait out their back-off here. */
const noWait = async () => {};

describe("PagerDuty connector", () => {
  it("backfills the mapped services' incidents through a rate limit and a bad gateway, and the delivery figures follow", async () => {
    fake.failOnce(/service_ids/, 429);
    fake.failOnce(/offset=2/, 502);
    const { counts } = await sync();
    expect(counts.incidents).toEqual({ received: 6, created: 6, updated: 0 });
    expect(counts.problems).toEqual([]);
    expect(fake.faultsServed).toEqual([429, 502]);
    // Each page asked for one service, from 60 days back; the 429 and the 502 were asked again.
    expect(fake.requests.filter((r) => r.includes("service_ids%5B%5D=PAPI001")).length).toBeGreaterThanOrEqual(5);
    expect(fake.requests.every((r) => !r.includes("POTHER1"))).toBe(true);

    const q4 = await db.incident.findFirstOrThrow({ where: { externalId: "Q4" }, include: { service: true } });
    expect(q4).toMatchObject({ title: "API incident 4", severity: "high", resolvedAt: null, service: { name: "acme/api" } });
    expect((await db.incident.findFirstOrThrow({ where: { externalId: "Q1" } })).resolvedAt?.toISOString()).toBe("2026-03-02T10:30:00.000Z");
    expect(await db.incident.count({ where: { externalId: { in: ["Q0", "O1"] } } })).toBe(0);

    expect(await whenIdle(60_000)).toBe(true);
    const summary = await getDeliverySummary(deliveryQuery.parse({ service: "acme/api", from: "2026-03-01", to: "2026-03-15" }), NOW);
    // acme/api opened Q1–Q5 in the period; restored: Q1 30 min, Q2 90 min, Q3 20 min → median 30 (Q4, Q5 still open).
    expect(summary.incidents).toEqual({ opened: 5, bySeverity: { P1: 1, low: 1, high: 3 } });
    expect(summary.timeToRestore).toMatchObject({ median: 30, count: 3 });
  });

  it("writes nothing on a second sync with nothing new", async () => {
    const audits = await db.auditLog.count();
    const { counts } = await sync(new Date(NOW.getTime() + 60_000));
    expect(counts.incidents).toEqual({ received: 0, created: 0, updated: 0 });
    expect(await db.auditLog.count()).toBe(audits);
  });

  it("picks up a resolution and a new incident", async () => {
    Object.assign(fake.incidents.find((i) => i.id === "Q4")!, api("Q4", 4, "2026-03-12T09:00:00Z", { resolvedAt: "2026-03-16T10:00:00Z" }));
    fake.incidents.push(api("Q6", 8, "2026-03-16T11:00:00Z"));
    const { counts } = await sync(new Date(NOW.getTime() + 3_600_000));
    expect(counts.incidents).toEqual({ received: 2, created: 1, updated: 1 });
    expect((await db.incident.findFirstOrThrow({ where: { externalId: "Q4" } })).resolvedAt?.toISOString()).toBe("2026-03-16T10:00:00.000Z");
  });

  it("keeps the services synced before a failure and resumes with the rest", async () => {
    fake.incidents.push(api("Q7", 9, "2026-03-17T08:00:00Z"));
    fake.incidents.push(pagerdutyIncident({ id: "W2", number: 10, title: "Web slow", serviceId: "PWEB001", serviceName: "Web", createdAt: "2026-03-17T08:30:00Z" }));
    fake.breakCalls(/PWEB001/);
    const later = new Date("2026-03-17T12:00:00Z");
    await expect(sync(later, noWait)).rejects.toThrow("PagerDuty GET /incidents (service PWEB001): HTTP 500");
    expect(await db.incident.count({ where: { externalId: { in: ["Q7", "W2"] } } })).toBe(1);
    expect(await db.connector.findUniqueOrThrow({ where: { id: connectorId } })).toMatchObject({ lastSyncStatus: "FAILED" });

    fake.restore();
    const { counts } = await sync(later);
    expect(counts.incidents).toEqual({ received: 1, created: 1, updated: 0 });
    expect(await db.incident.count({ where: { externalId: { in: ["Q7", "W2"] } } })).toBe(2);
  });

  it("fails clearly on a refused token, never showing it", async () => {
    const input = connectorCreateInput.parse({ provider: "pagerduty", name: "pd-bad", apiUrl: fake.url, token: "wrong-key", enabled: false, options: { services: "PAPI001=acme/api" } });
    const { id } = await createConnector(SYSTEM_ACTOR, input, NOW);
    await expect(runConnectorSync(id, { now: NOW, holder: "test" })).rejects.toThrow("PagerDuty GET /incidents (service PAPI001): HTTP 401 (check the token)");
    const row = await db.connector.findUniqueOrThrow({ where: { id } });
    expect(row.lastError).toContain("HTTP 401");
    expect(row.lastError).not.toContain("wrong-key");
  });

  it("is added and synced from the command line", async () => {
    const added = await runCommand(["connector", "add", "pagerduty", "--name", "pd-cli", "--api-url", fake.url, "--token", TOKEN, "--services", "PCLI001=acme/cli", "--backfill-days", "3650"]);
    expect(added[0]).toMatch(/^Added PagerDuty connector “pd-cli”/);
    // Adding queued the backfill, which the worker runs; then an incident arrives, and `connector sync` reads it.
    expect(await whenIdle(60_000)).toBe(true);
    fake.incidents.push(pagerdutyIncident({ id: "C1", number: 11, title: "CLI", serviceId: "PCLI001", serviceName: "CLI", createdAt: new Date(Date.now() - 3_600_000).toISOString() }));
    const lines = await runCommand(["connector", "sync", "pd-cli"]);
    expect(lines[0]).toMatch(/^Synced “pd-cli” in/);
    expect(lines).toContain("  incidents      1 read, 1 new, 0 updated");
    expect(await db.incident.count({ where: { externalId: "C1", service: { name: "acme/cli" } } })).toBe(1);
  });
});
