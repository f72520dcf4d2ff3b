import "server-only";

/**
 * Provider calls wait out rate limits and retry server errors: 429 (and 403 with an exhausted rate limit)
 * waits as long as `Retry-After` (seconds or an HTTP date) or `X-RateLimit-Reset` / `RateLimit-Reset` (epoch
 * seconds) say, at most MAX_WAIT_MS; 5xx and network failures retry with back-off. After MAX_ATTEMPTS the error
 * stands, and the sync fails with the provider's status in its message (never the token).
 */
const MAX_ATTEMPTS = 5;
const MAX_WAIT_MS = 15 * 60_000;

export class ProviderError extends Error {
  constructor(
    message: string,
    readonly status: number | null,
  ) {
    super(message);
    this.name = "ProviderError";
  }
}

/** How long a response asks to wait before the next call, in ms; null when it does not say. */
export function waitFromHeaders(headers: Headers, now: number): number | null {
  const retryAfter = headers.get("retry-after");
  if (retryAfter) {
    const seconds = Number(retryAfter);
    if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
    const at = Date.parse(retryAfter);
    if (!Number.isNaN(at)) return Math.max(0, at - now);
  }
  const reset = headers.get("x-ratelimit-reset") ?? headers.get("ratelimit-reset");
  if (reset && Number.isFinite(Number(reset))) {
    const value = Number(reset);
    // Epoch seconds (GitHub, GitLab) or, when small, seconds from now (the IETF draft header).
    return Math.max(0, value > 1e9 ? value * 1000 - now : value * 1000);
  }
  return null;
}

const rateLimited = (response: Response) =>
  response.status === 429 || (response.status === 403 && (response.headers.get("x-ratelimit-remaining") === "0" || response.headers.has("retry-after")));

/** A `fetch` that waits out rate limits and retries 5xx and network errors; other responses are returned as they are. */
export function retryingFetch(sleep: (ms: number) => Promise<void>, base: typeof fetch = fetch): typeof fetch {
  return async (input, init) => {
    for (let attempt = 1; ; attempt++) {
      let response: Response;
      try {
        response = await base(input, init);
      } catch (error) {
        if (attempt >= MAX_ATTEMPTS) throw new ProviderError(`could not reach ${hostOf(input)}: ${error instanceof Error ? error.message : String(error)}`, null);
        await sleep(backoff(attempt));
        continue;
      }
      const retry = rateLimited(response) || response.status >= 500;
      if (!retry || attempt >= MAX_ATTEMPTS) return response;
      const wait = rateLimited(response) ? (waitFromHeaders(response.headers, Date.now()) ?? backoff(attempt)) : backoff(attempt);
      await discardBody(response);
      await sleep(Math.min(wait, MAX_WAIT_MS));
    }
  };
}

/**
 * Reads an unwanted body to its end so the connection is free again. Not `body.cancel()`: inside the app server
 * Next.js hands out one branch of a tee'd body, and cancelling one branch settles only when the other is
 * cancelled too — it never is, so the sync hung on the first rate limit or error answer. Such bodies are small.
 */
async function discardBody(response: Response): Promise<void> {
  await response.arrayBuffer().catch(() => {});
}

const backoff = (attempt: number) => Math.min(1000 * 2 ** (attempt - 1), 30_000);

function hostOf(input: Parameters<typeof fetch>[0]): string {
  try {
    return new URL(typeof input === "string" ? input : input instanceof URL ? input.href : input.url).host;
  } catch {
    return "the provider";
  }
}

/** The error of a call answered with a non-2xx `status`, naming the call and what the status usually means. */
export function statusError(what: string, status: number): ProviderError {
  const hint = status === 401 ? " (check the token)" : status === 403 ? " (the token lacks a permission)" : status === 404 ? " (not found, or not visible to the token)" : "";
  return new ProviderError(`${what}: HTTP ${status}${hint}`, status);
}

/** Throws a ProviderError naming the call when the response is not 2xx. */
export async function expectOk(response: Response, what: string): Promise<Response> {
  if (response.ok) return response;
  await discardBody(response);
  throw statusError(what, response.status);
}
