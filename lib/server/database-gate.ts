import { pingDatabase } from "@/lib/server/data/system/database-gate";

/**
 * Whether PostgreSQL answers, for `proxy.ts`: a page's HTTP status is fixed once it starts streaming, so
 * pages learn of an outage here, before rendering, and answer 503 (APIs answer 503 from their own error
 * handling, lib/server/http/route.ts). Each instance asks for itself over one small connection, at most
 * once a second while the database answers; the embedded database lives in the process and is not checked.
 */
const HEALTHY_FOR_MS = 1000;
let healthyUntil = 0;

export async function databaseReachable(url = process.env.DATABASE_URL): Promise<boolean> {
  if (!url) return true;
  if (Date.now() < healthyUntil) return true;
  try {
    await pingDatabase(url);
    healthyUntil = Date.now() + HEALTHY_FOR_MS;
    return true;
  } catch {
    return false;
  }
}

/** The page shown instead of any other while the database is unreachable: plain HTML, no script. */
export function databaseUnavailablePage(): Response {
  const html = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Database unavailable · Pillars</title></head>
<body><main><h1>The database is unavailable</h1>
<p>Pillars cannot reach its database right now, so it cannot show or save anything. Nothing you saved before is lost.</p>
<p>The page will work again as soon as the database is back. Reload in a minute; if it persists, tell whoever runs Pillars.</p></main></body></html>`;
  return new Response(html, { status: 503, headers: { "content-type": "text/html; charset=utf-8", "retry-after": "30", "cache-control": "no-store" } });
}
