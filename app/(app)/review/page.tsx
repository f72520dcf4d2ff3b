import type { Metadata } from "next";
import { connection } from "next/server";
import { WeeklyReviewView } from "@/components/review/weekly-review";
import { requirePageUser } from "@/lib/server/page-auth";

export const metadata: Metadata = { title: "Weekly review" };

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const SCOPE = /^(org|(group|team):[\w-]{1,64})$/;

export default async function ReviewPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await connection();
  const raw = await searchParams;
  const one = (name: string) => (typeof raw[name] === "string" ? (raw[name] as string) : "");
  await requirePageUser("read", "/review");
  return (
    <WeeklyReviewView
      initial={{
        scope: SCOPE.test(one("scope")) ? one("scope") : "org",
        asOf: DAY.test(one("asOf")) ? one("asOf") : "",
        granularity: one("granularity") === "month" ? "month" : "week",
      }}
    />
  );
}
