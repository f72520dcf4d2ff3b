import type { Metadata } from "next";
import { connection } from "next/server";
import { PeopleAdmin } from "@/components/retention/admin/people-admin";
import { listTeams } from "@/lib/server/data/org";
import { requirePageUser } from "@/lib/server/page-auth";
import { listCareerLevels } from "@/lib/server/services/retention/career-levels";

export const metadata: Metadata = { title: "People" };

export default async function PeopleAdminPage() {
  await connection();
  await requirePageUser("viewPeopleRecords", "/admin/people");
  const [teams, levels] = await Promise.all([listTeams(), listCareerLevels()]);
  return <PeopleAdmin teams={teams.map((t) => ({ id: t.id, name: t.name }))} levels={levels.map((l) => l.key)} />;
}
