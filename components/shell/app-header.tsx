import Link from "next/link";
import type { Role } from "@/lib/server/auth/session-user";
import type { NavItem } from "./nav";
import { NavLinks } from "./nav-links";
import { signOutAction } from "./sign-out-action";

const ROLE_LABELS: Record<Role, string> = { ADMIN: "Admin", LEADER: "Leader", MANAGER: "Manager", VIEWER: "Viewer" };

interface AppHeaderProps {
  user: { name: string; email: string; role: Role } | null;
  items: NavItem[];
}

export function AppHeader({ user, items }: AppHeaderProps) {
  return (
    <header className="border-b border-slate-200 bg-white">
      <div className="mx-auto flex max-w-screen-2xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3 sm:px-6">
        <Link href="/" className="flex items-center gap-2 rounded-md text-lg font-semibold tracking-tight text-slate-900">
          <span aria-hidden="true" className="grid h-7 w-7 place-items-center rounded-md bg-blue-700 text-sm font-bold text-white">
            P
          </span>
          Pillars
        </Link>
        <div className="order-last md:order-none md:flex-1">
          <NavLinks items={items.map(({ href, label }) => ({ href, label }))} />
        </div>
        {user && (
          <div className="ml-auto flex items-center gap-3">
            <Link href="/account" className="rounded-md text-right text-sm leading-tight hover:underline" title={`${user.email}: your account`}>
              <span className="block font-medium text-slate-900">{user.name}</span>
              <span className="block text-xs text-slate-600">{ROLE_LABELS[user.role]}</span>
            </Link>
            <form action={signOutAction}>
              <button
                type="submit"
                className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-700 hover:bg-slate-50 hover:text-slate-900"
              >
                Sign out
              </button>
            </form>
          </div>
        )}
      </div>
    </header>
  );
}
