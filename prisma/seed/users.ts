/**
 * Sign-in accounts for the demo: one per role, printed by the start script so an evaluator can
 * try each view, plus a manager account for every other team (sharing one password that is not
 * printed; an admin can reset it). The demo MANAGER manages two teams.
 */
import "server-only";
import { hashPassword } from "@/lib/server/auth/password";
import type { Db } from "@/lib/server/db";
import { DEMO_ACCOUNTS, OTHER_MANAGERS_PASSWORD } from "./accounts";
import { TEAMS } from "./org-plan";

/** The managers of the other teams, by team slug. */
const OTHER_MANAGERS: Record<string, string> = {
  "core-infrastructure": "Hannah Clarke",
  "developer-experience": "Jonas Weber",
  "site-reliability": "Arjun Mehta",
  "mobile-apps": "Ana Ribeiro",
  "customer-notifications": "Marta Kowalska",
  "route-planning": "Tom Fischer",
  "fleet-tracking": "Lena Hoffmann",
  "warehouse-operations": "Kavya Iyer",
  "data-platform": "Oliver Bennett",
  "analytics-ml": "Sofia Costa",
};

function emailFor(name: string): string {
  const ascii = name.normalize("NFKD").replace(/[^\x20-\x7e]/g, "");
  return `${ascii.toLowerCase().replace(/[^a-z]+/g, ".")}@demo.pillars.dev`;
}

export async function createUsers(db: Db, teamIds: Map<string, string>): Promise<number> {
  const others = TEAMS.filter((t) => OTHER_MANAGERS[t.slug]).map((t) => ({
    role: "MANAGER" as const, email: emailFor(OTHER_MANAGERS[t.slug]), password: OTHER_MANAGERS_PASSWORD, name: OTHER_MANAGERS[t.slug],
    teams: [t.slug],
  }));
  const accounts = [...DEMO_ACCOUNTS, ...others];
  // scrypt is deliberately slow; the other managers share one password, so hash each password once.
  const passwords = [...new Set(accounts.map((a) => a.password))];
  const hashes = new Map(await Promise.all(passwords.map(async (p) => [p, await hashPassword(p)] as const)));

  for (const account of accounts) {
    const user = await db.user.create({
      data: { email: account.email, name: account.name, role: account.role, passwordHash: hashes.get(account.password) },
      select: { id: true },
    });
    if (account.teams.length > 0) {
      await db.teamManager.createMany({
        data: account.teams.map((slug) => {
          const teamId = teamIds.get(slug);
          if (!teamId) throw new Error(`unknown demo team ${slug}`);
          return { userId: user.id, teamId };
        }),
      });
    }
  }
  return accounts.length;
}
