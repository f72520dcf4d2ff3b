/** A JSON write to the app's API that keeps field issues and details for the form to show beside inputs. */
export interface SendResult<T> {
  ok: boolean;
  status: number;
  data?: T;
  message?: string;
  fieldErrors: Record<string, string>;
  details?: unknown;
}

export async function sendJson<T>(url: string, method: "POST" | "PATCH" | "DELETE", body?: unknown): Promise<SendResult<T>> {
  try {
    const response = await fetch(url, {
      method,
      headers: { Accept: "application/json", ...(body === undefined ? {} : { "Content-Type": "application/json" }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const json = (await response.json().catch(() => ({}))) as { message?: string; issues?: { path: string; message: string }[]; details?: unknown };
    const fieldErrors: Record<string, string> = {};
    const issues = json.issues ?? (json.details as { issues?: { path: string; message: string }[] } | undefined)?.issues ?? [];
    for (const i of issues) fieldErrors[i.path.split(".")[0]] ??= i.message;
    if (response.ok) return { ok: true, status: response.status, data: json as T, fieldErrors };
    return { ok: false, status: response.status, message: json.message ?? `The request failed (HTTP ${response.status}).`, fieldErrors, details: json.details };
  } catch {
    return { ok: false, status: 0, message: "The server could not be reached. Try again.", fieldErrors: {} };
  }
}
