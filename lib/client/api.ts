/**
 * The one way the browser talks to the app's own API. Reads go through `fetchJson`, writes through
 * `sendJson`; both throw `ApiError` on failure, carrying what the route wrapper answers
 * (`{ error: code, message, issues?: [{ path, message }], details? }`) so a form can show the message and
 * mark the fields it names.
 */

export interface FieldIssue {
  path: string;
  message: string;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly issues: FieldIssue[] = [],
    readonly details?: unknown,
    /** The whole parsed answer, for the few routes whose refusal is itself a result (a roster preview listing problems). */
    readonly answer?: unknown,
  ) {
    super(message);
    this.name = "ApiError";
  }

  /** The first issue for each top-level field (`teamIds.0` marks `teamIds`), for messages beside inputs. */
  get fieldErrors(): Record<string, string> {
    const byField: Record<string, string> = {};
    for (const issue of this.issues) byField[issue.path.split(".")[0]] ??= issue.message;
    return byField;
  }
}

interface ErrorBody {
  error?: unknown;
  message?: unknown;
  issues?: unknown;
  details?: unknown;
}

async function readErrorBody(response: Response): Promise<ErrorBody> {
  try {
    const body: unknown = await response.json();
    return body && typeof body === "object" ? (body as ErrorBody) : {};
  } catch {
    // A proxy or a crash may answer with HTML or nothing; the status alone must then explain it.
    return {};
  }
}

function fallbackMessage(status: number): string {
  if (status === 401) return "Your session has ended. Sign in again.";
  if (status === 403) return "You do not have access to this.";
  if (status >= 500) return "The server could not answer. Try again shortly.";
  return `The request failed (HTTP ${status}).`;
}

function isIssue(value: unknown): value is FieldIssue {
  return !!value && typeof value === "object" && typeof (value as FieldIssue).path === "string" && typeof (value as FieldIssue).message === "string";
}

/** Validation issues sit at the top level (zod failures) or inside `details` (rules a service checks). */
function issuesOf(body: ErrorBody): FieldIssue[] {
  const list = Array.isArray(body.issues) ? body.issues : (body.details as { issues?: unknown } | undefined)?.issues;
  return Array.isArray(list) ? list.filter(isIssue) : [];
}

/** The failure as an `ApiError`: the server's message when it sent one, otherwise one that explains the status. */
export async function apiErrorOf(response: Response): Promise<ApiError> {
  const body = await readErrorBody(response);
  const message = typeof body.message === "string" && body.message ? body.message : fallbackMessage(response.status);
  const code = typeof body.error === "string" ? body.error : "http_error";
  return new ApiError(response.status, code, message, issuesOf(body), body.details, body);
}

export async function fetchJson<T>(url: string, init?: RequestInit): Promise<T> {
  const response = await fetch(url, { ...init, headers: { Accept: "application/json", ...init?.headers } });
  if (!response.ok) throw await apiErrorOf(response);
  return (await response.json()) as T;
}

export type WriteMethod = "POST" | "PUT" | "PATCH" | "DELETE";

/**
 * A JSON write (or a bodiless POST/DELETE) to the app's API. Resolves to the parsed answer (an empty object
 * when there is none); throws `ApiError`, with status 0 and code `network` when the server was not reached.
 */
export async function sendJson<T = unknown>(url: string, method: WriteMethod, body?: unknown): Promise<T> {
  let response: Response;
  try {
    response = await fetch(url, {
      method,
      headers: { Accept: "application/json", ...(body === undefined ? {} : { "Content-Type": "application/json" }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, "network", "The server could not be reached. Try again.");
  }
  if (!response.ok) throw await apiErrorOf(response);
  return (await response.json().catch(() => ({}))) as T;
}

/** Client errors (4xx) will not go away by asking again; network and server errors might. */
export function isRetryable(error: unknown): boolean {
  return !(error instanceof ApiError && error.status >= 400 && error.status < 500);
}
