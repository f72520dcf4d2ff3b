import "server-only";
import type { SessionUser } from "@/lib/server/auth/session-user";
import { can } from "@/lib/server/permissions";

/** What a reader's role changes in disclosure decisions (the rest holds for every role, admins included). */
export interface DisclosureViewer {
  /** Sees how separations are classified for any released group (rule 5); otherwise only with 3+ per month. */
  seesClassifications: boolean;
}

/** What anyone may read: packs and other shared copies are made as this reader sees them. */
export const SHARED_VIEWER: DisclosureViewer = { seesClassifications: false };

/** A signed-in user, or null for an API token (tokens read as the most restricted role). */
export function disclosureViewer(user: SessionUser | null): DisclosureViewer {
  return { seesClassifications: user !== null && can(user, "viewSeparationClassifications") };
}
