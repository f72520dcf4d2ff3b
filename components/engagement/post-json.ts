import { fetchJson } from "@/lib/client/api";

/** POST JSON to one of our route handlers; the server's message comes back in the error. */
export function postJson<T>(url: string, body?: unknown): Promise<T> {
  return fetchJson<T>(url, { method: "POST", headers: { "Content-Type": "application/json" }, body: body === undefined ? undefined : JSON.stringify(body) });
}
