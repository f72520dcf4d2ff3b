import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { HttpError } from "@/lib/server/errors";
import { PackView } from "@/components/packs/pack-view";
import { requirePageUser } from "@/lib/server/page-auth";
import { getPack, packShareToken } from "@/lib/server/services/packs";

export const metadata: Metadata = { title: "Meeting pack" };

/** A pack by id, or by its share token (the read-only link); either way only for signed-in users. */
export default async function PackPage({ params }: { params: Promise<{ id: string }> }) {
  await connection();
  const { id } = await params;
  const user = await requirePageUser("read", `/packs/${encodeURIComponent(id)}`);
  const pack = await getPack(id, user).catch((error: unknown) => {
    if (error instanceof HttpError && error.status === 404) notFound();
    throw error;
  });
  return <PackView pack={pack} shareToken={await packShareToken(pack.id)} />;
}
