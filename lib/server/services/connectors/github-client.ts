import "server-only";
import { Octokit, RequestError } from "octokit";
import { ProviderError, retryingFetch, statusError } from "./retry";
import type { SyncContext } from "./types";

/**
 * The GitHub REST client of one sync: octokit against the connector's API address (`https://api.github.com`, or
 * `https://HOST/api/v3` for GitHub Enterprise Server), with the connectors' one wait-and-retry policy (retry.ts:
 * 429 and rate-limit 403 wait out Retry-After / X-RateLimit-Reset, 5xx retry with back-off). Octokit's own
 * throttling and retry plugins are off so the same responses are not retried twice over.
 */
export const PER_PAGE = 100;

/** `owner/repo` as the REST routes' parameters. */
export function repoParams(repo: string): { owner: string; repo: string } {
  const [owner, name] = repo.split("/") as [string, string];
  return { owner, repo: name };
}

export interface GithubClient {
  octokit: Octokit;
  /** Every page of a listing, following `Link: rel="next"`; errors name the listing and page. */
  pages(route: string, params: Record<string, unknown>, what: string): AsyncGenerator<unknown[]>;
  /** One call; errors name it. */
  get(route: string, params: Record<string, unknown>, what: string): Promise<unknown>;
}

function providerError(error: unknown, what: string): unknown {
  // Octokit reports a call that got no answer (retry.ts gave up on the network) as a RequestError with status 500.
  if (error instanceof RequestError && error.cause instanceof ProviderError) return new ProviderError(`GitHub: ${what}: ${error.cause.message}`, error.cause.status);
  if (error instanceof RequestError) return statusError(`GitHub: ${what}`, error.status);
  return error;
}

export function githubClient(ctx: Pick<SyncContext<"github">, "apiUrl" | "token" | "sleep">): GithubClient {
  const octokit = new Octokit({
    auth: ctx.token,
    baseUrl: ctx.apiUrl.replace(/\/+$/, ""),
    request: { fetch: retryingFetch(ctx.sleep) },
    throttle: { enabled: false },
    retry: { enabled: false },
    log: { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} },
  });
  return {
    octokit,
    async *pages(route, params, what) {
      let page = 0;
      const iterator = octokit.paginate.iterator(route, { per_page: PER_PAGE, ...params })[Symbol.asyncIterator]();
      for (;;) {
        page++;
        let next: IteratorResult<{ data: unknown }>;
        try {
          next = await iterator.next();
        } catch (error) {
          throw providerError(error, `${what}, page ${page}`);
        }
        if (next.done) return;
        yield Array.isArray(next.value.data) ? next.value.data : [];
      }
    },
    async get(route, params, what) {
      try {
        return (await octokit.request(route, params)).data;
      } catch (error) {
        throw providerError(error, what);
      }
    },
  };
}
