import type { ReactNode } from "react";

/** Full-page message for sign-in-independent states (not found, denied, errors). */
export function StatusPage({ code, title, children }: { code: string; title: string; children: ReactNode }) {
  return (
    <main id="main" className="grid min-h-dvh place-items-center px-4 py-16">
      <div className="max-w-md text-center text-sm leading-relaxed text-slate-700">
        <p className="text-sm font-semibold text-blue-700">{code}</p>
        <h1 className="mt-2 text-2xl font-semibold tracking-tight text-slate-900">{title}</h1>
        <div className="mt-3">{children}</div>
      </div>
    </main>
  );
}
