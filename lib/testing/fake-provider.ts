import http from "node:http";
import type { AddressInfo } from "node:net";

/**
 * The plumbing of the providers' fake servers (fake-pagerduty.ts, fake-gitlab.ts): a real HTTP server on a free
 * local port that refuses requests without the expected credentials, answers JSON with the provider's headers,
 * and misbehaves as a real API does when told to: a 429 with a short Retry-After, a 502, or a lasting outage of
 * the calls matching a pattern (a sync failing midway).
 */
export interface FakeResponse {
  status?: number;
  body: unknown;
  headers?: Record<string, string>;
}

export interface FakeProvider {
  url: string;
  /** Every request's path and query, in order (what the connector asked for). */
  requests: string[];
  /** The statuses failOnce has answered so far. */
  faultsServed: number[];
  /** The next request matching each pattern is answered with this status (429 with Retry-After: 1). */
  failOnce(pattern: RegExp, status: 429 | 502): void;
  /** Runs `change` before answering the `nth` request matching the pattern (data changing while a sync reads). */
  onRequest(pattern: RegExp, nth: number, change: () => void): void;
  /** Every request matching the pattern is answered 500 until `restore()`. */
  breakCalls(pattern: RegExp): void;
  restore(): void;
  close(): Promise<void>;
}

export interface FakeProviderOptions {
  /** Whether the request carries the right credentials; a refusal answers 401 with `unauthorized`. */
  authorized(headers: http.IncomingHttpHeaders): boolean;
  unauthorized: unknown;
  /** The answer to an authorised request; null → 404. */
  route(url: URL): FakeResponse | null;
}

export async function startFakeProvider(options: FakeProviderOptions): Promise<FakeProvider> {
  const requests: string[] = [];
  const faultsServed: number[] = [];
  const once: { pattern: RegExp; status: number }[] = [];
  let broken: RegExp | null = null;
  const changes: { pattern: RegExp; left: number; change: () => void }[] = [];

  const send = (res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
    res.writeHead(status, { "content-type": "application/json", ...headers });
    res.end(JSON.stringify(body));
  };

  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://fake");
    const target = `${url.pathname}${url.search}`;
    requests.push(target);
    if (!options.authorized(req.headers)) return send(res, 401, options.unauthorized);
    const fault = once.findIndex((f) => f.pattern.test(target));
    if (fault >= 0) {
      const { status } = once.splice(fault, 1)[0]!;
      faultsServed.push(status);
      if (status === 429) return send(res, 429, { error: "rate limited" }, { "retry-after": "1", "ratelimit-reset": "1" });
      res.writeHead(status, { "content-type": "text/html" });
      return res.end("<html><body>502 Bad Gateway</body></html>");
    }
    if (broken?.test(target)) return send(res, 500, { error: "internal error" });
    for (const c of changes) if (c.pattern.test(target) && --c.left === 0) c.change();
    const answer = options.route(url);
    if (!answer) return send(res, 404, { message: "404 Not Found" });
    send(res, answer.status ?? 200, answer.body, answer.headers);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    faultsServed,
    failOnce: (pattern, status) => once.push({ pattern, status }),
    onRequest: (pattern, nth, change) => changes.push({ pattern, left: nth, change }),
    breakCalls: (pattern) => {
      broken = pattern;
    },
    restore: () => {
      broken = null;
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** One page of `items` (1-based `page`, `perPage` each) and whether more follow. */
export function pageOf<T>(items: readonly T[], page: number, perPage: number): { items: T[]; more: boolean; totalPages: number } {
  const start = (page - 1) * perPage;
  return { items: items.slice(start, start + perPage), more: start + perPage < items.length, totalPages: Math.max(1, Math.ceil(items.length / perPage)) };
}
