import { expect, test } from "@playwright/test";
import { signIn } from "./helpers";

/**
 * Background jobs as a user meets them: a pipeline's batch is answered at once with its recompute job, the
 * pipeline waits on the job before reading the weekly values, and an admin sees the job finished under
 * Administration → Background jobs, and the Delivery page says up to when its weekly values are current.
 */
test("a batch's recompute runs in the background, can be waited on, and shows under Administration → Background jobs", async ({ page, request }) => {
  await signIn(page, "ADMIN");
  const created = await page.request.post("/api/v1/admin/tokens", { data: { name: "e2e jobs pipeline", scopes: ["ingest", "read"], expiresOn: null } });
  expect(created.ok(), await created.text()).toBe(true);
  const { token } = (await created.json()) as { token: string };
  const headers = { Authorization: `Bearer ${token}` };

  const posted = await request.post("/api/v1/deployments", {
    headers,
    data: [{ externalId: "jobs-1", service: "e2e/jobs", team: "core-infrastructure", environment: "production", status: "success", finishedAt: "2025-04-01T10:00:00Z", commitSha: "feedbeef" }],
  });
  expect(posted.status(), await posted.text()).toBe(200);
  const body = (await posted.json()) as { recomputing: boolean; job: { id: string; url: string } };
  expect(body.recomputing).toBe(true);

  const waited = await request.get(`${body.job.url}?wait=30`, { headers });
  expect(waited.ok()).toBe(true);
  expect((await waited.json()).job).toMatchObject({ id: body.job.id, status: "DONE", result: { teams: 1 } });

  await page.goto("/admin");
  await page.getByRole("link", { name: /Background jobs/ }).click();
  await expect(page.getByRole("heading", { name: "Background jobs", level: 1 })).toBeVisible();
  const table = page.getByRole("table", { name: /Background jobs/ });
  const row = table.locator("tbody tr").filter({ hasText: "Recompute delivery and flow metrics after new events" }).first();
  await expect(row.locator("[data-status]")).toHaveAttribute("data-status", "DONE");
  await expect(row).toContainText("1 team");

  await page.goto("/delivery?scope=team%3Acore-infrastructure&from=2025-03-31&to=2025-04-06");
  await expect(page.getByText(/Weekly values include every event received before/)).toBeVisible();
});
