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
