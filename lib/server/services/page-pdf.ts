import "server-only";
import { chromium, type Browser } from "playwright-core";
import { Gate, GateFull } from "@/lib/domain/async";
import { env, internalBaseUrl } from "@/lib/server/env";
import { HttpError } from "@/lib/server/errors";

/**
 * A page of this app printed as PDF by the installed Chromium, signed in as the caller: it loads the page
 * from this instance over loopback with the caller's own session cookie, so it shows exactly what the caller
 * may see (the page runs its own access checks), and it reaches nothing else — every request to another
 * origin is refused, so a PDF works offline and cannot be pointed elsewhere.
 */

const LAUNCH_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-quic",
];

/** A4 with 12 mm margins: 186 mm of printable width, which is 703 CSS px at 96 px per inch. */
const PRINTABLE_WIDTH_PX = 703;
const TIMEOUT_MS = 60_000;

export interface PagePdfRequest {
  /** Path and query of the page, e.g. `/packs/abc`. */
  path: string;
  /** The caller's Cookie header (their session). */
  cookie: string;
  /** Waits until the page has drawn what must be printed. */
  readySelector: string;
  /** How many elements matching `readySelector` the finished page has. */
  readyCount: number;
  /** The running footer's text beside the page numbers. */
  footer: string;
  /** Where this instance is reached from itself; by default internalBaseUrl(). */
  baseUrl?: string;
}

async function launch(): Promise<Browser> {
  try {
    return await chromium.launch({ executablePath: env.CHROMIUM_PATH, args: LAUNCH_ARGS, timeout: TIMEOUT_MS });
  } catch {
    throw new HttpError(503, "pdf_unavailable", `PDF export needs Chromium at ${env.CHROMIUM_PATH} (set CHROMIUM_PATH). Use Print in the browser meanwhile.`);
  }
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * Each PDF runs its own Chromium (~150 MB): two at a time per instance and four waiting; more are refused with
 * 503 and Retry-After instead of exhausting the server's memory.
 */
const printing = new Gate(2, 4);

export async function renderPagePdf(request: PagePdfRequest): Promise<Uint8Array<ArrayBuffer>> {
  try {
    return await printing.run(() => render(request));
  } catch (error) {
    if (error instanceof GateFull) {
      throw new HttpError(503, "busy", "Other PDFs are being printed. Try again in a few seconds.", { retryAfterSeconds: 10 });
    }
    throw error;
  }
}

async function render(request: PagePdfRequest): Promise<Uint8Array<ArrayBuffer>> {
  const base = request.baseUrl ?? internalBaseUrl();
  const origin = new URL(base).origin;
  const browser = await launch();
  try {
    // The caller's Cookie header is sent as it came (a cookie jar would refuse `__Secure-` names over loopback
    // http); requests to any other origin are refused before they leave, so the header never goes elsewhere.
    const context = await browser.newContext({
      viewport: { width: PRINTABLE_WIDTH_PX, height: 1000 },
      deviceScaleFactor: 2,
      extraHTTPHeaders: { cookie: request.cookie },
    });
    await context.route("**/*", (route) => (new URL(route.request().url()).origin === origin ? route.continue() : route.abort("blockedbyclient")));
    const page = await context.newPage();
    page.setDefaultTimeout(TIMEOUT_MS);
    const response = await page.goto(`${base}${request.path}`, { waitUntil: "networkidle" }).catch(() => null);
    // A redirect (to sign-in, say) or an error page is never printed in place of the page asked for.
    if (!response || !response.ok() || new URL(page.url()).pathname !== new URL(`${base}${request.path}`).pathname) {
      throw new HttpError(502, "pdf_failed", "The page could not be opened for printing.");
    }
    await page.waitForFunction(
      ({ selector, count }) => document.querySelectorAll(selector).length >= count,
      { selector: request.readySelector, count: request.readyCount },
    );
    await page.evaluate(() => document.fonts.ready);
    // Print media lays the page out for paper; charts redraw at that width before the PDF is taken.
    await page.emulateMedia({ media: "print" });
    await page.evaluate(() => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve()))));
    const pdf = await page.pdf({
      format: "A4",
      printBackground: true,
      margin: { top: "12mm", right: "12mm", bottom: "14mm", left: "12mm" },
      displayHeaderFooter: true,
      headerTemplate: "<span></span>",
      footerTemplate: `<div style="font-size:8px;width:100%;padding:0 12mm;color:#475569;display:flex;justify-content:space-between"><span>${escapeHtml(request.footer)}</span><span><span class="pageNumber"></span> / <span class="totalPages"></span></span></div>`,
    });
    return new Uint8Array(pdf);
  } finally {
    await browser.close();
  }
}
