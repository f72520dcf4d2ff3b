import { formatMinutes } from "@/components/charts/shape";

/** Display helpers for the delivery page: empty values read as an em dash, never as 0. */
export const EMPTY = "—";

export const minutes = (v: number | null | undefined) => (v === null || v === undefined ? EMPTY : formatMinutes(v));

export const percent = (fraction: number | null | undefined) =>
  fraction === null || fraction === undefined ? EMPTY : `${(Math.round(fraction * 1000) / 10).toLocaleString("en-GB")}%`;

export const days = (v: number | null | undefined) => (v === null || v === undefined ? EMPTY : `${(Math.round(v * 10) / 10).toLocaleString("en-GB")}d`);

export const dateTime = (iso: string | null | undefined) =>
  iso ? new Date(iso).toLocaleString("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" }) + " UTC" : EMPTY;

export const CLUSTER_LABEL: Record<string, string> = { elite: "Elite", high: "High", medium: "Medium", low: "Low" };
