import type { Metadata } from "next";
import { connection } from "next/server";
import { AdminHeader } from "@/components/admin/admin-header";
import { TokensAdmin } from "@/components/admin/tokens-admin";
import { requirePageUser } from "@/lib/server/page-auth";

export const metadata: Metadata = { title: "API tokens · Administration" };

export default async function AdminTokensPage() {
  await connection();
  await requirePageUser("admin", "/admin/tokens");
  return (
    <>
      <AdminHeader title="API tokens">Tokens let CI pipelines, webhooks relays and scripts send events (ingest) or read metrics (read).</AdminHeader>
      <TokensAdmin />
    </>
  );
}
