import "server-only";
import type { SessionUser } from "@/lib/server/auth/session-user";
import { getPack } from "@/lib/server/services/packs";
import { renderPagePdf } from "./page-pdf";

/** A meeting pack as one PDF: its own page, printed (charts at page width, one slide per page). */
export async function packPdf(idOrToken: string, user: SessionUser, cookie: string): Promise<{ fileName: string; pdf: Uint8Array<ArrayBuffer> }> {
  // Checked here first, so a pack the caller may not read is a 404 before any browser starts.
  const pack = await getPack(idOrToken, user);
  const pdf = await renderPagePdf({
    path: `/packs/${encodeURIComponent(pack.id)}`,
    cookie,
    readySelector: "[data-testid^='pack-slide-'] [data-trend-chart] canvas",
    readyCount: pack.slides.length,
    footer: `${pack.title} (${pack.date})`,
  });
  const slug = pack.title.replace(/[^\w-]+/g, "-").replace(/^-+|-+$/g, "").slice(0, 60) || "meeting-pack";
  return { fileName: `${slug}-${pack.date}.pdf`, pdf };
}
