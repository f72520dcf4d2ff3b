/** Fetching JSON from the app's own API, with the server's error message kept for the UI. */

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = "ApiError";
  }
}

interface ErrorBody {
  error?: unknown;
  message?: unknown;
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

export async function fetchJson<T>(url: string, init?: RequestInit): Promise<T> {
  const response = await fetch(url, { ...init, headers: { Accept: "application/json", ...init?.headers } });
  if (!response.ok) {
    const body = await readErrorBody(response);
    const message = typeof body.message === "string" && body.message ? body.message : fallbackMessage(response.status);
    const code = typeof body.error === "string" ? body.error : "http_error";
    throw new ApiError(response.status, code, message);
  }
  return (await response.json()) as T;
}

/** Client errors (4xx) will not go away by asking again; network and server errors might. */
export function isRetryable(error: unknown): boolean {
  return !(error instanceof ApiError && error.status >= 400 && error.status < 500);
}
