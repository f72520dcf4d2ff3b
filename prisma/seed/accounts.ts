/**
 * The demo's sign-in accounts, one per role. Printed by the start script and used by the
 * end-to-end tests, so this module has no server dependencies.
 */

export type DemoRole = "ADMIN" | "LEADER" | "MANAGER" | "VIEWER";

export interface DemoAccount {
  role: DemoRole;
  email: string;
  password: string;
  name: string;
  /** Team slugs a manager manages. */
  teams: string[];
}

export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  { role: "ADMIN", email: "admin@demo.pillars.dev", password: "pillars-demo-admin", name: "Alex Morgan", teams: [] },
  { role: "LEADER", email: "leader@demo.pillars.dev", password: "pillars-demo-leader", name: "Priya Nair", teams: [] },
  {
    role: "MANAGER", email: "manager@demo.pillars.dev", password: "pillars-demo-manager", name: "Sam Okafor",
    teams: ["shipper-portal", "billing-payments"],
  },
  { role: "VIEWER", email: "viewer@demo.pillars.dev", password: "pillars-demo-viewer", name: "Jordan Lee", teams: [] },
];

/** The password every other team's demo manager shares (not printed, but public in this repository). */
export const OTHER_MANAGERS_PASSWORD = "pillars-demo-team-manager";

/** Every password the demo seed sets: public, so refused anywhere else (lib/server/auth/common-passwords.ts). */
export const DEMO_PASSWORDS: readonly string[] = [...DEMO_ACCOUNTS.map((a) => a.password), OTHER_MANAGERS_PASSWORD];
