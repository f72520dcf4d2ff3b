import type { Metadata } from "next";
import { connection } from "next/server";
import { SurveyDetailView } from "@/components/engagement/survey-detail";
import { listGroups, listTeams } from "@/lib/server/data/org";
import { requirePageUser } from "@/lib/server/page-auth";
import { can } from "@/lib/server/permissions";
import { todayInOrg } from "@/lib/server/services/engagement/runs";
import { getSurvey } from "@/lib/server/services/engagement/surveys";

export const metadata: Metadata = { title: "Survey" };

export default async function SurveyPage({ params }: { params: Promise<{ id: string }> }) {
  await connection();
  const { id } = await params;
  const user = await requirePageUser("read", `/surveys/${id}`);
  const [survey, teams, groups, today] = await Promise.all([getSurvey(id), listTeams(), listGroups(), todayInOrg(new Date())]);
  return (
    <SurveyDetailView
      survey={survey}
      canManage={can(user, "manageSurveys")}
      teams={teams.map((t) => ({ id: t.id, name: t.name }))}
      groups={groups.map((g) => ({ id: g.id, name: g.name }))}
      today={today}
    />
  );
}
