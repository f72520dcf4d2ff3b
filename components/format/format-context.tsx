"use client";

import { createContext, useContext, useMemo, type ReactNode } from "react";
import { formatDate, formatDateRange, formatDateTime, formatValue, valueStyle, type FormatSettings } from "@/lib/format";

/** The organisation's settings that change how numbers and dates read (currency, time zone), and its name. */
export interface OrgFormat extends FormatSettings {
  orgName: string;
}

/** Outside a provider (tests, public pages) nothing is known of the organisation: UTC and US dollars. */
const FALLBACK: OrgFormat = { currency: "USD", timeZone: "UTC", orgName: "" };

const FormatContext = createContext<OrgFormat>(FALLBACK);

/** Set once by the signed-in shell from the organisation's settings, so every page formats alike. */
export function FormatProvider({ settings, children }: { settings: OrgFormat; children: ReactNode }) {
  const value = useMemo(() => settings, [settings.currency, settings.timeZone, settings.orgName]); // eslint-disable-line react-hooks/exhaustive-deps
  return <FormatContext.Provider value={value}>{children}</FormatContext.Provider>;
}

export interface Formatters extends OrgFormat {
  /** A metric's value as the card, tooltip and slide show it. */
  metric: (metric: { key: string; unit: string }, value: number) => string;
  date: (value: string | Date) => string;
  dateTime: (value: string | Date) => string;
  dateRange: (from: string | Date, to: string | Date) => string;
}

export function useFormat(): Formatters {
  const settings = useContext(FormatContext);
  return useMemo(
    () => ({
      ...settings,
      metric: (metric, value) => formatValue(value, valueStyle(metric), settings),
      date: (value) => formatDate(value, settings.timeZone),
      dateTime: (value) => formatDateTime(value, settings.timeZone),
      dateRange: (from, to) => formatDateRange(from, to, settings.timeZone),
    }),
    [settings],
  );
}
