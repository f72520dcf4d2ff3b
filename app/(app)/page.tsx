import type { Metadata } from "next";
import { connection } from "next/server";
import { Overview } from "@/components/dashboard/overview";
import { NAV_ITEMS, visibleNavItems } from "@/components/shell/nav";
import { parseOverviewParams } from "@/lib/client/overview-params";
import { requirePageUser } from "@/lib/server/page-auth";
import { can } from "@/lib/server/permissions";

export const metadata: Metadata = { title: "Overview" };

export default async function OverviewPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await connection();
  const raw = await searchParams;
  const params = parseOverviewParams(raw);
  const search = new URLSearchParams(Object.entries(raw).flatMap(([k, v]) => (typeof v === "string" ? [[k, v]] : [])));
  const user = await requirePageUser("read", search.size ? `/?${search}` : "/");
  const availableHrefs = visibleNavItems(NAV_ITEMS, (action) => can(user, action)).map((item) => item.href);
  return <Overview params={params} availableHrefs={availableHrefs} />;
}
