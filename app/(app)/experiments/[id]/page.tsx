import type { Metadata } from "next";
import { connection } from "next/server";
import { ExperimentDetail } from "@/components/experiments/experiment-detail";
import { requirePageUser } from "@/lib/server/page-auth";
import { experimentFormOptions } from "@/lib/server/services/skills/experiments";

export const metadata: Metadata = { title: "Experiment" };

export default async function Experiment({ params }: { params: Promise<{ id: string }> }) {
  await connection();
  const { id } = await params;
  const user = await requirePageUser("read", `/experiments/${id}`);
  const { teams, metrics } = await experimentFormOptions(user);
  return <ExperimentDetail id={id} teams={teams} metrics={metrics} />;
}
