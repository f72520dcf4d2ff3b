import fs from "node:fs";
import path from "node:path";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { signIn } from "./helpers";

/**
 * An admin imports a roster CSV (an HR export with its own column names, including a rehire and
 * a regretted leaver, plus exits that leave Customer Notifications with three people), then sees
 * the Retention pillar with trends and the small team suppressed on the page, the API and the export.
 */

const SMALL_TEAM = "Customer Notifications";

interface Person {
  employeeId: string;
  level: string;
  employments: { hireDate: string; exitDate: string | null; exitType: string | null; regretted: boolean; exitReason: string | null }[];
  promotions: { date: string }[];
  teamMoves: { date: string }[];
}

/**
 * The last day of the month three months back: the current month and the two before it see only the people who
 * stayed, so the last complete month the page's table shows (the month before last while its final week runs into
 * this month) has the small team too.
 */
function exitDay(): string {
  const now = new Date();
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 2, 0)).toISOString().slice(0, 10);
}

/** Exit rows for all but three of the small team's current people (those with nothing on record after the exit day). */
async function smallTeamExits(request: APIRequestContext): Promise<string[]> {
  const list = await request.get("/api/v1/people?team=customer-notifications&status=active");
  expect(list.ok()).toBe(true);
  const { people } = (await list.json()) as { people: { employeeId: string }[] };
  const exitDate = exitDay();
  const records: Person[] = [];
  for (const { employeeId } of people) records.push(((await (await request.get(`/api/v1/people/${employeeId}`)).json()) as { person: Person }).person);
  const lastEvent = (p: Person) => [...p.employments.map((e) => e.hireDate), ...p.promotions.map((x) => x.date), ...p.teamMoves.map((m) => m.date)].sort().at(-1) ?? "";
  const leavers = records.filter((p) => lastEvent(p) < exitDate).slice(0, Math.max(0, records.length - 3));
  expect(records.length - leavers.length).toBe(3);
  const rows: string[] = [];
  for (const person of leavers) {
    person.employments.forEach((e, i) => {
      const last = i === person.employments.length - 1;
      const exit = last ? [exitDate, "voluntary", "no", "Relocation"] : [e.exitDate ?? "", e.exitType ?? "", e.regretted ? "yes" : "no", e.exitReason ?? ""];
      rows.push([person.employeeId, "customer-notifications", person.level, "", "", e.hireDate, ...exit].join(","));
    });
  }
  return rows;
}

test("an admin imports a roster and sees the Retention pillar with a suppressed small team", async ({ page, browser }) => {
  test.setTimeout(180_000);
  await signIn(page, "ADMIN");
  await page.goto("/admin/people");
  await expect(page.getByRole("heading", { name: "People roster" })).toBeVisible();

  const fixture = fs.readFileSync(path.join(import.meta.dirname, "fixtures", "roster.csv"), "utf8").trimEnd();
  const csv = [fixture, ...(await smallTeamExits(page.request))].join("\n") + "\n";
  await page.getByLabel("Roster file (CSV)").setInputFiles({ name: "hr-export.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
  await page.getByRole("button", { name: "Preview" }).click();
  await expect(page.getByTestId("import-result")).toContainText(/Ready to import .* 4 new/);
  await expect(page.getByTestId("import-result")).toContainText("Start Date → hire_date");
  await page.getByRole("button", { name: "Import" }).click();
  await expect(page.getByTestId("import-result")).toContainText("Imported: 4 added", { timeout: 120_000 });

  // Importing the same file again changes nothing.
  await page.getByRole("button", { name: "Preview" }).click();
  await expect(page.getByTestId("import-result")).toContainText(/0 new, 0 changed/);

  await page.getByRole("link", { name: "Retention" }).first().click();
  await expect(page.getByRole("heading", { name: "Retention & development" })).toBeVisible();
  const table = page.getByTestId("retention-table");
  await expect(table.getByTestId(`retention-row-${SMALL_TEAM}`)).toContainText("Too few people to show");
  await expect(table.getByTestId("retention-row-Whole organisation")).toContainText("%");
  // Trends: the organisation's turnover card has a number and a chart.
  const turnover = page.getByTestId("retention-card-turnoverRate");
  await expect(turnover).toContainText("%");
  await expect(turnover.locator("canvas")).toBeVisible();

  // The API and the export say the same, with no numbers for the small team.
  const report = (await (await page.request.get("/api/v1/retention?segment=team&period=month")).json()) as {
    periods: { start: string; complete: boolean }[];
    rows: { label: string; period: string; suppressed: string | null; metrics?: unknown }[];
  };
  // The period the page's table shows: the last complete one.
  const latest = report.periods.findLast((p) => p.complete)?.start;
  const small = report.rows.find((r) => r.label === SMALL_TEAM && r.period === latest);
  expect(small?.suppressed).toBe("too-few");
  expect(small).not.toHaveProperty("metrics");
  const exported = await (await page.request.get("/api/v1/retention/export?segment=team&period=month")).text();
  expect(exported).toMatch(new RegExp(`team,${SMALL_TEAM},[^,]+,Too few people to show,{22}\\r\\n`));

  // Everyone else sees aggregates only.
  const viewerContext = await browser.newContext();
  const viewer = await viewerContext.newPage();
  await signIn(viewer, "VIEWER");
  expect((await viewer.request.get("/api/v1/people")).status()).toBe(403);
  expect((await viewer.request.get("/api/v1/retention?segment=team&period=month")).status()).toBe(200);
  await viewerContext.close();
});
