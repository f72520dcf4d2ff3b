import Link from "next/link";
import { RUN_STATE_LABEL, type RunDetail } from "@/lib/engagement/api-types";
import { EmailLinksPanel, EmailNotConfigured, type EmailSetup } from "./email-links-panel";
import { LinksPanel } from "./links-panel";
import { RunActions } from "./run-actions";
import { RunResultsView } from "./run-results";
import { formatDateRange, formatQuantity } from "@/lib/format";

interface RunPageProps {
  run: RunDetail;
  canManage: boolean;
  invitableTeams: RunDetail["teams"];
  canModerate: boolean;
  email: EmailSetup;
}

/** One run: dates and state, invitation links (generated or emailed), actions and results. */
export function RunPage({ run, canManage, invitableTeams, canModerate, email }: RunPageProps) {
  return (
    <div className="space-y-6">
      <div>
        <Link href={`/surveys/${run.surveyId}`} className="text-sm text-blue-700 underline">← {run.surveyTitle}</Link>
        <h1 className="mt-1 text-2xl font-semibold text-slate-900">{run.title}</h1>
        <p className="text-sm text-slate-700">
          {RUN_STATE_LABEL[run.state]} · {formatDateRange(run.opensOn, run.closesOn)}
          {run.repeat !== "none" ? ` · repeats ${run.repeat}` : ""} · {formatQuantity(run.teams.length, "team")}
        </p>
      </div>
      {canManage && <RunActions runId={run.id} state={run.state} repeat={run.repeat} />}
      {invitableTeams.length > 0 && (
        <>
          <LinksPanel runId={run.id} teams={invitableTeams.map((t) => ({ id: t.id, name: t.name, invited: t.invited }))} closed={run.state === "closed"} />
          {email.configured ? (
            <EmailLinksPanel
              runId={run.id}
              surveyTitle={run.surveyTitle}
              opensOn={run.opensOn}
              closesOn={run.closesOn}
              closed={run.state === "closed"}
              teams={invitableTeams.map((t) => ({ id: t.id, name: t.name }))}
              email={email}
            />
          ) : (
            <EmailNotConfigured />
          )}
        </>
      )}
      <RunResultsView runId={run.id} canModerate={canModerate} />
    </div>
  );
}
