import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { requirePageUser } from "@/lib/server/page-auth";
import { can } from "@/lib/server/permissions";
import { listPacks } from "@/lib/server/services/packs";

export const metadata: Metadata = { title: "Meeting packs" };

export default async function PacksPage() {
  await connection();
  const user = await requirePageUser("read", "/packs");
  const packs = await listPacks();
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight text-slate-900">Meeting packs</h1>
          <p className="text-sm text-slate-600">Charts, narratives and actions for leadership meetings, with the numbers frozen as presented.</p>
        </div>
        <div className="flex gap-2">
          <Link href="/present" className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-800 hover:bg-slate-50">Present charts</Link>
          {can(user, "managePacks") && (
            <Link href="/packs/new" className="rounded-md bg-blue-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-blue-800">New pack</Link>
          )}
        </div>
      </div>
      {packs.length === 0 ? (
        <p className="rounded-lg border border-dashed border-slate-300 bg-white p-6 text-sm text-slate-600">No meeting packs yet.</p>
      ) : (
        <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white">
          {packs.map((p) => (
            <li key={p.id} className="flex flex-wrap items-baseline justify-between gap-2 p-4">
              <Link href={`/packs/${p.id}`} className="font-medium text-blue-700 hover:text-blue-900">{p.title}</Link>
              <span className="text-sm text-slate-600">
                {p.date} · {p.slideCount} {p.slideCount === 1 ? "chart" : "charts"} · {p.openActions} open {p.openActions === 1 ? "action" : "actions"}
                {p.createdBy && ` · ${p.createdBy}`}
              </span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
