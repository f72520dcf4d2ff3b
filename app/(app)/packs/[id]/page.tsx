import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { getCurrentUser } from "@/lib/server/auth/current-user";
import { HttpError } from "@/lib/server/errors";
import { PackView } from "@/components/packs/pack-view";
import { requirePageUser } from "@/lib/server/page-auth";
import { getPack, packShareToken } from "@/lib/server/services/packs";

/** The pack's title names the tab and a printed PDF (browsers use it as the document title). */
export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  const { id } = await params;
  const user = await getCurrentUser();
  const pack = user ? await getPack(id, user).catch(() => null) : null;
  return { title: pack ? `${pack.title} (${pack.date})` : "Meeting pack" };
}

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
