import "server-only";
import FREQUENT from "@zxcvbn-ts/language-common/src/passwords.json";
import { DEMO_PASSWORDS } from "@/prisma/seed/accounts";

/**
 * Passwords nobody may set (ASVS 2.1.7): the ~49,000 most frequent passwords of public breach corpora, as
 * bundled by zxcvbn-ts (no network), plus passwords this product itself publishes. The list is read once.
 */
export const COMMON_PASSWORDS: ReadonlySet<string> = new Set(
  [...FREQUENT, "pillars", "pillarspillars", "pillars-admin", "pillars-password", "changeit", "changeme"].map((p) => p.toLowerCase()),
);

/**
 * The demo organisation's passwords are printed at start and in the README, so they are as good as breached:
 * only the demo seed uses them (and may only on a server that is not reachable from the network,
 * see lib/server/demo-passwords.ts).
 */
export const PUBLISHED_PASSWORDS: ReadonlySet<string> = new Set(DEMO_PASSWORDS);
