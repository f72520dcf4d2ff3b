import type { Metadata } from "next";
import { connection } from "next/server";
import { NotificationForm } from "@/components/account/notification-form";
import { PasswordChangeForm } from "@/components/account/password-change-form";
import { getOrgSettings } from "@/lib/server/data/org";
import { getNotificationChoices } from "@/lib/server/services/notifications/preferences";
import { requirePageUser } from "@/lib/server/page-auth";
import { hasPassword } from "@/lib/server/services/users";

export const metadata: Metadata = { title: "Your account" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function AccountPage({ searchParams }: { searchParams: SearchParams }) {
  await connection();
  const user = await requirePageUser("read", "/account");
  const changed = (await searchParams).changed === "1";
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold text-slate-900">Your account</h1>
        <p className="text-sm text-slate-600">
          {user.name} · {user.email}
        </p>
      </div>
      <section aria-labelledby="password-heading" className="space-y-3">
        <h2 id="password-heading" className="text-lg font-semibold text-slate-900">
          Password
        </h2>
        {changed && (
          <p role="status" className="rounded-md border border-green-200 bg-green-50 px-3 py-2 text-sm text-green-900">
            Your password was changed. Every other session of yours was signed out.
          </p>
        )}
        {(await hasPassword(user.id)) ? (
          <>
            <p className="text-sm text-slate-700">Changing it signs you out everywhere else.</p>
            <PasswordChangeForm />
          </>
        ) : (
          <p className="text-sm text-slate-700">You sign in with single sign-on, so there is no password to change here.</p>
        )}
      </section>
      <section aria-labelledby="notifications-heading" className="space-y-3">
        <h2 id="notifications-heading" className="text-lg font-semibold text-slate-900">
          Weekly digest and alerts
        </h2>
        <NotificationForm choices={await getNotificationChoices(user)} schedule={digestSchedule(await getOrgSettings())} />
      </section>
    </div>
  );
}

const WEEKDAYS = ["Mondays", "Tuesdays", "Wednesdays", "Thursdays", "Fridays", "Saturdays", "Sundays"];

function digestSchedule(settings: { digestWeekday: number; digestHour: number; timeZone: string }): string {
  return `${WEEKDAYS[settings.digestWeekday - 1]} at ${String(settings.digestHour).padStart(2, "0")}:00 (${settings.timeZone})`;
}
