import type { Metadata } from "next";
import { connection } from "next/server";
import { RetentionView } from "@/components/retention/retention-view";
import { parseSegmentFilter } from "@/lib/segments/segment-filter";
import { requirePageUser } from "@/lib/server/page-auth";
import { can } from "@/lib/server/permissions";
import { RETENTION_PERIODS, RETENTION_SEGMENTS, type RetentionPeriod, type RetentionSegment } from "@/lib/validation/people";

export const metadata: Metadata = { title: "Retention" };

export default async function RetentionPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await connection();
  const user = await requirePageUser("read", "/retention");
  const raw = await searchParams;
  const segment = RETENTION_SEGMENTS.find((s) => s === raw.segment) ?? "team";
  const period = RETENTION_PERIODS.find((p) => p === raw.period) ?? "month";
  const initial = { segment: segment as RetentionSegment, period: period as RetentionPeriod, filter: parseSegmentFilter(raw) };
  return <RetentionView initial={initial} canManagePeople={can(user, "viewPeopleRecords")} />;
}
