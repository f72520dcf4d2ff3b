/**
 * How plain numbers, percentages, money and eNPS read everywhere (presentation.md rule 5). Pure: the
 * same text on the server, in every browser and in tests, whatever the reader's own locale.
 */

/** One fixed locale keeps digits and separators identical everywhere ("1,670", "£15.1K"). */
export const LOCALE = "en-US";

/** Typographic minus: "−36" reads as a sign, "-36" as a hyphen. */
export const MINUS = "\u2212";

export const EMPTY_TEXT = "—";

const cache = new Map<string, Intl.NumberFormat>();
function numberFormat(options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = JSON.stringify(options);
  let f = cache.get(key);
  if (!f) {
    f = new Intl.NumberFormat(LOCALE, options);
    cache.set(key, f);
  }
  return f;
}

/** Intl's hyphen-minus becomes the minus sign; a value that rounds to zero loses its sign ("−0" → "0"). */
function signed(text: string): string {
  const unsigned = text.replace(/^[-+]/, "");
  if (/^[^1-9]*$/.test(unsigned)) return unsigned;
  return text.replace(/^-/, MINUS);
}

/** A number with thousands separators and at most `maxDigits` decimals: "1,670", "3.4". */
export function formatNumber(value: number, maxDigits = 0): string {
  return signed(numberFormat({ maximumFractionDigits: maxDigits }).format(value));
}

/** Exactly `digits` decimals, with separators: "5.57", "12.0". */
export function formatFixed(value: number, digits: number): string {
  return signed(numberFormat({ minimumFractionDigits: digits, maximumFractionDigits: digits }).format(value));
}

/** Counts: whole when large, one decimal when small and fractional (a mean of 3.4 deploy-days). */
export function formatCount(value: number): string {
  return formatNumber(value, Math.abs(value) < 100 ? 1 : 0);
}

/**
 * A whole number of things, with the noun agreeing: "1 team", "12 teams", "1,204 values". `plural` for nouns that
 * do not just add an "s" ("1 person", "3 people").
 */
export function formatQuantity(count: number, singular: string, plural = `${singular}s`): string {
  return `${formatNumber(count)} ${count === 1 ? singular : plural}`;
}

/** Percentages and rates: one fixed decimal, so a column of them lines up ("8.0%", "45.5%"). */
export function formatPercent(value: number): string {
  return `${formatFixed(value, 1)}%`;
}

/** eNPS is an integer from −100 to +100 and always carries its sign: "+31", "−36", "0". */
export function formatEnps(value: number): string {
  return formatSigned(Math.round(value), 0);
}

/** A signed number: "+2.5", "−0.4", "0". */
export function formatSigned(value: number, maxDigits: number): string {
  return signed(numberFormat({ maximumFractionDigits: maxDigits, signDisplay: "exceptZero" }).format(value));
}

/** Amounts at or above this are shown compact ("£15.1K"); below it in full ("£9,500"). */
export const COMPACT_MONEY_FROM = 10_000;

/** Money in the organisation's currency: whole units below 10,000, three significant digits above. */
export function formatMoney(value: number, currency: string): string {
  const compact = Math.abs(value) >= COMPACT_MONEY_FROM;
  const options: Intl.NumberFormatOptions = compact
    ? { style: "currency", currency, notation: "compact", maximumSignificantDigits: 3 }
    : { style: "currency", currency, maximumFractionDigits: 0, minimumFractionDigits: 0 };
  return signed(numberFormat(options).format(value));
}

/** The symbol the currency is written with ("£", "€", "$", "CA$"), for field labels. */
export function currencySymbol(currency: string): string {
  const part = numberFormat({ style: "currency", currency }).formatToParts(0).find((p) => p.type === "currency");
  return part?.value ?? currency;
}

/** An absent value reads as an em dash, never as 0. */
export function orEmpty<T>(value: T | null | undefined, format: (value: T) => string): string {
  return value === null || value === undefined ? EMPTY_TEXT : format(value);
}
