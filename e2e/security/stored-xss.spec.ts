import { expect, test, type Page } from "@playwright/test";
import { signIn } from "../helpers";

/**
 * Script payloads stored through the APIs (team name and location, metric value note, annotation, an import
 * file's cells and name, a survey's questions and options, and survey comments answered through the real
 * single-use links) render as inert text on the pages that show them: no dialog opens, no element is
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

  // A survey whose question, option and comments carry payloads; comments show only for a group at or above
  // the anonymity threshold, so that many people answer through their own links.
  const survey = await api.post("/api/v1/surveys", {
    headers,
    data: {
      title: `Pulse ${SVG}`,
      items: [
        { kind: "likert5", text: `Scale ${IMG}` },
        { kind: "singleChoice", text: "Pick one", options: [IMG, SCRIPT] },
        { kind: "text", text: `Comment ${SVG}` },
      ],
    },
  });
  expect(survey.status(), await survey.text()).toBe(201);
  const { id: surveyId, items } = (await survey.json()) as { id: string; items: { id: string; kind: string }[] };
  const isoDay = (offset: number) => new Date(today.getTime() + offset * 86_400_000).toISOString().slice(0, 10);
  const run = await api.post(`/api/v1/surveys/${surveyId}/runs`, { headers, data: { opensOn: isoDay(-1), closesOn: isoDay(7), teamIds: [team.id] } });
  expect(run.status(), await run.text()).toBe(201);
  const runId = ((await run.json()) as { id: string }).id;
  const threshold = ((await (await api.get(`/api/v1/surveys/runs/${runId}/results`)).json()) as { threshold: number }).threshold;
  const generated = await api.post(`/api/v1/surveys/runs/${runId}/links`, { headers, data: { seats: [{ teamId: team.id, count: threshold }] } });
  expect(generated.status(), await generated.text()).toBe(201);
  const links = ((await generated.json()) as { links: { url: string }[] }).links.map((l) => new URL(l.url).pathname);
  expect(links).toHaveLength(threshold);
  const problems: string[] = [];
  const COMMENT = `Comment ${IMG} ${SCRIPT} ${SVG}`;
  const answers = Object.fromEntries(items.map((item) => [item.id, item.kind === "text" ? COMMENT : item.kind === "singleChoice" ? "o1" : 3]));
  // The first person answers on the respondent page (its server action); the others post to the same links' API.
  await page.goto(links[0]);
  for (const html of await injected(page)) problems.push(`${links[0]}: ${html}`);
  await page.getByRole("group", { name: `Scale ${IMG}` }).getByRole("radio", { name: /^3\b/ }).check({ force: true });
  await page.getByRole("radio", { name: IMG, exact: true }).check({ force: true });
  await page.getByRole("textbox", { name: `Comment ${SVG}` }).fill(COMMENT);
  await page.getByRole("button", { name: "Send my answers" }).click();
  await expect(page.getByRole("status")).toContainText("recorded anonymously");
  for (const link of links.slice(1)) {
    const answered = await page.request.fetch(`/api/v1/respond/${link.slice("/s/".length)}`, {
      method: "POST", headers: { "content-type": "application/json" }, data: JSON.stringify({ answers }),
    });
    expect(answered.status(), await answered.text()).toBe(201);
  }
  // Results (and comments) show only through a published snapshot.
  const published = await api.post(`/api/v1/surveys/runs/${runId}/publish`, { headers });
  expect(published.status(), await published.text()).toBe(200);

  for (const path of ["/", "/admin/org", "/annotations", "/my-teams", "/import", "/review", "/delivery", "/admin/audit", "/missing-data", "/surveys", `/surveys/${surveyId}`, `/surveys/runs/${runId}`]) {
    await page.goto(path);
    await page.waitForLoadState("networkidle");
    for (const html of await injected(page)) problems.push(`${path}: ${html}`);
  }
  await page.goto("/admin/org");
  await expect(page.getByText(`Team ${IMG}`).first()).toBeVisible();
  await page.goto("/annotations");
  await expect(page.getByText(`Note ${IMG}`).first()).toBeVisible();
  await page.goto(`/surveys/runs/${runId}`);
  await expect(page.getByText(COMMENT).first()).toBeVisible();
  expect(dialogs).toEqual([]);
  expect(problems).toEqual([]);
});
