// `npm run screenshots`: the README's pictures, taken from the demo organisation as a reader sees it.
// Starts the production build on a fresh embedded database with the demo data (scripts/e2e-server.mjs), signs
// in as the demo leader in Chromium and writes docs/screenshots/status-grid.png and docs/screenshots/slide.png.
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { chromium, type Browser } from "playwright-core";
import { DEMO_ACCOUNTS } from "../prisma/seed/accounts";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const port = process.env.SCREENSHOT_PORT ?? "3900";
const base = `http://127.0.0.1:${port}`;
const out = path.join(root, "docs", "screenshots");
const executablePath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"];

async function waitForServer(server: ChildProcess, limitMs: number): Promise<void> {
  const until = Date.now() + limitMs;
  while (Date.now() < until) {
    if (server.exitCode !== null) throw new Error(`the server exited with code ${server.exitCode}`);
    try {
      if ((await fetch(`${base}/api/health`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 1000));
  }
  throw new Error(`the server did not answer on ${base} within ${limitMs / 1000} s`);
}

const server = spawn(process.execPath, ["scripts/e2e-server.mjs"], { cwd: root, stdio: ["ignore", "inherit", "inherit"], env: { ...process.env, E2E_PORT: port } });
let browser: Browser | undefined;
try {
  await waitForServer(server, 15 * 60_000);
  browser = await chromium.launch({ executablePath, args: FLAGS });
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, deviceScaleFactor: 2 });
  const leader = DEMO_ACCOUNTS.find((a) => a.role === "LEADER");
  if (!leader) throw new Error("the demo has no leader account");
  await page.goto(`${base}/sign-in`);
  await page.getByLabel("Email").fill(leader.email);
  await page.getByLabel("Password").fill(leader.password);
  await page.getByRole("button", { name: /^sign in$/i }).click();
  await page.waitForURL((url) => !url.pathname.startsWith("/sign-in"));
  fs.mkdirSync(out, { recursive: true });

  // The grid is wide: a 1920-pixel window shows every column.
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.goto(`${base}/status?scope=org&granularity=month`);
  const grid = page.getByTestId("status-grid");
  await grid.waitFor();
  await page.locator("main").screenshot({ path: path.join(out, "status-grid.png") });

  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto(`${base}/present?metrics=deployments,lead_time,enps,turnover_rate&scope=org&range=1y`);
  await page.locator("canvas").first().waitFor();
  await page.waitForTimeout(500); // the chart's first draw
  await page.screenshot({ path: path.join(out, "slide.png") });
  console.log(`Wrote ${path.relative(root, path.join(out, "status-grid.png"))} and ${path.relative(root, path.join(out, "slide.png"))}`);
} finally {
  await browser?.close();
  server.kill("SIGTERM");
}
