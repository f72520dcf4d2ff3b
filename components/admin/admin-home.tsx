import Link from "next/link";

const SECTIONS = [
  { href: "/admin/users", title: "Users", text: "Create accounts, set roles and the teams managers manage, reset passwords, deactivate." },
  { href: "/admin/settings", title: "Organisation settings", text: "Name, time zone, anonymity threshold, note rule, currency, incident label and loaded costs." },
  { href: "/admin/org", title: "Groups, teams and services", text: "The group tree, team details (location, sourcing, origin) and service ownership." },
  { href: "/admin/tokens", title: "API tokens", text: "Tokens for the ingestion and read APIs: create, see last use, revoke." },
  { href: "/admin/people", title: "People roster", text: "Employee records, HR roster import, promotions, moves, exits and rehires." },
  { href: "/admin/career", title: "Career framework", text: "The organisation's levels and their order, which promotions must follow." },
  { href: "/admin/webhooks", title: "Webhooks", text: "GitHub and GitLab sources: signing secrets, default team, incident label." },
  { href: "/admin/connectors", title: "Connectors", text: "Scheduled syncs from GitHub, GitLab, Jira and PagerDuty: backfill, progress, last error, sync now." },
  { href: "/admin/metrics", title: "Metrics", text: "The metric catalog: custom metrics, descriptions and which teams they apply to." },
  { href: "/admin/targets", title: "Targets", text: "Green and amber thresholds per metric for the org, a group or a team." },
  { href: "/admin/jobs", title: "Background jobs", text: "Recomputes after new events: progress, failures with their error, and retry." },
  { href: "/admin/audit", title: "Audit trail", text: "Who changed what and when, with the values before and after." },
];

/** The administration home: one card per section. */
export function AdminHome() {
  return (
    <div>
      <h1 className="text-2xl font-semibold tracking-tight text-slate-900">Administration</h1>
      <p className="mt-1 text-sm text-slate-700">Only admins see these pages. Every change is recorded in the audit trail.</p>
      <ul className="mt-6 grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
        {SECTIONS.map((s) => (
          <li key={s.href}>
            <Link href={s.href} className="block h-full rounded-lg border border-slate-200 bg-white p-4 hover:border-blue-400 hover:shadow-sm focus-visible:outline-2 focus-visible:outline-blue-700">
              <span className="text-base font-semibold text-blue-800">{s.title}</span>
              <span className="mt-1 block text-sm text-slate-700">{s.text}</span>
            </Link>
          </li>
        ))}
      </ul>
    </div>
  );
}
