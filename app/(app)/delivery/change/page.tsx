import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { PullRequestDetail } from "@/components/delivery/pull-request-detail";
import { requirePageUser } from "@/lib/server/page-auth";

export const metadata: Metadata = { title: "Change" };

/** One change (pull request) of a service: `/delivery/change?service=…&pr=…`, linked from the delivery drill-down. */
export default async function Change({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await connection();
  const raw = await searchParams;
  const text = (k: string) => (typeof raw[k] === "string" ? (raw[k] as string).trim() : "");
  const service = text("service");
  const pr = text("pr");
  await requirePageUser("read", `/delivery/change?${new URLSearchParams({ service, pr })}`);
  if (!service || !pr) {
    return (
      <div className="space-y-2">
        <h1 className="text-2xl font-semibold tracking-tight text-slate-900">Change</h1>
        <p className="text-sm text-slate-700">
          No change was named. Open one from the changes behind the lead time on the <Link href="/delivery" className="text-blue-700 underline">Delivery</Link> page.
        </p>
      </div>
    );
  }
  return <PullRequestDetail service={service} externalId={pr} />;
}
