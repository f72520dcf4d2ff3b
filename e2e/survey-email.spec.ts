import { expect, test, type Browser, type Page } from "@playwright/test";
import { messageText, startSmtpServer, type TestSmtpServer } from "../lib/testing/smtp-server";
import { signIn, type DemoRole } from "./helpers";

/**
 * Emailing invitation links: the e2e server sends through a small SMTP server this spec runs on
 * E2E_SMTP_PORT (see playwright.config.ts). A manager pastes addresses for the team they manage, sees the
 * message preview, sends, and is told which address the mail server refused; every delivered message holds
 * its own link, which answers the survey once. Over HTTP: another team, a bad address and a viewer are refused.
 */
const OWN_TEAM = "Shipper Portal";
const OTHER_TEAM = "Mobile Apps";
const PULSE = { autonomy: 4, "trust-leadership": 3, workload: 2, growth: 5, belonging: 4, enps: 9 };

let smtp: TestSmtpServer;
let runPath: string;

async function signedIn(browser: Browser, role: DemoRole): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, role);
  return page;
}

test.beforeAll(async () => {
  smtp = await startSmtpServer(Number(process.env.E2E_SMTP_PORT));
});

test.afterAll(async () => {
  await smtp?.close();
});

test("a manager emails links for their team; each address gets its own working link and a refused one is reported", async ({ browser }) => {
  test.setTimeout(180_000);
  const leader = await signedIn(browser, "LEADER");
  await leader.goto("/surveys/new");
  await leader.getByLabel("Title").fill("Email pulse");
  await leader.getByRole("checkbox", { name: /Short pulse/ }).check();
  await leader.getByRole("button", { name: "Create survey" }).click();
  await leader.getByRole("checkbox", { name: OWN_TEAM, exact: true }).check();
  await leader.getByRole("checkbox", { name: OTHER_TEAM, exact: true }).check();
  await leader.getByRole("button", { name: "Open run" }).click();
  await expect(leader.getByRole("heading", { name: "Email links" })).toBeVisible();
  runPath = new URL(leader.url()).pathname;
  await leader.context().close();

  const manager = await signedIn(browser, "MANAGER");
  await manager.goto(runPath);
  const panel = manager.getByRole("region", { name: "Email links" });
  await expect(panel.getByRole("combobox", { name: "Team" }).getByRole("option")).toHaveText([OWN_TEAM]);
  const refused = "not-here@invitees.e2e.test";
  smtp.refuse.add(refused);
  await panel.getByRole("textbox", { name: "Email addresses" }).fill(`ada@invitees.e2e.test\nGrace Hopper <grace@invitees.e2e.test>\n${refused}\nADA@invitees.e2e.test\nlin@invitees.e2e.test`);
  await expect(panel.getByText("4 address(es), 1 repeated address(es) left out")).toBeVisible();
  const preview = panel.getByRole("figure", { name: "Email preview" });
  await expect(preview).toContainText("Subject: Survey: Email pulse");
  await expect(preview).toContainText(`for the team ${OWN_TEAM}`);
  await expect(preview).toContainText("Your answers are anonymous");

  await panel.getByRole("button", { name: "Email 4 link(s)" }).click();
  const results = panel.getByRole("region", { name: "Email results" });
  await expect(results).toContainText(`Sent 3 invitation(s) to ${OWN_TEAM}`);
  await expect(results.getByRole("list", { name: "Addresses not sent" })).toHaveText(`${refused} — the mail server refused it (550)`);

  expect(smtp.messages.map((m) => m.to[0]).sort()).toEqual(["ada@invitees.e2e.test", "grace@invitees.e2e.test", "lin@invitees.e2e.test"]);
  const links = smtp.messages.map((m) => /^(http\S+\/s\/[A-Za-z0-9_-]{32})$/m.exec(messageText(m.raw))?.[1] ?? "");
  expect(new Set(links).size).toBe(3);

  // A link opens the survey without an account, answers once, and no more.
  const respondent = await (await browser.newContext()).newPage();
  await respondent.goto(new URL(links[0]).pathname);
  await expect(respondent.getByRole("heading", { name: /Email pulse/ })).toBeVisible();
  for (const link of links) {
    const path = `/api/v1/respond/${link.split("/s/")[1]}`;
    expect((await respondent.request.post(path, { data: { answers: PULSE } })).status()).toBe(201);
    // A used link is deleted with its use (nothing links an answer to an invitation), so it is unknown now.
    expect((await respondent.request.post(path, { data: { answers: PULSE }, failOnStatusCode: false })).status()).toBe(404);
  }
  await respondent.context().close();

  // Over HTTP: another team's id, a malformed address, and a viewer are refused; nothing is sent.
  const sentBefore = smtp.messages.length;
  const post = (page: Page, data: unknown) =>
    page.request.post(`/api/v1/surveys/runs/${runPath.split("/").pop()}/invitations/email`, { data, failOnStatusCode: false, headers: { origin: new URL(page.url()).origin } });
  const emailTeamIds = (page: Page) =>
    page.getByRole("region", { name: "Email links" }).getByRole("combobox", { name: "Team" }).locator("option").evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
  const teamIds = await emailTeamIds(manager);
  const leaderApi = await signedIn(browser, "LEADER");
  await leaderApi.goto(runPath);
  const otherTeamId = (await emailTeamIds(leaderApi)).find((id) => !teamIds.includes(id));
  expect(teamIds).toHaveLength(1);
  expect(otherTeamId).toBeTruthy();
  expect((await post(manager, { teamId: otherTeamId, addresses: ["x@invitees.e2e.test"] })).status()).toBe(403);
  const invalid = await post(manager, { teamId: teamIds[0], addresses: ["ok@invitees.e2e.test", "not an address"] });
  expect(invalid.status()).toBe(400);
  expect((await invalid.json()).issues).toEqual([expect.objectContaining({ path: "addresses.1" })]);
  const viewer = await signedIn(browser, "VIEWER");
  expect((await post(viewer, { teamId: teamIds[0], addresses: ["x@invitees.e2e.test"] })).status()).toBe(403);
  expect(smtp.messages.length).toBe(sentBefore);
  for (const page of [manager, leaderApi, viewer]) await page.context().close();
});
