"use client";

import { useState } from "react";
import type { PngSource } from "@/components/charts/export-png";
import { useFormat } from "@/components/format/format-context";

export interface ExportDetails {
  /** The scope's name: the organisation, a group or a team. */
  scope: string;
  /** The dashboard filter in words, e.g. "Location: Berlin", or null. */
  filters?: string | null;
  /** The period the chart covers, e.g. "6 months: 8 Jun – 30 Nov 2026, by week". */
  period: string;
}

/** The caption lines of an exported picture: scope and filters, then the period (the unit is appended). */
export function detailLines(details: ExportDetails): string[] {
  return [`${details.scope}${details.filters ? ` · ${details.filters}` : ""}`, details.period];
}

/**
 * Downloads a chart as a 1600 px wide PNG with its title, scope, filters, period, unit, legend, marker key
 * and the organisation's name — drawn again offscreen at that size, not copied from the small canvas.
 */
export function ExportPngButton({ fileName, label, source }: { fileName: string; label: string; source: () => PngSource }) {
  const format = useFormat();
  const [failed, setFailed] = useState<string | null>(null);
  const exportPng = async () => {
    setFailed(null);
    try {
      // Loaded on demand: the drawing code is not needed until someone asks for a picture.
      const { chartPng } = await import("@/components/charts/export-png");
      const settings = { currency: format.currency, timeZone: format.timeZone };
      const blob = await chartPng(source(), { orgName: format.orgName, settings }, new Date());
      const link = document.createElement("a");
      link.href = URL.createObjectURL(blob);
      link.download = `${fileName.replace(/[^\w.-]+/g, "-")}.png`;
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
    } catch (error) {
      setFailed(error instanceof Error ? error.message : "The picture could not be made.");
    }
  };
  return (
    <>
      <button
        type="button"
        onClick={() => void exportPng()}
        className="rounded px-1.5 py-0.5 text-xs font-medium text-blue-700 hover:bg-blue-50 hover:text-blue-900 print:hidden"
        aria-label={`Download the ${label} chart as PNG`}
      >
        PNG
      </button>
      {failed && <span role="alert" className="text-xs text-red-700">{failed}</span>}
    </>
  );
}
