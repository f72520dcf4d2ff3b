import { chromium } from "@playwright/test";
import * as chromeLauncher from "chrome-launcher";
import lighthouse, { desktopConfig } from "lighthouse";

/** Browser-side measurements: a signed-in session cookie (through the real form) and Lighthouse. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"];

/** Signs in through the sign-in form and returns the cookies as a `Cookie` header. */
export async function sessionCookie(baseUrl: string, email: string, password: string): Promise<string> {
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS.filter((f) => f !== "--headless") });
  try {
    const page = await browser.newPage();
    await page.goto(`${baseUrl}/sign-in`);
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill(password);
    await page.getByRole("button", { name: /^sign in$/i }).click();
    await page.waitForURL((url) => !url.pathname.startsWith("/sign-in"), { timeout: 60_000 });
    const cookies = await page.context().cookies();
    return cookies.map((c) => `${c.name}=${c.value}`).join("; ");
  } finally {
    await browser.close();
  }
}

export interface LighthouseReport {
  performance: number;
  firstContentfulPaintMs: number;
  largestContentfulPaintMs: number;
  totalBlockingTimeMs: number;
  cumulativeLayoutShift: number;
  speedIndexMs: number;
}

/** Lighthouse's performance category with the desktop preset, signed in by the cookie header. */
export async function runLighthouse(url: string, cookie: string): Promise<LighthouseReport> {
  const chrome = await chromeLauncher.launch({ chromePath: CHROMIUM, chromeFlags: FLAGS });
  try {
    const result = await lighthouse(url, { port: chrome.port, output: "json", logLevel: "error", onlyCategories: ["performance"], extraHeaders: { Cookie: cookie } }, desktopConfig);
    if (!result) throw new Error("Lighthouse returned no result.");
    const lhr = result.lhr;
    if (lhr.runtimeError) throw new Error(`Lighthouse: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
    const audit = (id: string) => Math.round((lhr.audits[id]?.numericValue ?? NaN) * 1000) / 1000;
    const score = lhr.categories.performance?.score;
    if (score === null || score === undefined) throw new Error("Lighthouse produced no performance score.");
    return {
      performance: Math.round(score * 100),
      firstContentfulPaintMs: Math.round(audit("first-contentful-paint")),
      largestContentfulPaintMs: Math.round(audit("largest-contentful-paint")),
      totalBlockingTimeMs: Math.round(audit("total-blocking-time")),
      cumulativeLayoutShift: audit("cumulative-layout-shift"),
      speedIndexMs: Math.round(audit("speed-index")),
    };
  } finally {
    chrome.kill();
  }
}
