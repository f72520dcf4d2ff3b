"use client";

import { useRouter } from "next/navigation";
import { useId, useMemo, useState, type ReactNode } from "react";
import { parseAddressList } from "@/lib/engagement/invitation-email";
import type { EmailInvitationsResult } from "@/lib/engagement/api-types";
import { MAX_EMAIL_INVITATIONS, emailInvitationsInput } from "@/lib/validation/surveys";
import { EmailPreview } from "./email-preview";
import { useEmailInvitations } from "@/lib/client/use-surveys";
import { ErrorAlert } from "@/components/ui/error-alert";

export interface EmailSetup {
  /** SMTP_URL and SMTP_FROM are set on the server (otherwise EmailNotConfigured is shown instead). */
  configured: boolean;
  anonymityThreshold: number;
  today: string;
}

interface EmailLinksPanelProps {
  runId: string;
  surveyTitle: string;
  opensOn: string;
  closesOn: string;
  closed: boolean;
  teams: { id: string; name: string }[];
  email: EmailSetup;
}

/** Problems with the parsed list, in the form's words (1-based, with the address), before anything is sent. */
function listProblems(teamId: string, addresses: string[]): string[] {
  const parsed = emailInvitationsInput.safeParse({ teamId, addresses });
  if (parsed.success) return [];
  return parsed.error.issues.slice(0, 5).map((issue) => {
    const index = issue.path[1];
    return typeof index === "number" ? `Address ${index + 1} (${addresses[index]}): ${issue.message}` : issue.message;
  });
}

/**
 * "Email links": each pasted or uploaded address gets its own fresh single-use link by email. Addresses stay
 * in this form and in the request that sends them; the server stores none of them.
 */
export function EmailLinksPanel({ runId, surveyTitle, opensOn, closesOn, closed, teams, email }: EmailLinksPanelProps) {
  const router = useRouter();
  const ids = useId();
  const [teamId, setTeamId] = useState(teams[0]?.id ?? "");
  const [text, setText] = useState("");
  const parsed = useMemo(() => parseAddressList(text), [text]);
  const problems = useMemo(() => (parsed.addresses.length ? listProblems(teamId, parsed.addresses) : []), [teamId, parsed.addresses]);
  const send = useEmailInvitations(runId, {
    onSuccess: () => {
      setText("");
      router.refresh();
    },
  });

  if (closed) {
    return (
      <EmailSection headingId={`${ids}-heading`}>
        <p className="text-sm text-slate-700">This run has closed; open a new run to email invitations.</p>
      </EmailSection>
    );
  }

  const team = teams.find((t) => t.id === teamId);
  const result = send.data;
  return (
    <EmailSection headingId={`${ids}-heading`}>
      <p className="text-sm text-slate-700">
        Paste email addresses (one per line, or a column copied from a spreadsheet) or upload a CSV. Each address gets its own new single-use link.
        Addresses are used only to send these emails and are not stored; the audit trail records how many were sent. Up to {MAX_EMAIL_INVITATIONS} per
        sending.
      </p>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (parsed.addresses.length && problems.length === 0) send.mutate({ teamId, addresses: parsed.addresses });
        }}
        className="space-y-3"
      >
        <label className="block text-sm text-slate-800">
          Team
          <select value={teamId} onChange={(e) => setTeamId(e.target.value)} className="ml-2 rounded-md border border-slate-300 px-2 py-1">
            {teams.map((t) => (
              <option key={t.id} value={t.id}>{t.name}</option>
            ))}
          </select>
        </label>
        <label className="block text-sm text-slate-800">
          Email addresses
          <textarea
            value={text}
            onChange={(e) => setText(e.target.value)}
            rows={6}
            spellCheck={false}
            autoComplete="off"
            placeholder={"ada@example.com\ngrace@example.com"}
            className="mt-1 block w-full rounded-md border border-slate-300 px-2 py-1 font-mono text-xs"
          />
        </label>
        <label className="block text-sm text-slate-800">
          Or upload a CSV or text file
          <input
            type="file"
            accept=".csv,.txt,text/csv,text/plain"
            onChange={(e) => void e.target.files?.[0]?.text().then(setText)}
            className="ml-2 text-sm"
          />
        </label>
        <p role="status" className="text-sm text-slate-700">
          {parsed.addresses.length} address(es)
          {parsed.duplicates ? `, ${parsed.duplicates} repeated address(es) left out` : ""}
          {parsed.skippedLines.length ? `; lines without an address skipped: ${parsed.skippedLines.slice(0, 10).join(", ")}` : ""}
        </p>
        {problems.length > 0 && (
          <ul role="alert" className="list-disc pl-5 text-sm text-red-700">
            {problems.map((p) => <li key={p}>{p}</li>)}
          </ul>
        )}
        <EmailPreview surveyTitle={surveyTitle} teamName={team?.name ?? ""} opensOn={opensOn} closesOn={closesOn} anonymityThreshold={email.anonymityThreshold} today={email.today} />
        <button
          type="submit"
          disabled={send.isPending || parsed.addresses.length === 0 || problems.length > 0}
          className="rounded-md bg-blue-700 px-3 py-2 text-sm font-medium text-white hover:bg-blue-800 disabled:opacity-60"
        >
          {send.isPending ? "Sending…" : `Email ${parsed.addresses.length} link(s)`}
        </button>
        {send.isError && <ErrorAlert>{send.error.message}</ErrorAlert>}
      </form>
      {result && <EmailResult result={result} onRetry={(addresses) => setText(addresses.join("\n"))} />}
    </EmailSection>
  );
}

/** Shown instead of the form when the server has no SMTP settings: links are exported and sent by hand. */
export function EmailNotConfigured() {
  return (
    <EmailSection headingId="email-links-heading">
      <p className="text-sm text-slate-700">
        Email is not configured on this server (an administrator sets <code>SMTP_URL</code> and <code>SMTP_FROM</code>). Generate the links above and
        download them as CSV to send them yourself.
      </p>
    </EmailSection>
  );
}

function EmailSection({ headingId, children }: { headingId: string; children: ReactNode }) {
  return (
    <section aria-labelledby={headingId} className="space-y-3 rounded-lg border border-slate-200 bg-white p-4">
      <h2 id={headingId} className="text-lg font-semibold text-slate-900">Email links</h2>
      {children}
    </section>
  );
}

function EmailResult({ result, onRetry }: { result: EmailInvitationsResult; onRetry: (addresses: string[]) => void }) {
  return (
    <div aria-label="Email results" role="region" className="space-y-2 text-sm">
      <p className="text-green-800">
        Sent {result.sent} invitation(s) to {result.teamName}; {result.invited} issued to the team so far.
      </p>
      {result.failed.length > 0 && (
        <>
          <p className="text-red-700">
            {result.failed.length} address(es) were not accepted by the mail server. Their links were voided; sending again creates new links.
          </p>
          <ul aria-label="Addresses not sent" className="list-disc pl-5 text-red-700">
            {result.failed.map((f) => (
              <li key={f.index}>
                {f.address} — {f.reason}
              </li>
            ))}
          </ul>
          <button type="button" onClick={() => onRetry(result.failed.map((f) => f.address))} className="rounded-md border border-slate-300 px-3 py-1.5 font-medium">
            Put these addresses back in the list
          </button>
        </>
      )}
    </div>
  );
}
