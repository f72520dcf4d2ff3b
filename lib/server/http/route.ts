import "server-only";
import { NextResponse, type NextRequest } from "next/server";
import { z, type ZodType } from "zod";
import { getCurrentUser } from "@/lib/server/auth/current-user";
import type { SessionUser } from "@/lib/server/auth/session-user";
import { requestHost } from "@/lib/server/auth/proxies";
import { hasBearer, verifyBearer, type TokenPrincipal, type TokenScope } from "@/lib/server/auth/tokens";
import { HttpError, forbidden, isDatabaseUnavailable, unauthorized } from "@/lib/server/errors";
import { assertCan, type Action } from "@/lib/server/permissions";
import { actorOf, type Actor } from "./actor";
import { issueSentence } from "@/lib/validation/issue-text";
import { readTextCapped } from "./body";

/**
 * The one wrapper every route handler goes through: authentication (session cookie or API token),
 * authorisation, validation of query and body, and the same JSON error shape everywhere:
 * `{ error: code, message, issues?: [{ path, message }] }`.
 */
type AuthMode = "session" | "token" | "any";

export interface RouteContext<Q, B, P> {
  request: NextRequest;
  user: SessionUser | null;
  token: TokenPrincipal | null;
  actor: Actor;
  query: Q;
  body: B;
  params: P;
}

interface RouteOptions<Q, B, P> {
  auth: AuthMode;
  /** Token scope required when the caller uses an API token. */
  scope?: TokenScope;
  /** Permission required when the caller is a signed-in user. */
  action?: Action;
  query?: ZodType<Q>;
  /**
   * Access checks that need the path (a run's teams, a record's owner) and must run before the body is read,
   * so a caller without access is refused without their upload being parsed.
   */
  authorize?: (ctx: Omit<RouteContext<Q, undefined, P>, "body">) => Promise<void>;
  body?: ZodType<B>;
  maxBodyBytes?: number;
  handler: (ctx: RouteContext<Q, B, P>) => Promise<unknown>;
}

const DEFAULT_MAX_BODY = 5 * 1024 * 1024;

export function issuesOf(error: z.ZodError): { path: string; message: string }[] {
  return error.issues.map((i) => ({ path: i.path.map(String).join("."), message: i.message }));
}

export function errorResponse(error: unknown): NextResponse {
  if (error instanceof HttpError) {
    const headers: Record<string, string> = {};
    const retry = (error.details as { retryAfterSeconds?: number } | undefined)?.retryAfterSeconds;
    if ((error.status === 429 || error.status === 503) && retry) headers["Retry-After"] = String(retry);
    return NextResponse.json({ error: error.code, message: error.message, ...(error.details ? { details: error.details } : {}) }, { status: error.status, headers });
  }
  if (error instanceof z.ZodError) {
    const issues = issuesOf(error);
    const first = error.issues[0];
    return NextResponse.json(
      { error: "invalid", message: first ? issueSentence({ path: first.path.map((p) => (typeof p === "symbol" ? String(p) : p)), message: first.message }) : "Invalid request.", issues },
      { status: 400 },
    );
  }
  if (isDatabaseUnavailable(error)) {
    return NextResponse.json({ error: "unavailable", message: "The database is not reachable. Try again shortly." }, { status: 503, headers: { "Retry-After": "5" } });
  }
  console.error("Unhandled error in route handler", error);
  return NextResponse.json({ error: "internal", message: "Something went wrong on our side. It has been logged." }, { status: 500 });
}

async function readBody(request: NextRequest, limit: number): Promise<unknown> {
  const text = await readTextCapped(request, limit);
  if (text.trim() === "") throw new HttpError(400, "invalid", "The request body is empty; send JSON.");
  try {
    return JSON.parse(text);
  } catch {
    throw new HttpError(400, "invalid", "The request body is not valid JSON.");
  }
}

/**
 * Query parameters and path segments as text the database can hold: a NUL byte (which PostgreSQL refuses in
 * text, so it would surface as a 500 from deep inside a query) is a 400 naming the parameter, for every
 * parameter, read by the route or not.
 */
function assertNoNul(values: Iterable<[string, string]>, what: string): void {
  for (const [name, value] of values) {
    if (value.includes("\u0000") || name.includes("\u0000")) {
      throw new HttpError(400, "invalid", `The ${what} "${name.replace(/\u0000/g, "\\0")}" holds a NUL byte (\\0); send text without it.`, {
        issues: [{ path: name, message: "NUL byte" }],
      });
    }
  }
}

function queryObject(request: NextRequest): Record<string, string> {
  assertNoNul(request.nextUrl.searchParams.entries(), "query parameter");
  return Object.fromEntries(request.nextUrl.searchParams.entries());
}

/** Session-authenticated writes must come from our own pages (the cookie is SameSite=Lax; this closes the rest). */
function assertSameOrigin(request: NextRequest): void {
  const origin = request.headers.get("origin");
  if (!origin) return;
  const host = requestHost(request.headers);
  try {
    if (new URL(origin).host !== host) throw forbidden("Cross-site request refused.");
  } catch (error) {
    if (error instanceof HttpError) throw error;
    throw forbidden("Cross-site request refused.");
  }
}

/**
 * What an authenticated route answers is the caller's own view (their role, their teams, their imports) and is
 * never to be kept by a browser or a shared cache: every answer of the wrapper, errors included, is `no-store`.
 */
function uncached(response: Response): Response {
  if (/\bno-store\b/.test(response.headers.get("cache-control") ?? "")) return response;
  try {
    response.headers.set("Cache-Control", "no-store");
    return response;
  } catch {
    // A response with immutable headers (one passed on from a fetch) is copied.
    const headers = new Headers(response.headers);
    headers.set("Cache-Control", "no-store");
    return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
  }
}

export function withRoute<Q = undefined, B = undefined, P = Record<string, string>>(options: RouteOptions<Q, B, P>) {
  const handle = routeHandler(options);
  return async (request: NextRequest, context: { params: Promise<P> }): Promise<Response> => uncached(await handle(request, context));
}

function routeHandler<Q, B, P>(options: RouteOptions<Q, B, P>) {
  return async (request: NextRequest, context: { params: Promise<P> }): Promise<Response> => {
    try {
      let user: SessionUser | null = null;
      let token: TokenPrincipal | null = null;
      const bearer = hasBearer(request.headers);
      if (bearer && options.auth !== "session") {
        token = await verifyBearer(request.headers);
        if (!token) throw unauthorized("The API token is missing, unknown, revoked or expired.");
        if (options.scope && !token.scopes.includes(options.scope)) {
          throw forbidden(`This API token lacks the "${options.scope}" scope.`);
        }
      } else if (options.auth !== "token") {
        user = await getCurrentUser();
        if (!user) throw unauthorized();
        if (options.action) assertCan(user, options.action);
        if (request.method !== "GET" && request.method !== "HEAD") assertSameOrigin(request);
      } else {
        throw unauthorized("Send an API token: Authorization: Bearer <token>.");
      }
      const rawQuery = queryObject(request);
      const query = options.query ? options.query.parse(rawQuery) : (undefined as Q);
      const params = (await context.params) ?? ({} as P);
      assertNoNul(Object.entries(params as Record<string, unknown>).flatMap(([k, v]) => (typeof v === "string" ? [[k, v] as [string, string]] : [])), "path segment");
      const actor = actorOf(user, token);
      if (options.authorize) await options.authorize({ request, user, token, actor, query, params });
      const body = options.body ? options.body.parse(await readBody(request, options.maxBodyBytes ?? DEFAULT_MAX_BODY)) : (undefined as B);
      const result = await options.handler({ request, user, token, actor, query, body, params });
      if (result instanceof Response) return result;
      return NextResponse.json(result ?? { ok: true });
    } catch (error) {
      return errorResponse(error);
    }
  };
}
