import { expect, test, type APIRequestContext, type Browser, type Page } from "@playwright/test";
import { latestState } from "../components/charts/shape";
import { WITHHELD_TEXT } from "../lib/disclosure/reasons";
import { formatValue, valueStyle } from "../lib/format";
import type { MetricSeries, OverviewResponse } from "../lib/metrics/series-types";
import { ORG_CURRENCY } from "../prisma/seed/org-plan";
import { signIn, type DemoRole } from "./helpers";

/**
 * The overview's first paint: every card's headline (number, period, change) is in the HTML the server sends,
 * made by the same service and reader as GET /api/v1/overview, so a reader never gets a number there that the
 * API withholds from them. Pages are read without the app's scripts and API: what shows is the server's HTML alone.
 */
interface Reader {
  api: APIRequestContext;
  overview: (view: string) => Promise<OverviewResponse>;
  /** The overview page as the server rendered it (no script runs). */
  serverPage: (view: string) => Promise<Page>;
}

async function reader(browser: Browser, baseURL: string | undefined, role: DemoRole): Promise<Reader> {
  const signedIn = await browser.newContext({ baseURL });
  await signIn(await signedIn.newPage(), role);
  // The app's own code and API never reach this context: only the HTML (and its inline streaming scripts) shows.
  const noScript = await browser.newContext({ baseURL, storageState: await signedIn.storageState() });
  await noScript.route(/\/_next\/static\/.*\.js(\?|$)|\/api\//, (route) => route.abort());
  return {
    api: signedIn.request,
    overview: async (view) => {
      const response = await signedIn.request.get(`/api/v1/overview?${view}`);
      expect(response.status()).toBe(200);
      return (await response.json()) as OverviewResponse;
    },
    serverPage: async (view) => {
      const page = await noScript.newPage();
      await page.goto(`/?${view}`);
      return page;
    },
  };
}

const formatted = (series: MetricSeries, value: number) => formatValue(value, valueStyle(series.metric), { currency: ORG_CURRENCY });
const allSeries = (overview: OverviewResponse) => overview.pillars.flatMap((p) => p.series);

/** Each card's headline in the server's HTML is the reader's own API answer: the number and period, or why not. */
async function expectHeadlinesAsReleased(page: Page, overview: OverviewResponse): Promise<void> {
  for (const series of allSeries(overview)) {
    const card = page.getByTestId(`metric-card-${series.metric.key}`);
    const headline = card.getByTestId("headline");
    const latest = latestState(series);
    if (latest.kind === "value") {
      await expect(headline).toContainText(formatted(series, latest.value));
      await expect(headline).toContainText(latest.label);
      await expect(card).toContainText(series.previous ? `vs ${series.previous.label}` : "No earlier period to compare");
    } else if (latest.kind === "withheld") {
      await expect(headline).toContainText(WITHHELD_TEXT[latest.reason]);
    } else {
      await expect(headline).toContainText("No data");
    }
  }
}

test.describe("overview first paint", () => {
  test("the cards' headline numbers are in the server's HTML, released to each reader as the API releases them", async ({ browser, baseURL }) => {
    const leader = await reader(browser, baseURL, "LEADER");
    const viewer = await reader(browser, baseURL, "VIEWER");

    // The default view, as the server renders it.
    const page = await leader.serverPage("");
    await expect(page.locator("[data-testid^='metric-card-']").first()).toBeVisible();
    expect(await page.locator("canvas").count()).toBe(0);
    await expectHeadlinesAsReleased(page, await leader.overview(""));

    // A view where a leader sees a number a viewer may not (how a team's leavers are classified, disclosure rule 5).
    const scopes = (await (await viewer.api.get("/api/v1/scopes")).json()) as { teams: { id: string }[] };
    let found: { view: string; key: string; leaderText: string; raw: number } | null = null;
    for (const team of scopes.teams) {
      const view = `scope=team:${team.id}&range=1y&granularity=month`;
      const [asLeader, asViewer] = await Promise.all([leader.overview(view), viewer.overview(view)]);
      for (const series of allSeries(asLeader)) {
        const shownToLeader = latestState(series);
        const shownToViewer = latestState(allSeries(asViewer).find((s) => s.metric.key === series.metric.key) as MetricSeries);
        if (shownToLeader.kind === "value" && shownToViewer.kind === "withheld") {
          found = { view, key: series.metric.key, leaderText: formatted(series, shownToLeader.value), raw: shownToLeader.value };
          break;
        }
      }
      if (found) break;
    }
    expect(found, "the demo has a team whose leavers' classification a viewer may not see").not.toBeNull();
    const { view, key, leaderText, raw } = found!;

    const leaderPage = await leader.serverPage(view);
    await expectHeadlinesAsReleased(leaderPage, await leader.overview(view));
    await expect(leaderPage.getByTestId(`metric-card-${key}`).getByTestId("headline")).toContainText(leaderText);

    const viewerPage = await viewer.serverPage(view);
    await expectHeadlinesAsReleased(viewerPage, await viewer.overview(view));
    const viewerCard = viewerPage.getByTestId(`metric-card-${key}`);
    await expect(viewerCard.getByTestId("headline")).toContainText(WITHHELD_TEXT.classification);
    expect(await viewerCard.textContent()).not.toContain(leaderText);
    // Nor is the number in the page's data the browser receives with the HTML.
    const html = await (await viewer.api.get(`/?${view}`)).text();
    expect(html).toContain(WITHHELD_TEXT.classification);
    if (String(raw).length >= 6) expect(html).not.toContain(String(raw));
  });
});
