/**
 * The authenticated shell's navigation. Pages add themselves here; an item with an `action` is shown only
 * to users allowed that action (the page itself still checks access — hiding a link is not security).
 */
import type { Action } from "@/lib/server/permissions";

export interface NavItem {
  href: string;
  label: string;
  action?: Action;
}

export const NAV_ITEMS: NavItem[] = [
  { href: "/", label: "Overview" },
  { href: "/status", label: "Status" },
  { href: "/review", label: "Review" },
  { href: "/compare", label: "Compare" },
  { href: "/packs", label: "Packs" },
  { href: "/annotations", label: "Annotations" },
  { href: "/delivery", label: "Delivery" },
  { href: "/retention", label: "Retention" },
  { href: "/surveys", label: "Surveys" },
  { href: "/skills", label: "Skills" },
  { href: "/experiments", label: "Experiments" },
  { href: "/my-teams", label: "My teams", action: "enterData" },
  { href: "/missing-data", label: "Missing data", action: "viewMissingData" },
  { href: "/import", label: "Import", action: "enterData" },
  { href: "/admin", label: "Admin", action: "admin" },
];

/** Items the user may see, given a permission check (the server's `can`, bound to the user). */
export function visibleNavItems(items: readonly NavItem[], allowed: (action: Action) => boolean): NavItem[] {
  return items.filter((item) => !item.action || allowed(item.action));
}

/** "/" matches only itself; other items also own their sub-pages (/teams/alpha is under /teams). */
export function isActiveHref(href: string, pathname: string): boolean {
  if (href === "/") return pathname === "/";
  return pathname === href || pathname.startsWith(`${href}/`);
}
