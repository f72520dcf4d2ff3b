import { exportHref, FULL_EXPORT_HREF, tableExportHref } from "@/lib/client/export-href";

/** Every export in one place; each chart card links to the same metric-value export with its own filters. */
export function ExportLinks({ isAdmin }: { isAdmin: boolean }) {
  const items = [
    { href: exportHref({ scope: "org" }), label: "All team metric values (CSV)", how: "team, metric, week, value, note — the import format. Survey and people values of groups below the anonymity threshold are left out, as on the dashboards." },
    { href: tableExportHref("teams"), label: "Teams (CSV)", how: "slug, name, group, location, sourcing, origin, acquisition, time zone — the import format." },
    { href: tableExportHref("groups"), label: "Groups (CSV)", how: "slug, name, parent — parents first." },
    ...(isAdmin ? [{ href: FULL_EXPORT_HREF, label: "Full organisation (JSON)", how: "settings, groups, teams, metric definitions and values in one file, for backup or moving to another Pillars." }] : []),
  ];
  return (
    <ul className="space-y-3">
      {items.map((item) => (
        <li key={item.href} className="rounded-lg border border-slate-200 bg-white p-4">
          <a href={item.href} download className="font-medium text-blue-700 underline">{item.label}</a>
          <p className="text-sm text-slate-600">{item.how}</p>
        </li>
      ))}
    </ul>
  );
}
