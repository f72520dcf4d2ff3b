import "server-only";

/** Errors a service can throw; the route wrapper and pages map them to responses. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = "HttpError";
  }
}

export const unauthorized = (message = "Sign in or send a valid API token.") => new HttpError(401, "unauthorized", message);
export const forbidden = (message = "You do not have access to this.") => new HttpError(403, "forbidden", message);
export const notFound = (what = "Resource") => new HttpError(404, "not_found", `${what} not found.`);
export const conflict = (message: string, details?: unknown) => new HttpError(409, "conflict", message, details);
export const badRequest = (message: string, details?: unknown) => new HttpError(400, "invalid", message, details);
export const tooMany = (message: string, retryAfterSeconds: number) =>
  new HttpError(429, "too_many_requests", message, { retryAfterSeconds });

/** True when the error means the database cannot be reached (server down, connection refused). */
export function isDatabaseUnavailable(error: unknown): boolean {
  const text = `${(error as { code?: string })?.code ?? ""} ${(error as Error)?.message ?? ""}`;
  return /ECONNREFUSED|ECONNRESET|ETIMEDOUT|ENOTFOUND|P1001|P1002|P1017|Can't reach database|Connection terminated|DatabaseNotReachable|the database system is (starting up|shutting down)|terminating connection/i.test(text);
}
