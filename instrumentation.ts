/**
 * Next.js calls `register()` once when the server starts: the server runs background jobs (see
 * lib/server/jobs/server-start.ts). Not during `next build`, and not in the Edge runtime.
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === "phase-production-build") return;
  const { startServerJobs } = await import("./lib/server/jobs/server-start");
  try {
    await startServerJobs();
  } catch (error) {
    // The app still serves; jobs stay queued until a worker runs (Admin → Jobs shows them waiting).
    console.error("Background jobs could not start:", error instanceof Error ? error.message : error);
  }
}
