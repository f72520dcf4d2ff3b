import type { Metadata } from "next";
import { connection } from "next/server";
import { PackEditor } from "@/components/packs/pack-editor";
import { localDate } from "@/lib/domain/time";
import { getOrgSettings } from "@/lib/server/data/org";
import { requirePageUser } from "@/lib/server/page-auth";

export const metadata: Metadata = { title: "New meeting pack" };

export default async function NewPackPage() {
  await connection();
  await requirePageUser("managePacks", "/packs/new");
  const { timeZone } = await getOrgSettings();
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold tracking-tight text-slate-900">New meeting pack</h1>
      <PackEditor today={localDate(new Date(), timeZone)} />
    </div>
  );
}
