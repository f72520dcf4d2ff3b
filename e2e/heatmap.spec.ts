import { expect, test } from "@playwright/test";
import { signIn } from "./helpers";

interface Unit {
  name: string;
  shown: boolean;
}

/** The team × question heatmap of a published run: every column is a unit the results release, or a marked gap. */
test("a run's heatmap shows a mean per question for each released team and marks each withheld one, with no number", async ({ page }) => {
  await signIn(page, "LEADER");
  const surveys = (await (await page.request.get("/api/v1/surveys")).json()) as { runs: { id: string; state: string; teams: number }[] }[];
  // A closed run of the demo where the policy withholds a team: the case the heatmap must mark.
  let run: { id: string } | undefined;
  let units: Unit[] = [];
  for (const candidate of surveys.flatMap((s) => s.runs).filter((r) => r.state === "closed" && r.teams > 1)) {
    const results = (await (await page.request.get(`/api/v1/surveys/runs/${candidate.id}/results`)).json()) as { org: Unit; teams: Unit[] };
    units = [results.org, ...results.teams];
    if (units.some((u) => u.shown) && units.some((u) => !u.shown)) {
      run = candidate;
      break;
    }
  }
  expect(run, "the demo has a closed run with a withheld team").toBeDefined();

  await page.goto(`/surveys/runs/${run!.id}`);
  const heatmap = page.getByTestId("survey-heatmap");
  await expect(heatmap).toBeVisible();
  const headers = await heatmap.locator("thead th").allInnerTexts();
  expect(headers.slice(1)).toEqual(units.map((u) => u.name));
  const rows = heatmap.locator("tbody tr");
  expect(await rows.count()).toBeGreaterThan(0);
  const first = rows.first().locator("td");
  for (const [i, unit] of units.entries()) {
    const cell = first.nth(i);
    if (unit.shown) {
      await expect(cell).not.toHaveAttribute("data-withheld", "true");
      await expect(cell).toHaveText(/^\d+\.\d{2}$|^—$/);
    } else {
      await expect(cell).toHaveAttribute("data-withheld", "true");
      await expect(cell).toContainText("withheld");
      await expect(cell).not.toHaveText(/\d\.\d{2}/);
    }
  }
});
