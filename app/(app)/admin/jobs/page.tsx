import type { Metadata } from "next";
import { connection } from "next/server";
import { AdminHeader } from "@/components/admin/admin-header";
import { JobsAdmin } from "@/components/admin/jobs-admin";
import { requirePageUser } from "@/lib/server/page-auth";

export const metadata: Metadata = { title: "Background jobs · Administration" };

export default async function AdminJobsPage() {
  await connection();
  await requirePageUser("admin", "/admin/jobs");
  return (
    <>
      <AdminHeader title="Background jobs">
        Events sent through the API, webhooks and imports are stored at once; the figures they change are recomputed here, in the background. A failed run is
        retried a few times on its own; when its attempts are spent, retry it below.
      </AdminHeader>
      <JobsAdmin />
    </>
  );
}
