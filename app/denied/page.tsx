import type { Metadata } from "next";
import Link from "next/link";
import { StatusPage } from "@/components/shell/status-page";

export const metadata: Metadata = { title: "Access denied" };

/** Reached through requirePageUser when a signed-in user lacks the page's permission. */
export default function DeniedPage() {
  return (
    <StatusPage code="403" title="You do not have access to this page">
      <p>Your role does not include this page. If you need it, ask an administrator of Pillars to change your role.</p>
      <Link href="/" className="mt-6 inline-block rounded-md bg-blue-700 px-4 py-2 text-sm font-medium text-white hover:bg-blue-800">
        Go to the overview
      </Link>
    </StatusPage>
  );
}
