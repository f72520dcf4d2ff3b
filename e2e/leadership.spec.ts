import fs from "node:fs";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { signIn } from "./helpers";

/** Leadership views on the demo organisation: weekly review, annotations, presentation, packs, export. */

interface Annotation {
  date: string;
  title: string;
}

function addDays(day: string, days: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

async function scopes(request: APIRequestContext) {
  return (await (await request.get("/api/v1/scopes")).json()) as { teams: { id: string; name: string }[] };
}

/** A PDF's document title, as a literal string or as UTF-16BE hex (used when it is not plain ASCII). */
function pdfHasTitle(pdf: Buffer, title: string): boolean {
  const text = pdf.toString("latin1");
  if (text.includes(`(${title}`)) return true;
  const hex = [...title].map((c) => c.charCodeAt(0).toString(16).padStart(4, "0")).join("").toUpperCase();
  return text.toUpperCase().includes(hex);
}

test.describe("leadership views", () => {
  test("the weekly review lists the incident-heavy quarter's anomaly with its reasons", async ({ page }) => {
    test.setTimeout(120_000);
    await signIn(page, "LEADER");
    const { annotations } = (await (await page.request.get("/api/v1/annotations?scope=org")).json()) as { annotations: Annotation[] };
    const outages = annotations.find((a) => a.title === "Carrier integration outages begin");
    expect(outages, "the demo seeds the start of the incident-heavy quarter").toBeTruthy();
    // Eight weeks into the quarter: the recent weeks sit inside it, the baseline before it.
    const asOf = addDays(outages!.date, 56);
    await page.goto(`/review?asOf=${asOf}`);
    await expect(page.getByRole("heading", { name: "Weekly review" })).toBeVisible();
    const warnings = page.getByTestId("early-warning");
    await expect(warnings.first()).toBeVisible({ timeout: 60_000 });
    const teams = await warnings.getByRole("heading", { level: 3 }).allTextContents();
    expect(teams.some((t) => ["Core Infrastructure", "Route Planning", "Site Reliability"].includes(t))).toBe(true);
    const incidentTeam = warnings.filter({ has: page.getByRole("heading", { name: /Core Infrastructure|Route Planning|Site Reliability/ }) }).first();
    await expect(incidentTeam).toContainText("signals worsening together across Quality and Engagement");
    await expect(incidentTeam).toContainText("Change failure rate");
    await expect(incidentTeam).toContainText(/eNPS|Psychological safety|Survey participation/);
    await expect(incidentTeam).toContainText(/weeks of \d{1,2} [A-Z][a-z]{2}( \d{4})? – \d{1,2} [A-Z][a-z]{2} \d{4}/);
    // Each warning links to the team's charts.
    await expect(incidentTeam.getByRole("link", { name: /charts$/ })).toHaveAttribute("href", /scope=team%3A.+range=6m/);
    // Which teams the current week flags depends on the day the demo was seeded (its values are drawn per calendar
    // week): the page lists exactly the teams the review API flags, or says that none is.
    const current = (await (await page.request.get("/api/v1/review")).json()) as { warnings: { teamName: string }[] };
    await page.goto("/review");
    await expect(page.getByRole("heading", { name: "Weekly review" })).toBeVisible();
    const calm = page.getByText(/No team shows several signals worsening together/);
    if (current.warnings.length > 0) {
      await expect(warnings.getByRole("heading", { level: 3 })).toHaveText(current.warnings.map((w) => w.teamName), { timeout: 60_000 });
      await expect(calm).toHaveCount(0);
    } else {
      await expect(calm).toBeVisible({ timeout: 60_000 });
    }
    // Two years before the incident-heavy quarter no team has values yet, so none is flagged, and the review says so.
    await page.goto(`/review?asOf=${addDays(outages!.date, -7 * 104)}`);
    await expect(calm).toBeVisible({ timeout: 60_000 });
    await expect(warnings).toHaveCount(0);
  });

  test("an annotation added by a leader appears on the overview charts; a viewer cannot add one", async ({ page, browser }) => {
    await signIn(page, "LEADER");
    await page.goto("/annotations");
    await page.getByLabel("Title").fill("Leadership offsite");
    await page.getByRole("button", { name: "Add annotation" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Annotation added." })).toBeVisible();
    await page.goto("/?range=12w");
    // One numbered key for the page, not a list under every card; the charts carry only the numbers.
    const legend = page.getByTestId("marker-legend");
    await expect(legend).toHaveCount(1);
    await expect(legend).toContainText("Leadership offsite");
    await expect(page.getByRole("region", { name: "Notes on these charts" })).toBeVisible();
    await expect(page.getByTestId("metric-card-deployments").getByTestId("marker-legend")).toHaveCount(0);

    const viewer = await browser.newPage();
    await signIn(viewer, "VIEWER");
    const refused = await viewer.request.post("/api/v1/annotations", { data: { scopeType: "ORG", date: "2026-01-05", title: "Not allowed" } });
    expect(refused.status()).toBe(403);
    await viewer.close();
  });

  test("presentation mode moves between slides with the keyboard", async ({ page }) => {
    await signIn(page, "VIEWER");
    await page.goto("/present?scope=org&range=6m&metrics=deployments,lead_time,change_failure_rate");
    const counter = page.getByTestId("slide-counter");
    const title = page.getByTestId("slide-title");
    await expect(counter).toHaveText("1 / 3");
    await expect(title).toHaveText("Deployments");
    await page.keyboard.press("ArrowRight");
    await expect(counter).toHaveText("2 / 3");
    await expect(title).toHaveText("Change lead time");
    await page.keyboard.press("Space");
    await expect(title).toHaveText("Change failure rate");
    await page.keyboard.press("PageDown");
    await expect(counter).toHaveText("3 / 3");
    await page.keyboard.press("PageUp");
    await expect(counter).toHaveText("2 / 3");
    await page.keyboard.press("ArrowLeft");
    await expect(counter).toHaveText("1 / 3");
    await expect(page.getByTestId("presentation").locator("canvas")).toBeVisible();
    await page.keyboard.press("Escape");
    await expect(page).toHaveURL(/\/present$/);
    await expect(page.getByRole("heading", { name: "Present" })).toBeVisible();
  });

  test("a saved pack keeps its frozen numbers after new data is entered, and prints to PDF", async ({ page }) => {
    test.setTimeout(120_000);
    await signIn(page, "ADMIN");
    const team = (await scopes(page.request)).teams.find((t) => t.name === "Route Planning") ?? (await scopes(page.request)).teams[0];
    await page.goto("/packs/new");
    await page.getByLabel("Title").fill("Monthly engineering review");
    await page.getByLabel("Metric").selectOption({ label: "SLO attainment" });
    await page.getByLabel("Scope").selectOption({ label: team.name });
    await page.getByLabel("Range").selectOption("12w");
    await page.getByLabel("Narrative (shown on the slide)").fill("Availability held steady.");
    await page.getByRole("button", { name: "Add an action" }).click();
    await page.getByLabel("Action 1").fill("Review the SLO budget");
    await page.getByLabel("Owner").fill("Priya Nair");
    await page.getByRole("button", { name: "Save pack" }).click();
    await expect(page).toHaveURL(/\/packs\/(?!new$)[\w-]+$/, { timeout: 30_000 });
    const packId = page.url().split("/").pop() as string;

    const { pack } = await (await page.request.get(`/api/v1/packs/${packId}`)).json();
    const frozen = pack.slides[0].series.latest as { period: string; value: number; label: string };
    expect(frozen).toBeTruthy();
    const frozenText = await page.getByTestId("pack-slide-0").getByTestId("frozen-value").textContent();
    expect(frozenText).toContain(frozen.label);

    // New data for the very week the pack shows.
    const newValue = frozen.value > 50 ? 42.5 : 97.5;
    const put = await page.request.put("/api/v1/metric-values", {
      data: { values: [{ metricKey: "slo_attainment", teamId: team.id, weekStart: frozen.period, value: newValue, note: "Corrected after the outage review" }] },
    });
    expect(put.ok()).toBe(true);
    const live = await (await page.request.get(`/api/v1/metrics/series?scope=team:${team.id}&metrics=slo_attainment&range=12w&granularity=week`)).json();
    const livePoint = live.series[0].points.find((p: { period: string }) => p.period === frozen.period);
    expect(livePoint.value).toBe(newValue);

    await page.reload();
    await expect(page.getByTestId("pack-slide-0").getByTestId("frozen-value")).toHaveText(frozenText as string);
    const again = await (await page.request.get(`/api/v1/packs/${packId}`)).json();
    expect(again.pack.slides[0].series.latest.value).toBe(frozen.value);
    await expect(page.getByRole("table", { name: "Actions agreed in this meeting" })).toContainText("Priya Nair");

    // The browser's print to PDF: pages are produced and carry the pack's title.
    await expect(page.getByTestId("pack-slide-0").locator("canvas")).toBeVisible();
    const pdf = await page.pdf({ format: "A4", printBackground: true });
    expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    const pages = pdf.toString("latin1").match(/\/Type\s*\/Page(?!s)/g) ?? [];
    expect(pages.length).toBeGreaterThanOrEqual(1);
    expect(pdfHasTitle(pdf, "Monthly engineering review")).toBe(true);

    // The pack as one PDF from the server, printed with the caller's session.
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("pack-pdf").click()]);
    expect(download.suggestedFilename()).toMatch(/^Monthly-engineering-review-\d{4}-\d{2}-\d{2}\.pdf$/);
    const served = fs.readFileSync(await download.path());
    expect(served.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    expect((served.toString("latin1").match(/\/Type\s*\/Page(?!s)/g) ?? []).length).toBeGreaterThanOrEqual(1);
    // Without a session there is no PDF, and a pack that does not exist is a 404.
    const anonymous = await page.context().browser()!.newContext();
    expect((await anonymous.request.get(new URL(`/api/v1/packs/${packId}/pdf`, page.url()).toString())).status()).toBe(401);
    await anonymous.close();
    expect((await page.request.get("/api/v1/packs/no-such-pack/pdf")).status()).toBe(404);
  });

  test("a chart downloads as a PNG image", async ({ page }) => {
    await signIn(page, "VIEWER");
    await page.goto("/?range=12w");
    const card = page.getByTestId("metric-card-deployments");
    await expect(card.locator("canvas")).toBeVisible();
    const [download] = await Promise.all([page.waitForEvent("download"), card.getByRole("button", { name: "Download the Deployments chart as PNG" }).click()]);
    expect(download.suggestedFilename()).toBe("deployments.png");
    const file = await download.path();
    const bytes = fs.readFileSync(file);
    expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    // IHDR: width and height as big-endian 32-bit integers at bytes 16 and 20.
    const width = bytes.readUInt32BE(16);
    const height = bytes.readUInt32BE(20);
    expect(width).toBeGreaterThanOrEqual(1600);
    expect(height).toBeGreaterThan(600);
    // Decoded by the browser: every pixel is opaque, and the picture has its title drawn (dark pixels at the top).
    const decoded = await page.evaluate(async (base64) => {
      const image = new Image();
      image.src = `data:image/png;base64,${base64}`;
      await image.decode();
      const canvas = document.createElement("canvas");
      canvas.width = image.naturalWidth;
      canvas.height = image.naturalHeight;
      const ctx = canvas.getContext("2d")!;
      ctx.drawImage(image, 0, 0);
      const { data } = ctx.getImageData(0, 0, canvas.width, canvas.height);
      let transparent = 0;
      for (let i = 3; i < data.length; i += 4) if (data[i] !== 255) transparent++;
      const top = ctx.getImageData(0, 0, canvas.width, 100).data;
      let dark = 0;
      for (let i = 0; i < top.length; i += 4) if (top[i] < 80 && top[i + 1] < 80 && top[i + 2] < 80) dark++;
      return { width: image.naturalWidth, transparent, dark };
    }, bytes.toString("base64"));
    expect(decoded.width).toBe(width);
    expect(decoded.transparent).toBe(0);
    expect(decoded.dark).toBeGreaterThan(200);
  });
});
