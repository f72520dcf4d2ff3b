import type { Metadata } from "next";
import { connection } from "next/server";
import { RunPage } from "@/components/engagement/run-page";
import { getOrgSettings } from "@/lib/server/data/org";
import { smtpSettings } from "@/lib/server/mail";
import { requirePageUser } from "@/lib/server/page-auth";
import { can, canWriteTeam } from "@/lib/server/permissions";
import { getRun, todayInOrg } from "@/lib/server/services/engagement/runs";

export const metadata: Metadata = { title: "Survey run" };

export default async function SurveyRunPage({ params }: { params: Promise<{ runId: string }> }) {
  await connection();
  const { runId } = await params;
  const user = await requirePageUser("read", `/surveys/runs/${runId}`);
  const run = await getRun(runId);
  const manage = can(user, "manageSurveys");
  const invitable = run.teams.filter((t) => manage || canWriteTeam(user, t.id));
  const [settings, today] = await Promise.all([getOrgSettings(), todayInOrg(new Date())]);
  const email = { configured: smtpSettings() !== null, anonymityThreshold: settings.anonymityThreshold, today };
  return <RunPage run={run} canManage={manage} invitableTeams={invitable} canModerate={can(user, "admin")} email={email} />;
}
