import type { Metadata } from "next";
import { connection } from "next/server";
import { ImportPage } from "@/components/import/import-page";
import { requirePageUser } from "@/lib/server/page-auth";
import { can, uploadImport } from "@/lib/server/permissions";
import { importKindsCatalog } from "@/lib/server/services/imports/queries";

export const metadata: Metadata = { title: "Import" };

/** `?kind=people` (the roster page's link) opens the page with that kind chosen. */
export default async function ImportRoute({ searchParams }: { searchParams: Promise<{ kind?: string | string[] }> }) {
  await connection();
  const user = await requirePageUser("read", "/import");
  if (!can(user, "enterData")) {
    return (
      <div className="max-w-3xl">
        <h1 className="text-xl font-semibold">Import</h1>
        <p className="mt-2 text-sm text-slate-700">Only managers (for their teams) and admins can import data. Exports are on each chart and table.</p>
      </div>
    );
  }
  const kinds = importKindsCatalog()
    .filter((k) => uploadImport({ user }, k))
    .map(({ key, label, description }) => ({ key, label, description }));
  return (
    <div className="space-y-4">
      <div>
        <h1 className="text-xl font-semibold">Import a CSV</h1>
        <p className="text-sm text-slate-600">
          Every row is checked before anything is written. An import applies fully or not at all, unless you choose to skip invalid rows. Importing the same file twice changes nothing.
        </p>
      </div>
      <ImportPage kinds={kinds} initialKind={[(await searchParams).kind].flat()[0]} />
    </div>
  );
}
