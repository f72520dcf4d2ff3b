import { withRoute } from "@/lib/server/http/route";
import { backupStream } from "@/lib/server/services/backup-stream";
import { attachment } from "@/lib/server/http/content-disposition";

export const dynamic = "force-dynamic";

/** The whole organisation from the running server, in one consistent snapshot (format: lib/server/services/backup.ts). */
export const GET = withRoute({
  auth: "session",
  action: "admin",
  handler: async () => {
    const stamp = new Date().toISOString().slice(0, 19).replace(/[:T]/g, "-");
    return new Response(await backupStream(), {
      headers: {
        "Content-Type": "text/plain; charset=utf-8",
        "Content-Disposition": attachment(`pillars-backup-${stamp}.txt`),
        "Cache-Control": "no-store",
      },
    });
  },
});
