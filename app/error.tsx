"use client";

import Link from "next/link";
import { useEffect } from "react";
import { StatusPage } from "@/components/shell/status-page";

export default function ErrorPage({ error, retry }: { error: unknown; retry: () => void }) {
  useEffect(() => {
    console.error(error);
  }, [error]);
  // Server errors reach the browser without their message (by design); the digest ties them to the log.
  const digest = error instanceof Error ? (error as Error & { digest?: string }).digest : undefined;
  return (
    <StatusPage code="Error" title="Something went wrong">
      <p>The page could not be shown. Trying again often helps; if it keeps happening, tell your administrator.</p>
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
