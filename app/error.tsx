"use client";

import Link from "next/link";
import { useEffect, useState } from "react";
import { StatusPage } from "@/components/shell/status-page";
import { ApiError, fetchJson } from "@/lib/client/api";

/**
 * Server errors reach the browser without their message (by design), so the page asks the health endpoint
 * whether the database is the cause: an outage then reads as one, with a clear "try again shortly", instead
 * of a generic error.
 */
export default function ErrorPage({ error, retry }: { error: unknown; retry: () => void }) {
  const [databaseDown, setDatabaseDown] = useState(false);
  useEffect(() => {
    console.error(error);
    let live = true;
    fetchJson("/api/health", { cache: "no-store" })
      .then(() => live && setDatabaseDown(false))
      .catch((e: unknown) => live && setDatabaseDown(e instanceof ApiError && e.status === 503));
    return () => {
      live = false;
    };
  }, [error]);
  // The digest ties the error to the server log.
  const digest = error instanceof Error ? (error as Error & { digest?: string }).digest : undefined;
  return (
    <StatusPage code={databaseDown ? "503" : "Error"} title={databaseDown ? "The database is unavailable" : "Something went wrong"}>
      {databaseDown ? (
        <p role="alert">Pillars cannot reach its database right now. Nothing you entered was lost; try again in a minute. If it lasts, tell your administrator.</p>
      ) : (
        <p>The page could not be shown. Trying again often helps; if it keeps happening, tell your administrator.</p>
      )}
      {digest && <p className="mt-2 text-xs text-slate-600">Reference: {digest}</p>}
      <div className="mt-6 flex flex-wrap justify-center gap-3">
        <button type="button" onClick={() => retry()} className="rounded-md bg-blue-700 px-4 py-2 text-sm font-medium text-white hover:bg-blue-800">
          Try again
        </button>
        <Link href="/" className="rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-medium text-slate-700 hover:bg-slate-50">
          Go to the overview
        </Link>
      </div>
    </StatusPage>
  );
}
