import type { Metadata } from "next";
import { connection } from "next/server";
import { RespondForm } from "@/components/engagement/respond-form";
import { linkStateMessage, respondentView, type RespondentView } from "@/lib/server/services/engagement/respond";
import { tokenParam } from "@/lib/validation/surveys";
import { answerSurvey } from "./actions";

/** No referrer, so the link never leaks to another site; not indexed. */
export const metadata: Metadata = { title: "Survey", referrer: "no-referrer", robots: { index: false, follow: false } };

/**
 * The public respondent page for a single-use link. Needs no account (the proxy lets /s/ through); the
 * link itself is the credential, checked by the service.
 */
export default async function RespondPage({ params }: { params: Promise<{ token: string }> }) {
  await connection();
  const { token } = await params;
  const view: RespondentView = tokenParam.safeParse(token).success ? await respondentView(token) : { state: "unknown" };
  return (
    <main className="mx-auto min-h-screen w-full max-w-xl px-4 py-6 sm:py-10">
      <p className="text-sm font-medium text-slate-600">Pillars · anonymous survey</p>
      {view.surveyTitle && <h1 className="mt-1 text-2xl font-semibold text-slate-900">{view.surveyTitle}</h1>}
      {view.state === "open" && view.items ? (
        <RespondForm token={token} items={view.items} description={view.description ?? null} closesOn={view.closesOn ?? ""} submit={answerSurvey} />
      ) : (
        <div role="status" className="mt-6 rounded-lg border border-slate-200 bg-white p-5 text-base text-slate-800">
          {linkStateMessage(view.state, view)}
        </div>
      )}
    </main>
  );
}
