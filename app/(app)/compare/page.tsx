import type { Metadata } from "next";
import { connection } from "next/server";
import { CompareView } from "@/components/compare/compare-view";
import { requirePageUser } from "@/lib/server/page-auth";

export const metadata: Metadata = { title: "Compare" };

export default async function ComparePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await connection();
  const raw = await searchParams;
  await requirePageUser("read", "/compare");
  const one = (name: string) => (typeof raw[name] === "string" ? (raw[name] as string) : "");
  const list = (name: string) => one(name).split(",").map((s) => s.trim()).filter(Boolean);
  return (
    <CompareView
      initial={{
        items: list("items").slice(0, 6),
        metrics: list("metrics").slice(0, 8),
        range: ["12w", "6m", "1y", "2y"].includes(one("range")) ? one("range") : "6m",
        granularity: ["week", "month", "quarter"].includes(one("granularity")) ? one("granularity") : "month",
      }}
    />
  );
}
