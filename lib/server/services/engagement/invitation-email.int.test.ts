import net from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { SessionUser } from "@/lib/server/auth/session-user";
import { db, sqlRunner } from "@/lib/server/db";
import { SYSTEM_ACTOR, type Actor } from "@/lib/server/http/actor";
import { recordAudit } from "@/lib/server/services/audit";
import { messageHeader, messageText, startSmtpServer, type TestSmtpServer } from "@/lib/testing/smtp-server";
import { emailInvitationsInput } from "@/lib/validation/surveys";
import { assertMayEmailInvitations, emailInvitations, EMAILS_PER_USER_PER_HOUR } from "./invitation-email";
import { respondentView, submitAnswers } from "./respond";
import { createRun } from "./runs";
import { createSurvey } from "./surveys";

/**
 * Emailing invitation links through a real SMTP conversation (a small server in this process): each address
 * receives its own working single-use link, no table holds an address afterwards, the audit says how many
 * were sent, and an address the server refuses is reported while its link is voided.
 */
const NOW = new Date("2026-03-18T12:00:00Z");
const BASE = "https://pillars.example.com";
const FROM = "Pillars <surveys@pillars.example.com>";
const PULSE = { autonomy: 4, "trust-leadership": 3, workload: 2, growth: 5, belonging: 4, enps: 9 };

let smtp: TestSmtpServer;
let teams: { a: string; b: string };
let runId: string;
const manager: SessionUser = { id: "manager-1", email: "manager@pillars.test", name: "Manager", role: "MANAGER", managedTeamIds: [] };
const actor: Actor = { userId: manager.id, label: manager.email };

const addresses = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}-${i}@invitees.test`);
const send = (list: string[], options: { teamId?: string; user?: SessionUser | null; smtpUrl?: string } = {}) =>
  emailInvitations(actor, options.user === undefined ? manager : options.user, runId, emailInvitationsInput.parse({ teamId: options.teamId ?? teams.a, addresses: list }), BASE, {
    smtp: { url: options.smtpUrl ?? smtp.url, from: FROM },
    now: NOW,
  });
const tokenOf = (text: string) => /^https:\/\/pillars\.example\.com\/s\/([A-Za-z0-9_-]{32})$/m.exec(text)?.[1];
const invitations = (teamId: string) => db.surveyInvitation.count({ where: { runId, teamId } });

/** Every row of every table, as text. */
async function everyRowAsText(): Promise<string> {
  const runner = await sqlRunner();
  const tables = await runner.query<{ table_name: string }>(
    `SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'`,
  );
  const parts: string[] = [];
  for (const { table_name } of tables) {
    const rows = await runner.query<{ row: string }>(`SELECT t::text AS row FROM "${table_name.replace(/"/g, '""')}" t`);
    parts.push(...rows.map((r) => r.row));
  }
  expect(tables.length).toBeGreaterThan(20);
  return parts.join("\n").toLowerCase();
}

beforeAll(async () => {
  smtp = await startSmtpServer();
  const group = await db.group.create({ data: { name: "Product", slug: "product" } });
  const mk = (name: string) => db.team.create({ data: { name, slug: name.toLowerCase(), groupId: group.id, location: "Berlin" }, select: { id: true } });
  const [a, b] = await Promise.all([mk("Payments"), mk("Search")]);
  teams = { a: a.id, b: b.id };
  manager.managedTeamIds = [teams.a];
  const survey = await createSurvey(SYSTEM_ACTOR, { title: "Team pulse", templates: ["pulse"], excludeItems: [], items: [] });
  runId = (await createRun(SYSTEM_ACTOR, survey.id, { opensOn: "2026-03-16", closesOn: "2026-03-27", repeat: "none", teamIds: [teams.a, teams.b], groupIds: [] })).id;
});

afterAll(async () => {
  await smtp?.close();
});

beforeEach(() => {
  smtp.messages.length = 0;
  smtp.refuse.clear();
});

describe("emailing invitation links", () => {
  it("delivers one message per address, each with its own working single-use link, and stores no address", async () => {
    const list = addresses("pulse-invitee", 7);
    const result = await send(list);
    expect(result).toMatchObject({ runId, teamId: teams.a, teamName: "Payments", sent: 7, failed: [], invited: 7 });

    expect(smtp.messages).toHaveLength(7);
    expect(smtp.messages.map((m) => m.to).flat().sort()).toEqual([...list].sort());
    const tokens = smtp.messages.map((m) => tokenOf(messageText(m.raw)));
    expect(new Set(tokens).size).toBe(7);
    for (const m of smtp.messages) {
      expect(m.from).toBe("surveys@pillars.example.com");
      expect(messageHeader(m.raw, "Subject")).toBe("Survey: Team pulse");
      expect(messageHeader(m.raw, "To")).toBe(m.to[0]);
      const text = messageText(m.raw);
      expect(text).toContain("closes at the end of 27 Mar 2026");
      expect(text).toContain("Your answers are anonymous");
      // One recipient per message: nobody sees another invitee's address.
      expect(list.filter((a) => m.raw.includes(a))).toEqual(m.to);
    }

    // Each link answers once.
    for (const token of tokens) {
      expect((await respondentView(token!, NOW)).state).toBe("open");
      await expect(submitAnswers(token!, PULSE, NOW)).resolves.toEqual({ ok: true });
      await expect(submitAnswers(token!, PULSE, NOW)).rejects.toMatchObject({ status: 404 });
    }
    expect(await db.surveyResponse.count({ where: { runId, teamId: teams.a } })).toBe(7);

    // The audit says how many, for which team, by whom — and nothing else.
    const audit = await db.auditLog.findMany({ where: { entityType: "SurveyInvitationEmail" }, select: { actorLabel: true, summary: true, after: true } });
    expect(audit).toEqual([{ actorLabel: manager.email, summary: 'Emailed 7 invitation(s) for team "Payments" in run "Team pulse · 2026-03-16"', after: { teamId: teams.a, sent: 7, failed: 0 } }]);

    const stored = await everyRowAsText();
    expect(stored).toContain("payments"); // the scan reads real rows
    expect(stored).not.toContain("invitees.test");
    for (const address of list) expect(stored).not.toContain(address);
  });

  it("reports an address the server refuses, voids its link and keeps the others working", async () => {
    const list = addresses("refusal-invitee", 4);
    smtp.refuse.add(list[2]);
    const before = await invitations(teams.a);
    const result = await send(list);
    expect(result.sent).toBe(3);
    expect(result.failed).toEqual([{ index: 2, address: list[2], reason: "the mail server refused it (550)" }]);
    expect(smtp.messages.map((m) => m.to[0]).sort()).toEqual([list[0], list[1], list[3]].sort());

    // Only the three delivered links exist; the refused address's link was deleted (it would answer "not valid").
    expect(await invitations(teams.a)).toBe(before + 3);
    expect(result.invited).toBe(7 + 3);
    for (const m of smtp.messages) await expect(submitAnswers(tokenOf(messageText(m.raw))!, PULSE, NOW)).resolves.toEqual({ ok: true });
    expect(await db.surveyInvitation.count({ where: { runId, teamId: teams.a, used: false } })).toBe(0);

    const last = await db.auditLog.findFirstOrThrow({ where: { entityType: "SurveyInvitationEmail" }, orderBy: { id: "desc" }, select: { summary: true, after: true } });
    expect(last.after).toEqual({ teamId: teams.a, sent: 3, failed: 1 });
    expect(last.summary).toContain("1 not accepted by the mail server, their links voided");
    expect(await everyRowAsText()).not.toContain("invitees.test");
  });

  it("answers 502 naming the server when it cannot be reached, having written nothing", async () => {
    const closed = net.createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const port = (closed.address() as net.AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const before = { invitations: await invitations(teams.a), audit: await db.auditLog.count() };
    const attempt = send(addresses("unreachable-invitee", 2), { smtpUrl: `smtp://user:hunter2@127.0.0.1:${port}` });
    await expect(attempt).rejects.toMatchObject({ status: 502, code: "mail_unavailable" });
    const message = (await attempt.catch((e: Error) => e)) as Error;
    expect(message.message).toBe(`The mail server 127.0.0.1:${port} could not be used: the connection to the mail server failed. Nothing was sent and no links were created.`);
    expect(message.message).not.toContain("hunter2");
    expect({ invitations: await invitations(teams.a), audit: await db.auditLog.count() }).toEqual(before);
  });

  it("says email is not configured (409), and checks the run's teams before anything else", async () => {
    await expect(assertMayEmailInvitations(manager, runId, { smtp: null, now: NOW })).rejects.toMatchObject({ status: 409, code: "smtp_not_configured" });
    const outsider: SessionUser = { ...manager, id: "manager-2", managedTeamIds: ["another-team"] };
    await expect(assertMayEmailInvitations(outsider, runId, { smtp: { url: smtp.url, from: FROM }, now: NOW })).rejects.toMatchObject({ status: 403 });
    await expect(assertMayEmailInvitations({ ...manager, role: "LEADER", managedTeamIds: [] }, runId, { smtp: { url: smtp.url, from: FROM }, now: NOW })).resolves.toBeUndefined();
    await expect(assertMayEmailInvitations(manager, "no-such-run", { smtp: { url: smtp.url, from: FROM }, now: NOW })).rejects.toMatchObject({ status: 404 });
  });

  it("refuses a manager emailing for a team they do not manage, and a team outside the run", async () => {
    const before = await invitations(teams.b);
    await expect(send(addresses("forged-invitee", 1), { teamId: teams.b })).rejects.toMatchObject({ status: 403 });
    await expect(send(addresses("forged-invitee", 1), { teamId: "not-in-run" })).rejects.toMatchObject({ status: 400 });
    expect(smtp.messages).toHaveLength(0);
    expect(await invitations(teams.b)).toBe(before);
  });

  it("limits how many invitations one user emails per hour", async () => {
    const limited: Actor = { userId: "busy-user", label: "busy@pillars.test" };
    await recordAudit(limited, { action: "create", entityType: "SurveyInvitationEmail", entityId: runId, after: { teamId: teams.a, sent: EMAILS_PER_USER_PER_HOUR - 1, failed: 0 } });
    const input = emailInvitationsInput.parse({ teamId: teams.a, addresses: addresses("limit-invitee", 2) });
    await expect(emailInvitations(limited, null, runId, input, BASE, { smtp: { url: smtp.url, from: FROM }, now: NOW })).rejects.toMatchObject({ status: 429 });
    expect(smtp.messages).toHaveLength(0);
  });
});
