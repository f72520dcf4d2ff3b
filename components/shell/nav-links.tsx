"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { isActiveHref, type NavItem } from "./nav";

/** Primary navigation; wraps onto its own row on phones rather than hiding behind a menu button. */
export function NavLinks({ items }: { items: Pick<NavItem, "href" | "label">[] }) {
  const pathname = usePathname();
  return (
    <nav aria-label="Main" className="w-full md:w-auto">
      <ul className="flex flex-wrap gap-1">
        {items.map((item) => {
          const active = isActiveHref(item.href, pathname);
          return (
            <li key={item.href}>
              <Link
                href={item.href}
                aria-current={active ? "page" : undefined}
                className={`block rounded-md px-3 py-1.5 text-sm font-medium transition-colors ${
                  active ? "bg-blue-50 text-blue-800" : "text-slate-700 hover:bg-slate-100 hover:text-slate-900"
                }`}
              >
                {item.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
