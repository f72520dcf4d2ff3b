"use client";

import Link from "next/link";
import type { ReactNode } from "react";
import { useFormat } from "@/components/format/format-context";
import { LoadState } from "@/components/ui/form";
import { EMPTY_TEXT, formatDuration } from "@/lib/format";
import { usePullRequest, type PullRequestJson } from "@/lib/client/use-delivery";
import { DELIVERY_EXPLANATIONS } from "@/lib/delivery/explanations";

const CARD = "rounded-lg border border-slate-200 bg-white p-4 text-sm shadow-sm";
const HEADING = "text-base font-semibold text-slate-900";

/** The four stages of a change's lead time, in order, with the instants each runs between. */
const STAGES = [
  { key: "coding", label: "Coding", from: "first commit", to: "opened", colour: "bg-sky-600" },
  { key: "pickup", label: "Pickup", from: "opened", to: "first review by someone else", colour: "bg-amber-500" },
  { key: "review", label: "Review", from: "first review", to: "merged", colour: "bg-violet-600" },
  { key: "deploy", label: "Deploy", from: "merged", to: "deployed", colour: "bg-emerald-600" },
] as const;

type Breakdown = NonNullable<PullRequestJson["breakdown"]>;

/**
 * One change, opened from the delivery drill-down: what it is, its lead time split into coding, pickup, review
 * and deploy (the same attribution the lead-time figure counts), the deployment that shipped it, and its commits
 * and reviews as received.
 */
export function PullRequestDetail({ service, externalId }: { service: string; externalId: string }) {
  const pr = usePullRequest(service, externalId);
  const back = `/delivery?${new URLSearchParams({ scope: `service:${service}` })}`;
  const p = pr.data;
  return (
    <div className="space-y-6">
      <div>
        <Link href={back} className="text-sm text-blue-700 hover:underline">← Delivery of {service}</Link>
        <h1 className="mt-1 text-2xl font-semibold tracking-tight text-slate-900">
          <span className="font-mono">#{externalId}</span>
          {p?.title ? ` ${p.title}` : ""}
        </h1>
        {p && <Summary p={p} />}
      </div>
      {p ? (
        <>
          <LeadTime p={p} />
          <Shipped p={p} />
          <History p={p} />
        </>
      ) : (
        <LoadState isLoading={pr.isPending} error={pr.error} what="the change" />
      )}
    </div>
  );
}

function Summary({ p }: { p: PullRequestJson }) {
  const f = useFormat();
  const parts = [
    p.service,
    p.team ? `team ${p.team.name}` : "no team",
    p.author ? `by ${p.author}` : null,
    p.createdAt ? `opened ${f.dateTime(p.createdAt)}` : null,
    p.mergedAt ? `merged ${f.dateTime(p.mergedAt)}` : "not merged",
    p.aiAssisted ? "AI-assisted" : null,
  ].filter(Boolean);
  return (
    <p className="text-sm text-slate-600">
      {parts.join(" · ")}
      {p.labels.length > 0 && <span className="ml-2">{p.labels.map((l) => <span key={l} className="mr-1 rounded bg-slate-100 px-1.5 py-0.5 text-xs text-slate-700">{l}</span>)}</span>}
    </p>
  );
}

function LeadTime({ p }: { p: PullRequestJson }) {
  const b = p.breakdown;
  return (
    <section aria-labelledby="lead-time-heading" className={CARD}>
      <h2 id="lead-time-heading" className={HEADING}>Lead time</h2>
      {!b ? (
        <p className="mt-2 text-slate-700">Not merged yet: a change counts in the lead time once a production deployment ships it.</p>
      ) : (
        <>
          <p className="mt-1 text-2xl font-semibold text-slate-900" data-testid="change-lead-time">
            {b.leadTime === null ? "Not deployed yet" : formatDuration(b.leadTime)}
          </p>
          {b.leadTime === null && <p className="text-slate-700">Merged; the lead time counts it once a production deployment ships it.</p>}
          <StageBar b={b} />
          <dl className="mt-3 grid gap-3 sm:grid-cols-4">
            {STAGES.map((s) => (
              <div key={s.key} data-testid={`change-stage-${s.key}`}>
                <dt className="flex items-center gap-1.5 font-medium text-slate-700">
                  <span aria-hidden="true" className={`inline-block h-2.5 w-2.5 rounded-sm ${s.colour}`} />
                  {s.label}
                </dt>
                <dd className="text-slate-900">{b[s.key] === null ? EMPTY_TEXT : formatDuration(b[s.key] as number)}</dd>
                <dd className="text-xs text-slate-600">{s.from} → {s.to}</dd>
              </div>
            ))}
          </dl>
          <details className="mt-3 text-slate-700">
            <summary className="cursor-pointer select-none text-xs font-medium text-blue-700 hover:text-blue-900">How is this computed?</summary>
            <p className="mt-2 leading-relaxed">{DELIVERY_EXPLANATIONS.lead_time}</p>
          </details>
        </>
      )}
    </section>
  );
}

/** The stages side by side in proportion; the list below says the same in words. */
function StageBar({ b }: { b: Breakdown }) {
  const total = STAGES.reduce((n, s) => n + Math.max(0, b[s.key] ?? 0), 0);
  if (total === 0) return null;
  return (
    <div aria-hidden="true" className="mt-3 flex h-3 w-full overflow-hidden rounded bg-slate-100">
      {STAGES.map((s) => {
        const share = Math.max(0, b[s.key] ?? 0) / total;
        return share > 0 ? <div key={s.key} className={s.colour} style={{ width: `${share * 100}%` }} /> : null;
      })}
    </div>
  );
}

function Shipped({ p }: { p: PullRequestJson }) {
  const f = useFormat();
  const d = p.deployment;
  if (!p.mergedAt) return null;
  return (
    <section aria-labelledby="shipped-heading" className={CARD}>
      <h2 id="shipped-heading" className={HEADING}>Shipped by</h2>
      {d ? (
        <dl className="mt-2 grid gap-3 sm:grid-cols-4" data-testid="change-deployment">
          <div><dt className="font-medium text-slate-700">Deployment</dt><dd className="font-mono text-xs">{d.externalId}</dd></div>
          <div><dt className="font-medium text-slate-700">Service</dt><dd>{d.service ?? EMPTY_TEXT}</dd></div>
          <div><dt className="font-medium text-slate-700">Finished</dt><dd>{f.dateTime(d.finishedAt)}</dd></div>
          <div><dt className="font-medium text-slate-700">Commit</dt><dd className="font-mono text-xs">{d.commitSha.slice(0, 12)}</dd></div>
          <div><dt className="font-medium text-slate-700">Kind</dt><dd>{d.kind}</dd></div>
        </dl>
      ) : (
        <p className="mt-2 text-slate-700">No successful production deployment has shipped it yet.</p>
      )}
    </section>
  );
}

function History({ p }: { p: PullRequestJson }) {
  const f = useFormat();
  return (
    <div className="grid gap-4 md:grid-cols-2">
      <Received
        id="commits"
        title="Commits"
        columns={["Commit", "Authored"]}
        rows={p.commits.map((c) => ({ key: c.sha, first: <span className="font-mono text-xs">{c.sha.slice(0, 12)}</span>, at: f.dateTime(c.authoredAt) }))}
      />
      <Received
        id="reviews"
        title="Reviews"
        columns={["Reviewer", "Submitted"]}
        rows={p.reviews.map((r, i) => ({ key: `${r.submittedAt}-${i}`, first: r.author ?? EMPTY_TEXT, at: f.dateTime(r.submittedAt) }))}
      />
    </div>
  );
}

/** Commits or reviews as received, in time order: what they are and when. */
function Received({ id, title, columns, rows }: { id: string; title: string; columns: [string, string]; rows: { key: string; first: ReactNode; at: string }[] }) {
  return (
    <section aria-labelledby={`${id}-heading`} className={CARD}>
      <h2 id={`${id}-heading`} className={HEADING}>{title} ({rows.length})</h2>
      {rows.length === 0 ? (
        <p className="mt-2 text-slate-700">None received.</p>
      ) : (
        <table className="mt-2 w-full text-left" data-testid={`change-${id}`}>
          <thead className="text-xs text-slate-600"><tr><th className="py-1 pr-3 font-medium">{columns[0]}</th><th className="py-1 font-medium">{columns[1]}</th></tr></thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.key} className="border-t border-slate-100"><td className="py-1 pr-3">{r.first}</td><td className="py-1">{r.at}</td></tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
