/**
 * The demo company: a freight-logistics engineering organisation with a platform group, a
 * product group split into sub-groups, and a data group, spread over five locations with
 * every sourcing model. Plain data; org.ts writes it to the database.
 */

export const ORG_NAME = "Northwind Freight — Engineering";
export const ORG_TIME_ZONE = "Europe/London";
export const ORG_CURRENCY = "GBP";
export const ACQUISITION_NAME = "Telemetrix";

export type SourcingPlan = "ONSHORE" | "NEARSHORE" | "OFFSHORE" | "VENDOR";

export interface GroupPlan {
  slug: string;
  name: string;
  parent: string | null;
  /** Formed at the reorg (the Commerce group did not exist before it). */
  formedAtReorg?: boolean;
}

export interface TeamPlan {
  slug: string;
  name: string;
  group: string;
  location: string;
  sourcing: SourcingPlan;
  /** Headcount two years ago and today; the roster hires towards a line between them. */
  size: { start: number; end: number };
  services: string[];
  /** Typical successful production deployments per week two years ago. */
  deployRate: number;
  roleFamily: string;
  acquired?: boolean;
  /** Hit by the incident-heavy quarter. */
  incidentQuarter?: boolean;
  /** Loses or gains people at the reorg (engagement dip, turnover bump). */
  reorgAffected?: boolean;
}

export const GROUPS: GroupPlan[] = [
  { slug: "platform", name: "Platform", parent: null },
  { slug: "product", name: "Product", parent: null },
  { slug: "customer-experience", name: "Customer Experience", parent: "product" },
  { slug: "logistics", name: "Logistics", parent: "product" },
  { slug: "commerce", name: "Commerce", parent: "product", formedAtReorg: true },
  { slug: "data", name: "Data", parent: null },
];

export const TEAMS: TeamPlan[] = [
  {
    slug: "core-infrastructure", name: "Core Infrastructure", group: "platform", location: "London", sourcing: "ONSHORE",
    size: { start: 10, end: 12 }, services: ["cluster-platform", "service-mesh", "secrets-vault"], deployRate: 14,
    roleFamily: "platform-engineering", incidentQuarter: true, reorgAffected: true,
  },
  {
    slug: "developer-experience", name: "Developer Experience", group: "platform", location: "Berlin", sourcing: "ONSHORE",
    size: { start: 8, end: 9 }, services: ["ci-runners", "dev-portal"], deployRate: 18, roleFamily: "platform-engineering",
  },
  {
    slug: "site-reliability", name: "Site Reliability", group: "platform", location: "Bangalore", sourcing: "OFFSHORE",
    size: { start: 9, end: 11 }, services: ["observability-stack", "incident-bot"], deployRate: 9,
    roleFamily: "site-reliability", incidentQuarter: true, reorgAffected: true,
  },
  {
    slug: "shipper-portal", name: "Shipper Portal", group: "customer-experience", location: "London", sourcing: "ONSHORE",
    size: { start: 12, end: 11 }, services: ["shipper-web", "shipper-api"], deployRate: 12,
    roleFamily: "software-engineering", reorgAffected: true,
  },
  {
    slug: "mobile-apps", name: "Mobile Apps", group: "customer-experience", location: "Lisbon", sourcing: "NEARSHORE",
    size: { start: 8, end: 11 }, services: ["driver-app", "shipper-app"], deployRate: 4, roleFamily: "software-engineering",
  },
  {
    slug: "customer-notifications", name: "Customer Notifications", group: "customer-experience", location: "Kraków",
    sourcing: "VENDOR", size: { start: 6, end: 6 }, services: ["notification-hub"], deployRate: 3,
    roleFamily: "software-engineering",
  },
  {
    slug: "route-planning", name: "Route Planning", group: "logistics", location: "Berlin", sourcing: "ONSHORE",
    size: { start: 10, end: 10 }, services: ["route-optimiser", "eta-predictor"], deployRate: 8,
    roleFamily: "software-engineering", incidentQuarter: true,
  },
  {
    slug: "fleet-tracking", name: "Fleet Tracking", group: "logistics", location: "Berlin", sourcing: "ONSHORE",
    size: { start: 9, end: 8 }, services: ["telematics-ingest", "fleet-map"], deployRate: 10,
    roleFamily: "software-engineering", acquired: true,
  },
  {
    slug: "warehouse-operations", name: "Warehouse Operations", group: "logistics", location: "Bangalore", sourcing: "OFFSHORE",
    size: { start: 11, end: 13 }, services: ["wms-core", "dock-scheduler", "label-printing"], deployRate: 6,
    roleFamily: "software-engineering", reorgAffected: true,
  },
  {
    slug: "billing-payments", name: "Billing & Payments", group: "commerce", location: "London", sourcing: "ONSHORE",
    size: { start: 9, end: 10 }, services: ["invoicing", "payments-gateway"], deployRate: 7,
    roleFamily: "software-engineering", reorgAffected: true,
  },
  {
    slug: "data-platform", name: "Data Platform", group: "data", location: "London", sourcing: "ONSHORE",
    size: { start: 9, end: 11 }, services: ["lakehouse", "event-pipeline"], deployRate: 6, roleFamily: "data-engineering",
  },
  {
    slug: "analytics-ml", name: "Analytics & ML", group: "data", location: "Lisbon", sourcing: "NEARSHORE",
    size: { start: 8, end: 12 }, services: ["demand-forecast", "pricing-model"], deployRate: 4, roleFamily: "data-science",
  },
];

/** The team Billing & Payments belonged to before the reorg moved it into the new Commerce group. */
export const REORG_MOVED_TEAM = { team: "billing-payments", fromGroup: "customer-experience", toGroup: "commerce" };

/** Loaded annual cost per person (GBP) by location and sourcing. */
export const LOCATION_COSTS: { location: string; sourcing: SourcingPlan; annualCost: number }[] = [
  { location: "London", sourcing: "ONSHORE", annualCost: 112_000 },
  { location: "Berlin", sourcing: "ONSHORE", annualCost: 98_000 },
  { location: "Lisbon", sourcing: "NEARSHORE", annualCost: 64_000 },
  { location: "Kraków", sourcing: "VENDOR", annualCost: 71_000 },
  { location: "Bangalore", sourcing: "OFFSHORE", annualCost: 39_000 },
];

export function annualCostFor(team: TeamPlan): number {
  const row = LOCATION_COSTS.find((c) => c.location === team.location && c.sourcing === team.sourcing);
  if (!row) throw new Error(`no location cost for ${team.location}/${team.sourcing}`);
  return row.annualCost;
}

export function teamPlan(slug: string): TeamPlan {
  const team = TEAMS.find((t) => t.slug === slug);
  if (!team) throw new Error(`unknown demo team ${slug}`);
  return team;
}
