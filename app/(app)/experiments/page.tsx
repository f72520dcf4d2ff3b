import type { Metadata } from "next";
import { connection } from "next/server";
import { ExperimentsPage } from "@/components/experiments/experiments-page";
import { requirePageUser } from "@/lib/server/page-auth";
import { experimentFormOptions } from "@/lib/server/services/skills/experiments";

export const metadata: Metadata = { title: "Experiments" };

export default async function Experiments() {
  await connection();
  const user = await requirePageUser("read", "/experiments");
  const options = await experimentFormOptions(user);
  return <ExperimentsPage {...options} />;
}
