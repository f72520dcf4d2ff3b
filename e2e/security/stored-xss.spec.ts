import { expect, test, type Page } from "@playwright/test";
import { signIn } from "../helpers";

/**
 * Script payloads stored through the APIs (team name and location, metric value note, annotation, an import
 * file's cells and name) render as inert text on the pages that show them: no dialog opens, no element is
 * injected, and the text itself is visible where it belongs.
 */
const IMG = "<img src=x onerror=alert(1)>";
const SCRIPT = "<script>alert(2)</script>";
const SVG = "<svg onload=alert(3)>";

async function injected(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    document.querySelectorAll('img[src="x"], svg[onload]').forEach((el) => found.push(el.outerHTML));
    document.querySelectorAll("script").forEach((s) => {
      if (/alert\([123]\)/.test(s.textContent ?? "") && !s.textContent?.includes("self.__next_f")) found.push(s.outerHTML.slice(0, 120));
    });
    document.querySelectorAll("[onerror],[onload]").forEach((el) => found.push(el.outerHTML.slice(0, 120)));
    return found;
  });
}

test("stored script payloads render inert everywhere they are shown", async ({ page }) => {
  test.setTimeout(180_000);
  const dialogs: string[] = [];
  page.on("dialog", async (dialog) => {
    dialogs.push(`${page.url()}: ${dialog.message()}`);
    await dialog.dismiss();
  });
  await signIn(page, "ADMIN");
  const origin = new URL(page.url()).origin;
  const api = page.request;
  const headers = { origin };

  const scopes = await (await api.get("/api/v1/scopes")).json();
  const groupId = scopes.groups[0].id as string;
  const created = await api.post("/api/v1/admin/teams", {
    headers,
    data: { name: `Team ${IMG}`, slug: `xss-${Date.now() % 100000}`, groupId, location: SCRIPT, sourcing: "ONSHORE", origin: "ORGANIC" },
  });
  expect(created.status(), await created.text()).toBeLessThan(300);
  const team = ((await (await api.get("/api/v1/scopes")).json()).teams as { id: string; name: string; slug: string }[]).find((t) => t.name.includes(IMG))!;

  const note = await api.put("/api/v1/metric-values", { headers, data: { values: [{ metricKey: "slo_attainment", teamId: team.id, weekStart: "2025-01-06", value: 97, note: `${SCRIPT} ${SVG}` }] } });
  expect(note.status(), await note.text()).toBe(200);

  const today = new Date();
  const day = new Date(today.getTime() - 7 * 86_400_000).toISOString().slice(0, 10);
  const annotation = await api.post("/api/v1/annotations", { headers, data: { scopeType: "ORG", date: day, title: `Note ${IMG}`, body: `${SCRIPT} ${SVG}` } });
  expect(annotation.status(), await annotation.text()).toBeLessThan(300);

  const csv = `team,metric,week,value,note\n${team.slug},slo_attainment,2025-01-13,96,"${IMG}"\n"${SVG}",slo_attainment,2025-01-13,95,x\n`;
  const upload = await api.fetch(`/api/v1/imports?kind=metric-values&fileName=${encodeURIComponent(`${SVG}.csv`)}`, {
    method: "POST", headers: { ...headers, "content-type": "text/csv" }, data: csv,
  });
  expect(upload.status(), await upload.text()).toBeLessThan(300);

  const problems: string[] = [];
  for (const path of ["/", "/admin/org", "/annotations", "/my-teams", "/import", "/review", "/delivery", "/admin/audit", "/missing-data"]) {
    await page.goto(path);
    await page.waitForLoadState("networkidle");
    for (const html of await injected(page)) problems.push(`${path}: ${html}`);
  }
  await page.goto("/admin/org");
  await expect(page.getByText(`Team ${IMG}`).first()).toBeVisible();
  await page.goto("/annotations");
  await expect(page.getByText(`Note ${IMG}`).first()).toBeVisible();
  expect(dialogs).toEqual([]);
  expect(problems).toEqual([]);
});
