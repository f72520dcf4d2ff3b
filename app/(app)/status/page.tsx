import type { Metadata } from "next";
import { connection } from "next/server";
import { StatusGridView } from "@/components/status/status-grid";
import { requirePageUser } from "@/lib/server/page-auth";
import { statusGridQuery } from "@/lib/validation/status-grid";

export const metadata: Metadata = { title: "Status" };

/** `?scope=org|group:<id>&granularity=week|month|quarter`; anything else falls back to the organisation by month. */
export default async function StatusPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await connection();
  const raw = await searchParams;
  const parsed = statusGridQuery.safeParse({ scope: typeof raw.scope === "string" ? raw.scope : undefined, granularity: typeof raw.granularity === "string" ? raw.granularity : undefined });
  const query = parsed.success ? parsed.data : { scope: "org", granularity: "month" as const };
  await requirePageUser("read", "/status");
  return <StatusGridView scope={query.scope} granularity={query.granularity} />;
}
