import type { Metadata } from "next";
import { connection } from "next/server";
import { ExportLinks } from "@/components/import/export-links";
import { requirePageUser } from "@/lib/server/page-auth";
import { can } from "@/lib/server/permissions";

export const metadata: Metadata = { title: "Export" };

export default async function ExportRoute() {
  await connection();
  const user = await requirePageUser("read", "/export");
  return (
    <div className="max-w-3xl space-y-4">
      <h1 className="text-xl font-semibold">Export</h1>
      <p className="text-sm text-slate-600">Download your data as CSV. Text cells starting with =, +, -, @ are written with a leading &apos; so spreadsheets never run them as formulas; imports take it off again.</p>
      <ExportLinks isAdmin={can(user, "admin")} />
    </div>
  );
}
