import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { AuditTable } from "@/components/audit/audit-table";
import { auditEntityTypes } from "@/lib/server/data/audit";
import { disclosureViewer } from "@/lib/server/disclosure/viewer";
import { requirePageUser } from "@/lib/server/page-auth";
import { auditPage } from "@/lib/server/services/audit-read";
import { auditQuery } from "@/lib/validation/audit";
import { ErrorAlert } from "@/components/ui/error-alert";

export const metadata: Metadata = { title: "Audit log" };

export default async function AuditPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await connection();
  const user = await requirePageUser("admin", "/admin/audit");
  const raw = Object.fromEntries(Object.entries(await searchParams).flatMap(([k, v]) => (typeof v === "string" && v !== "" ? [[k, v]] : [])));
  const parsed = auditQuery.safeParse(raw);
  const query = parsed.success ? parsed.data : auditQuery.parse({});
  const { page, pageSize, ...filter } = query;
  const [{ rows, total }, types] = await Promise.all([auditPage(filter, page, pageSize, disclosureViewer(user), new Date()), auditEntityTypes()]);
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const pageHref = (n: number) => `/admin/audit?${new URLSearchParams({ ...raw, page: String(n) })}`;
  const field = "mt-1 block rounded border border-slate-300 px-2 py-1 text-sm";
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold text-slate-900">Audit trail</h1>
      {!parsed.success && <ErrorAlert>Some filters were not valid and were ignored.</ErrorAlert>}
      <form method="get" className="flex flex-wrap items-end gap-3" aria-label="Filter the audit trail">
        <label className="text-sm text-slate-700">
          Entity type
          <select name="entityType" defaultValue={filter.entityType ?? ""} className={field}>
            <option value="">All</option>
            {types.map((t) => (
              <option key={t} value={t}>{t}</option>
            ))}
          </select>
        </label>
        <label className="text-sm text-slate-700">
          Actor
          <input name="actor" defaultValue={filter.actor ?? ""} placeholder="email or token:name" className={field} />
        </label>
        <label className="text-sm text-slate-700">
          Entity id
          <input name="entityId" defaultValue={filter.entityId ?? ""} className={field} />
        </label>
        <label className="text-sm text-slate-700">
          From
          <input type="date" name="from" defaultValue={filter.from ?? ""} className={field} />
        </label>
        <label className="text-sm text-slate-700">
          To
          <input type="date" name="to" defaultValue={filter.to ?? ""} className={field} />
        </label>
        <button type="submit" className="rounded-md bg-blue-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-blue-800">
          Filter
        </button>
        <Link href="/admin/audit" className="text-sm text-blue-700 underline">Clear</Link>
      </form>
      <p className="text-sm text-slate-600">
        {total} entr{total === 1 ? "y" : "ies"}; page {page} of {pages}.
      </p>
      <AuditTable rows={rows} />
      <nav aria-label="Pages" className="flex gap-3 text-sm">
        {page > 1 && <Link href={pageHref(page - 1)} className="text-blue-700 underline">Newer</Link>}
        {page < pages && <Link href={pageHref(page + 1)} className="text-blue-700 underline">Older</Link>}
      </nav>
    </div>
  );
}
