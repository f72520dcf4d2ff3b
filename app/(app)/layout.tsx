import type { ReactNode } from "react";
import { Providers } from "@/components/providers";
import { AppHeader } from "@/components/shell/app-header";
import { NAV_ITEMS, visibleNavItems } from "@/components/shell/nav";
import { getCurrentUser } from "@/lib/server/auth/current-user";
import { can } from "@/lib/server/permissions";

/**
 * The signed-in shell. Not access control: every page calls requirePageUser itself. Without a user the
 * shell stays bare and the page's own check redirects to sign-in.
 */
export default async function AppLayout({ children }: { children: ReactNode }) {
  const user = await getCurrentUser();
  const items = user ? visibleNavItems(NAV_ITEMS, (action) => can(user, action)) : [];
  return (
    <>
      <a
        href="#main"
        className="sr-only rounded-md bg-blue-700 font-medium text-white focus:not-sr-only focus:fixed focus:left-4 focus:top-4 focus:z-50 focus:px-4 focus:py-2 focus:shadow-lg"
      >
        Skip to content
      </a>
      <AppHeader user={user} items={items} />
      <Providers>
        <main id="main" tabIndex={-1} className="mx-auto max-w-screen-2xl px-4 py-6 sm:px-6">
          {children}
        </main>
      </Providers>
    </>
  );
}
