import { expect, test, type Page } from "@playwright/test";
import { signIn } from "./helpers";

const day = (offsetDays: number) => new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);

async function teamId(page: Page, name: string): Promise<string> {
  const scopes = (await (await page.request.get("/api/v1/scopes")).json()) as { teams: { id: string; name: string }[] };
  const team = scopes.teams.find((t) => t.name === name);
  if (!team) throw new Error(`no team ${name}`);
  return team.id;
}

test.describe("skills and experiments", () => {
  test("logs an experiment, shows its marker on a team chart and its before/after read-out", async ({ page }) => {
    await signIn(page, "ADMIN");
    await page.goto("/experiments");
    await page.getByRole("button", { name: "Log an experiment" }).click();
    const title = `Pairing rotation ${Date.now()}`;
    const form = page.getByRole("form", { name: "Log an experiment" });
    await form.getByLabel("Title").fill(title);
    await form.getByLabel("Owner").fill("Ana Ribeiro");
    await form.getByLabel("Hypothesis").fill("Rotating pairs every week spreads knowledge and raises learning time.");
    await form.getByRole("checkbox", { name: "Shipper Portal" }).check();
    await form.getByLabel("Start", { exact: true }).fill(day(-70));
    await form.getByLabel("End (empty while running)").fill(day(-21));
    await form.getByLabel("Metric expected to move").selectOption({ label: "Learning hours per engineer" });
    await form.getByRole("button", { name: "Log experiment" }).click();

    await expect(page).toHaveURL(/\/experiments\/[^/]+$/);
    await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
    const readout = page.getByTestId("experiment-readout");
    await expect(readout.getByText("Experiment teams (1)")).toBeVisible();
    await expect(readout.getByText(/Other teams \(\d+\)/)).toBeVisible();
    await expect(readout.getByText(/^Correlation, not cause/)).toBeVisible();

    const chart = page.getByTestId("team-chart-learning_hours");
    await expect(chart.locator("canvas")).toBeVisible();
    await expect(chart.getByTestId("chart-markers")).toContainText(`▶ ${title}`);
    await expect(chart.getByTestId("chart-markers")).toContainText(`■ ${title}`);

    const id = await teamId(page, "Shipper Portal");
    const markers = await (await page.request.get(`/api/v1/experiments/markers?scope=team:${id}`)).json();
    expect(markers.markers).toContainEqual({ date: day(-70), label: `▶ ${title}` });
  });

  test("shows a team's skills coverage and its bus-factor list", async ({ page }) => {
    await signIn(page, "ADMIN");
    const id = await teamId(page, "Mobile Apps");
    const suffix = Date.now();
    const add = async (name: string) => (await (await page.request.post("/api/v1/skills", { data: { name, category: "E2E" } })).json()).id as string;
    const flutter = await add(`Flutter ${suffix}`);
    const offline = await add(`Offline sync ${suffix}`);
    expect((await page.request.put(`/api/v1/skills/teams/${id}/needs`, { data: { skillIds: [flutter, offline] } })).ok()).toBe(true);
    const people = (await (await page.request.get(`/api/v1/skills/teams/${id}/people`)).json()) as { people: { employeeId: string }[] };
    const [a, b] = people.people.map((p) => p.employeeId);
    const levels = [
      { employeeId: a, skillId: flutter, level: 4 },
      { employeeId: b, skillId: flutter, level: 3 },
      { employeeId: a, skillId: offline, level: 3 },
      { employeeId: b, skillId: offline, level: 2 },
    ];
    expect((await page.request.put("/api/v1/skills/proficiency", { data: levels })).ok()).toBe(true);

    await page.goto(`/skills?team=${id}`);
    const coverage = page.getByTestId("skills-coverage");
    await expect(coverage.getByRole("heading", { name: "Skills coverage · Mobile Apps" })).toBeVisible();
    await expect(coverage.getByTestId("coverage-percent")).toHaveText("50.0%");
    await expect(coverage.getByText("1 of 2 needed skills covered", { exact: false })).toBeVisible();
    const busFactor = coverage.getByTestId("bus-factor-list");
    await expect(busFactor).toContainText(`Offline sync ${suffix}: only 1 proficient person`);
    await expect(busFactor).not.toContainText(`Flutter ${suffix}`);
    await expect(page.getByRole("heading", { name: "Individual proficiency" })).toBeVisible();
  });

  test("an admin sets a team's learning budget and reads its spend against an even pace, per team, apart from per-engineer figures", async ({ page }) => {
    await signIn(page, "ADMIN");
    const id = await teamId(page, "Shipper Portal");
    await page.goto(`/skills?team=${id}`);
    const year = String(new Date().getUTCFullYear());
    const budget = page.getByRole("form", { name: "Learning budget" });
    await budget.getByLabel("Budget year").fill(year);
    await budget.getByLabel(/^Budget \(/).fill("24000");
    await budget.getByRole("button", { name: "Set budget" }).click();
    await expect(budget.getByRole("status")).toHaveText("Budget saved.");

    const report = page.getByTestId("learning-report");
    await expect(report.getByRole("columnheader", { name: "Hours / engineer" }).first()).toBeVisible();
    const row = page.getByTestId(`learning-budget-${id}`);
    await expect(row.getByRole("cell").first()).toContainText("24");
    await expect(row).toContainText(/On pace|Spending ahead of pace|Spending behind pace|Over budget/);
    await expect(row.getByRole("img")).toHaveAttribute("aria-label", /^Shipper Portal: /);
    await expect(page.getByTestId("learning-budgets").getByRole("caption")).toHaveText(`Team budgets, ${year}`);
  });
});
