"use client";

import "./print.css";
import Link from "next/link";
import { useState } from "react";
import type { PackDetail } from "@/lib/review/pack-types";
import { useFormat } from "@/components/format/format-context";
import { ActionList } from "./action-list";
import { PrintHeader } from "./print-header";
import { PackSlideCard } from "./pack-slide-card";

const BUTTON = "rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-800 hover:bg-slate-50";

export function PackView({ pack, shareToken }: { pack: PackDetail; shareToken: string | null }) {
  const [copied, setCopied] = useState(false);
  const f = useFormat();
  const copyLink = async () => {
    if (!shareToken) return;
    await navigator.clipboard?.writeText(`${window.location.origin}/packs/${shareToken}`).catch(() => undefined);
    setCopied(true);
  };
  return (
    <div className="space-y-8">
      <PrintHeader title="Meeting pack" scope={pack.title} period={`meeting of ${f.date(pack.date)}`} />
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <p className="text-sm text-slate-600 print:hidden"><Link href="/packs" className="text-blue-700 hover:text-blue-900">Meeting packs</Link></p>
          <h1 className="text-2xl font-semibold tracking-tight text-slate-900">{pack.title}</h1>
          <p className="text-sm text-slate-600">
            Meeting of {f.date(pack.date)}
            {pack.createdBy && ` · prepared by ${pack.createdBy}`} · {pack.slides.length} {pack.slides.length === 1 ? "chart" : "charts"}, numbers frozen when saved
          </p>
        </div>
        <div className="flex flex-wrap gap-2" data-print-hidden>
          <Link href={`/present?pack=${pack.id}`} className="rounded-md bg-blue-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-blue-800">Present</Link>
          <a href={`/api/v1/packs/${encodeURIComponent(pack.id)}/pdf`} download className={BUTTON} data-testid="pack-pdf">Download PDF</a>
          <button type="button" className={BUTTON} onClick={() => window.print()}>Print</button>
          {shareToken && (
            <button type="button" className={BUTTON} onClick={() => void copyLink()}>
              {copied ? "Link copied" : "Copy read-only link"}
            </button>
          )}
        </div>
      </div>
      {shareToken && copied && (
        <p role="status" className="text-sm text-slate-700 print:hidden">
          Anyone signed in can open <code className="rounded bg-slate-100 px-1">/packs/{shareToken}</code> to read this pack.
        </p>
      )}
      {pack.previous && (
        <section aria-labelledby="previous-actions" className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm" data-print-card>
          <h2 id="previous-actions" className="text-base font-semibold text-slate-900">Actions from last time</h2>
          <p className="mb-2 text-xs text-slate-600">
            From <Link href={`/packs/${pack.previous.id}`} className="text-blue-700 hover:text-blue-900">{pack.previous.title}</Link> ({f.date(pack.previous.date)})
          </p>
          <ActionList packId={pack.previous.id} actions={pack.previous.actions} canEdit={pack.canEdit} label="Actions from the previous pack" />
        </section>
      )}
      <div className="space-y-6">
        {pack.slides.map((slide, i) => (
          <PackSlideCard key={`${slide.metricKey}-${slide.scope}-${i}`} slide={slide} index={i} />
        ))}
      </div>
      <section aria-labelledby="pack-actions" className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm" data-print-card>
        <h2 id="pack-actions" className="mb-2 text-base font-semibold text-slate-900">Actions</h2>
        <ActionList packId={pack.id} actions={pack.actions} canEdit={pack.canEdit} label="Actions agreed in this meeting" />
      </section>
    </div>
  );
}
