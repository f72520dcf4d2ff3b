import type { Metadata } from "next";
import { connection } from "next/server";
import { DeliveryPage } from "@/components/delivery/delivery-page";
import { addDays, localDate } from "@/lib/domain/time";
import { parseSegmentFilter } from "@/lib/segments/segment-filter";
import { getOrgSettings } from "@/lib/server/data/org";
import { teamSlugsOf } from "@/lib/server/data/delivery/teams";
import { requirePageUser } from "@/lib/server/page-auth";
import { writableTeamIds } from "@/lib/server/permissions";

export const metadata: Metadata = { title: "Delivery" };

const DAY = /^\d{4}-\d{2}-\d{2}$/;

export default async function DeliveryRoute({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await connection();
  const raw = await searchParams;
  const text = (k: string) => (typeof raw[k] === "string" ? (raw[k] as string) : undefined);
  const user = await requirePageUser("read", "/delivery");
  const { timeZone } = await getOrgSettings();
  const today = localDate(new Date(), timeZone);
  const to = text("to") && DAY.test(text("to") as string) ? (text("to") as string) : today;
  const fromParam = text("from");
  const from = fromParam && DAY.test(fromParam) && fromParam <= to ? fromParam : addDays(to, -83);
  const scope = text("scope") && /^(org|team:.+|service:.+)$/.test(text("scope") as string) ? (text("scope") as string) : "org";
  const writable = writableTeamIds(user);
  const writableTeams = writable === null ? null : await teamSlugsOf(writable);
  const filter = scope.startsWith("service:") ? {} : parseSegmentFilter(raw);
  return <DeliveryPage initial={{ scope, from, to, filter }} writableTeams={writableTeams} />;
}
