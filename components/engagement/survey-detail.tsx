import Link from "next/link";
import { RUN_STATE_LABEL, type SurveyDetail } from "@/lib/engagement/api-types";
import { RunForm } from "./run-form";
import { formatDateRange, formatQuantity } from "@/lib/format";

const KIND_LABEL = { likert5: "agreement 1–5", likert7: "agreement 1–7", scale0to10: "0–10", singleChoice: "single choice", text: "free text" } as const;

interface SurveyDetailProps {
  survey: SurveyDetail;
  canManage: boolean;
  teams: { id: string; name: string }[];
  groups: { id: string; name: string }[];
  today: string;
}

/** A survey's questions and runs, and (for admins and leaders) the form to open a run. */
export function SurveyDetailView({ survey, canManage, teams, groups, today }: SurveyDetailProps) {
  return (
    <div className="space-y-6">
      <div>
        <Link href="/surveys" className="text-sm text-blue-700 underline">← Surveys</Link>
        <h1 className="mt-1 text-2xl font-semibold text-slate-900">{survey.title}</h1>
        {survey.description && <p className="text-sm text-slate-700">{survey.description}</p>}
      </div>
      <section aria-labelledby="runs-heading">
        <h2 id="runs-heading" className="text-lg font-semibold text-slate-900">Runs</h2>
        {survey.runs.length === 0 ? (
          <p className="text-sm text-slate-700">No runs yet.</p>
        ) : (
          <ul className="mt-2 space-y-1 text-sm">
            {survey.runs.map((r) => (
              <li key={r.id}>
                <Link href={`/surveys/runs/${r.id}`} className="text-blue-700 underline">{r.title}</Link>{" "}
                <span className="text-slate-600">{RUN_STATE_LABEL[r.state]} · {formatDateRange(r.opensOn, r.closesOn)} · {formatQuantity(r.teams, "team")}</span>
              </li>
            ))}
          </ul>
        )}
      </section>
      {canManage && <RunForm surveyId={survey.id} teams={teams} groups={groups} today={today} />}
      <section aria-labelledby="items-heading">
        <h2 id="items-heading" className="text-lg font-semibold text-slate-900">Questions</h2>
        <ol className="mt-2 list-decimal space-y-1 pl-6 text-sm text-slate-800">
          {survey.items.map((i) => (
            <li key={i.id}>
              {i.text} <span className="text-xs text-slate-600">({KIND_LABEL[i.kind]}{i.kind !== "text" && i.kind !== "singleChoice" && i.reverseScored ? ", reverse-scored" : ""})</span>
            </li>
          ))}
        </ol>
      </section>
    </div>
  );
}
