import { devices, expect, test, type Browser, type Page } from "@playwright/test";
import { signIn } from "./helpers";

/**
 * A leader composes a pulse survey, opens a run for one team and generates six single-use links; people
 * answer on a phone without an account. Nothing shows as answers arrive; an interim snapshot cannot be published
 * for four answers; with the fifth the leader publishes one and the team's results appear. A used link cannot
 * answer again.
 */
const phone = devices["iPhone 13"];
test.use({ viewport: phone.viewport, deviceScaleFactor: phone.deviceScaleFactor, isMobile: true, hasTouch: true, userAgent: phone.userAgent });

const TEAM = "Developer Experience";

async function answerOnPhone(browser: Browser, path: string, growth: number): Promise<void> {
  const context = await browser.newContext({ viewport: phone.viewport, isMobile: true, hasTouch: true, userAgent: phone.userAgent });
  const page = await context.newPage();
  await page.goto(path);
  await expect(page.getByRole("heading", { name: /Team pulse/ })).toBeVisible();
  const answer = async (question: RegExp, value: string) =>
    page.getByRole("group", { name: question }).getByRole("radio", { name: new RegExp(`^${value}\\b`) }).check({ force: true });
  await answer(/enough freedom/, "4");
  await answer(/trust the decisions/, "3");
  await answer(/workload is sustainable/, "2");
  await answer(/learning and growing/, String(growth));
  await answer(/belong on this team/, "5");
  await answer(/recommend working here/, "9");
  await page.getByRole("textbox", { name: /Anything else/ }).fill("Fewer meetings on Fridays");
  // Large tap targets: every answer button is at least 44 px tall.
  const box = await page.getByRole("group", { name: /enough freedom/ }).locator("label span").first().boundingBox();
  expect(box?.height ?? 0).toBeGreaterThanOrEqual(44);
  await page.getByRole("button", { name: "Send my answers" }).tap();
  await expect(page.getByRole("status")).toContainText("recorded anonymously");
  await context.close();
}

async function teamRow(page: Page) {
  await page.reload();
  const table = page.getByRole("table", { name: "Results by group" });
  return table.getByRole("row").filter({ has: page.getByRole("rowheader", { name: new RegExp(TEAM) }) });
}

test("people answer on a phone via single-use links; the team's results appear with the fifth answer", async ({ page, browser }) => {
  test.setTimeout(180_000);
  await signIn(page, "LEADER");
  await page.goto("/surveys/new");
  await page.getByLabel("Title").fill("Team pulse");
  await page.getByRole("checkbox", { name: /Short pulse/ }).check();
  await page.getByRole("button", { name: "Create survey" }).click();
  await expect(page.getByRole("heading", { name: "Team pulse" })).toBeVisible();

  await page.getByRole("checkbox", { name: TEAM, exact: true }).check();
  await page.getByRole("button", { name: "Open run" }).click();
  await expect(page.getByRole("heading", { name: "Invitation links" })).toBeVisible();

  await page.getByLabel(`Seats for ${TEAM}`).fill("6");
  await page.getByRole("button", { name: "Generate links" }).click();
  const links = page.getByRole("list", { name: "Generated links" }).getByRole("link");
  await expect(links).toHaveCount(6);
  const paths = (await links.evaluateAll((as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname)));
  expect(paths.every((p) => /^\/s\/[A-Za-z0-9_-]{32}$/.test(p))).toBe(true);

  for (const [i, path] of paths.slice(0, 4).entries()) await answerOnPhone(browser, path, i + 2);
  const withheld = await teamRow(page);
  await expect(withheld).toContainText("Results appear when the run closes");
  await expect(withheld).not.toContainText("%");
  await expect(page.getByText("Fewer meetings on Fridays")).toHaveCount(0);
  await expect(page.getByTestId("snapshot-status")).toContainText("No results are published yet");
  await page.getByRole("button", { name: "Publish an interim snapshot" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "No team has" })).toContainText("No team has 5 or more new answers");

  await answerOnPhone(browser, paths[4], 5);
  await page.reload();
  await page.getByRole("button", { name: "Publish an interim snapshot" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Done." })).toBeVisible();
  const shown = await teamRow(page);
  await expect(page.getByTestId("snapshot-status")).toContainText("interim snapshot 1");
  await expect(shown).toContainText("83.3%"); // 5 of 6 invited
  await expect(shown).toContainText("5 of 6");
  // Growth answers 2, 3, 4, 5, 5 → mean 3.80.
  await expect(shown).toContainText("3.80");
  await expect(page.getByText("Fewer meetings on Fridays").first()).toBeVisible();

  await page.goto(paths[0]);
  await expect(page.getByRole("status")).toContainText("already been used");
});
