import { describe, expect, it } from "vitest";
import { isActiveHref, NAV_ITEMS, visibleNavItems, type NavItem } from "./nav";

describe("visibleNavItems", () => {
  const items: NavItem[] = [
    { href: "/", label: "Overview" },
    { href: "/review", label: "Review", action: "annotate" },
    { href: "/admin", label: "Admin", action: "admin" },
  ];

  it("keeps open items and those the user is allowed", () => {
    const leader = (action: string) => action === "annotate";
    expect(visibleNavItems(items, leader).map((i) => i.label)).toEqual(["Overview", "Review"]);
    expect(visibleNavItems(items, () => false).map((i) => i.label)).toEqual(["Overview"]);
    expect(visibleNavItems(items, () => true)).toHaveLength(3);
  });

  it("offers Import only to those who may enter data (the page refuses everyone else)", () => {
    const viewer = visibleNavItems(NAV_ITEMS, (action) => action === "read").map((i) => i.href);
    expect(viewer).not.toContain("/import");
    const manager = visibleNavItems(NAV_ITEMS, (action) => action === "read" || action === "enterData").map((i) => i.href);
    expect(manager).toContain("/import");
  });
});

describe("isActiveHref", () => {
  it("matches the home item only on the home page", () => {
    expect(isActiveHref("/", "/")).toBe(true);
    expect(isActiveHref("/", "/teams")).toBe(false);
  });

  it("matches sub-pages but not look-alike prefixes", () => {
    expect(isActiveHref("/teams", "/teams/alpha")).toBe(true);
    expect(isActiveHref("/teams", "/teams")).toBe(true);
    expect(isActiveHref("/teams", "/teamsettings")).toBe(false);
  });
});
