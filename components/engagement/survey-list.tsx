import Link from "next/link";
import { RUN_STATE_LABEL, type SurveySummary } from "@/lib/engagement/api-types";
import { formatDateRange, formatQuantity } from "@/lib/format";


/** Surveys and their runs, newest first. */
export function SurveyList({ surveys, canManage }: { surveys: SurveySummary[]; canManage: boolean }) {
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <div>
          <h1 className="text-2xl font-semibold text-slate-900">Surveys</h1>
          <p className="text-sm text-slate-700">Pulse surveys, psychological safety and eNPS — anonymous by construction.</p>
        </div>
        {canManage && (
          <Link href="/surveys/new" className="rounded-md bg-blue-700 px-3 py-2 text-sm font-medium text-white hover:bg-blue-800">
            New survey
          </Link>
        )}
      </div>
      {surveys.length === 0 ? (
        <p className="rounded-lg border border-dashed border-slate-300 bg-white p-6 text-sm text-slate-700">
          No surveys yet.{canManage ? " Start one from a template." : " Admins and leaders can create them."}
        </p>
      ) : (
        <ul className="space-y-4">
          {surveys.map((s) => (
            <li key={s.id} className="rounded-lg border border-slate-200 bg-white p-4">
              <h2 className="text-base font-semibold">
                <Link href={`/surveys/${s.id}`} className="text-blue-800 underline-offset-2 hover:underline">
                  {s.title}
                </Link>
              </h2>
              <p className="text-xs text-slate-600">{s.itemCount} questions</p>
              {s.runs.length > 0 && (
                <ul className="mt-2 space-y-1 text-sm">
                  {s.runs.map((r) => (
                    <li key={r.id}>
                      <Link href={`/surveys/runs/${r.id}`} className="text-blue-700 underline">
                        {r.title}
                      </Link>{" "}
                      <span className="text-slate-600">
                        {RUN_STATE_LABEL[r.state]} · {formatDateRange(r.opensOn, r.closesOn)} · {formatQuantity(r.teams, "team")}{r.repeat !== "none" ? ` · repeats ${r.repeat}` : ""}
                      </span>
                    </li>
                  ))}
                </ul>
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
