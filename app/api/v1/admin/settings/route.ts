import { withRoute } from "@/lib/server/http/route";
import { getAdminSettings, updateSettings } from "@/lib/server/services/settings";
import { settingsInput } from "@/lib/validation/admin";

export const dynamic = "force-dynamic";

export const GET = withRoute({ auth: "session", action: "admin", handler: () => getAdminSettings() });

export const PUT = withRoute({
  auth: "session",
  action: "admin",
  body: settingsInput,
  handler: ({ actor, body }) => updateSettings(actor, body),
});
