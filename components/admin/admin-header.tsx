import Link from "next/link";
import type { ReactNode } from "react";

/** Title block for an admin section, with a way back to the admin home. */
export function AdminHeader({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="mb-6">
      <nav aria-label="Breadcrumb" className="text-sm">
        <Link href="/admin" className="text-blue-700 hover:underline">
          Admin
        </Link>
      </nav>
      <h1 className="mt-1 text-2xl font-semibold tracking-tight text-slate-900">{title}</h1>
      {children && <div className="mt-1 max-w-prose text-sm text-slate-700">{children}</div>}
    </div>
  );
}
