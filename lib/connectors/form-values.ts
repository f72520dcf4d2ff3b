/**
 * A connector's provider options as Admin → Connectors shows and reads them: a list one value per line, a
 * mapping one `from=to` per line, a boolean a checkbox. The options schema (lib/validation/connectors.ts) splits
 * the text, so the form sends what a person typed and the server's messages name the same fields.
 */
import type { ConnectorField, ProviderInfo } from "./providers";

/** The input name of a provider field: its path in the request, as validation issues name it. */
export const optionInputName = (field: ConnectorField) => `options.${field.key}`;

/** A stored option as its input's text. */
export function optionText(field: ConnectorField, value: unknown): string {
  if (value === undefined || value === null) return "";
  if (Array.isArray(value)) return value.join("\n");
  if (typeof value === "object") return Object.entries(value as Record<string, unknown>).map(([from, to]) => `${from}=${String(to)}`).join("\n");
  return field.kind === "boolean" ? "" : String(value);
}

/** The options a form holds; an empty field is left out, so the provider's default applies (e.g. `production`). */
export function optionsFromForm(fields: readonly ConnectorField[], form: FormData): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const field of fields) {
    const raw = form.get(optionInputName(field));
    if (field.kind === "boolean") out[field.key] = raw === "on";
    else if (typeof raw === "string" && raw.trim() !== "") out[field.key] = raw;
  }
  return out;
}

/** The first message for each field path (`name`, `options.repos`), for errors beside the inputs. */
export function messagesByPath(issues: readonly { path: string | readonly PropertyKey[]; message: string }[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of issues) {
    const path = typeof issue.path === "string" ? issue.path : issue.path.map(String).join(".");
    out[path] ??= issue.message;
  }
  return out;
}

/** One line naming what a connector reads: "Repositories: acme/api, acme/web · Releases as deployments". */
export function optionsSummary(info: ProviderInfo, options: Record<string, unknown>): string {
  const parts: string[] = [];
  for (const field of info.fields) {
    const value = options[field.key];
    if (field.kind === "boolean") {
      if (value === true) parts.push(field.label);
      continue;
    }
    const text = optionText(field, value).split("\n").filter(Boolean).join(", ");
    if (text) parts.push(`${field.label}: ${text}`);
  }
  return parts.join(" · ");
}
