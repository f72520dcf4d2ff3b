import type { Metadata } from "next";
import { connection } from "next/server";
import { SurveyList } from "@/components/engagement/survey-list";
import { requirePageUser } from "@/lib/server/page-auth";
import { can } from "@/lib/server/permissions";
import { listSurveys } from "@/lib/server/services/engagement/surveys";

export const metadata: Metadata = { title: "Surveys" };

export default async function SurveysPage() {
  await connection();
  const user = await requirePageUser("read", "/surveys");
  return <SurveyList surveys={await listSurveys()} canManage={can(user, "manageSurveys")} />;
}
