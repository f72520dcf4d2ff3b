import type { Metadata } from "next";
import { connection } from "next/server";
import { SkillsPage } from "@/components/skills/skills-page";
import { getOrgSettings } from "@/lib/server/data/org";
import { requirePageUser } from "@/lib/server/page-auth";
import { can, writableTeamIds } from "@/lib/server/permissions";
import { todayInOrg } from "@/lib/server/services/engagement/runs";

export const metadata: Metadata = { title: "Skills" };

export default async function Skills({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await connection();
  const { team } = await searchParams;
  const user = await requirePageUser("read", "/skills");
  const [settings, today] = await Promise.all([getOrgSettings(), todayInOrg(new Date())]);
  return (
    <SkillsPage
      isAdmin={can(user, "admin")}
      writableTeamIds={writableTeamIds(user)}
      currency={settings.currency}
      today={today}
      initialTeamId={typeof team === "string" ? team : null}
    />
  );
}
