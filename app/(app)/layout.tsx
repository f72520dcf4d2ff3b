import type { ReactNode } from "react";
import { FormatProvider } from "@/components/format/format-context";
import { Providers } from "@/components/providers";
import { AppHeader } from "@/components/shell/app-header";
import { NAV_ITEMS, visibleNavItems } from "@/components/shell/nav";
import { getCurrentUser } from "@/lib/server/auth/current-user";
import { getOrgSettings } from "@/lib/server/data/org";
import { can } from "@/lib/server/permissions";

/**
 * The signed-in shell. Not access control: every page calls requirePageUser itself. Without a user the
 * shell stays bare and the page's own check redirects to sign-in.
 */
export default async function AppLayout({ children }: { children: ReactNode }) {
  const user = await getCurrentUser();
  const items = user ? visibleNavItems(NAV_ITEMS, (action) => can(user, action)) : [];
  // Currency and time zone shape every number and date on every page (presentation.md rule 5).
  const settings = user ? await getOrgSettings() : null;
  const format = { currency: settings?.currency ?? "USD", timeZone: settings?.timeZone ?? "UTC", orgName: settings?.name ?? "" };
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
        <FormatProvider settings={format}>
          <main id="main" tabIndex={-1} className="mx-auto max-w-screen-2xl px-4 py-6 sm:px-6">
            {children}
          </main>
        </FormatProvider>
      </Providers>
    </>
  );
}
