/**
 * What an anonymous caller may get from each public URL pattern, written down as data. Every pattern not
 * listed here must refuse an anonymous caller (pages: redirect to sign-in; APIs: 401, or 405 for a method the
 * handler does not export). The crawl fails on a listed pattern that no longer exists, so the list cannot
 * quietly cover something else later.
 */
export type Method = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

export interface PublicRule {
  why: string;
  /** Acceptable anonymous statuses per method (methods not listed: 405, or 401/redirect from the proxy). */
  statuses: Partial<Record<Method, number[]>>;
  /** The body sent with writes (default `{}`), shaped so the request gets past validation to the real check. */
  body?: unknown;
  /** A JSON body this route may show anonymously; anything else counts as data leaked. */
  allowedJson?: (body: unknown) => boolean;
}

/** 32 characters, the shape of a real survey link token, so the lookup itself is exercised. */
export const UNKNOWN_SURVEY_TOKEN = "doesnotexistdoesnotexistdoesnot0";

export function sampleParam(pattern: string, param: string): string {
  if (pattern.startsWith("/api/auth/")) return "session";
  if (param === "token") return UNKNOWN_SURVEY_TOKEN;
  return "does-not-exist";
}

export const PUBLIC_RULES: Record<string, PublicRule> = {
  "/sign-in": {
    why: "the sign-in form",
    statuses: { GET: [200], POST: [200, 303, 400, 404, 405], PUT: [200, 405], PATCH: [200, 405], DELETE: [200, 405] },
  },
  "/denied": {
    why: "a static 'you do not have access' message; without a session cookie the proxy sends the visitor to sign-in",
    statuses: { GET: [200, 307], POST: [200, 307, 405], PUT: [200, 307, 405], PATCH: [200, 307, 405], DELETE: [200, 307, 405] },
  },
  "/api/auth/[...nextauth]": {
    why: "Auth.js endpoints (sign-in, sign-out, CSRF, session); the session is null for an anonymous caller",
    statuses: { GET: [200, 400], POST: [200, 302, 400, 405] },
    allowedJson: (body) => body === null || (typeof body === "object" && body !== null && Object.keys(body).length === 0) || (typeof body === "object" && body !== null && "csrfToken" in body),
  },
  "/api/health": {
    why: "load balancer health check; says only ok/unavailable",
    statuses: { GET: [200] },
    allowedJson: (body) => typeof body === "object" && body !== null && "ok" in body && JSON.stringify(body).length < 300,
  },
  "/s/[token]": {
    why: "a survey respondent's page; the single-use link is the credential and an unknown one shows only a message",
    statuses: { GET: [200, 404, 410], POST: [200, 400, 404, 405, 410], PUT: [200, 404, 405], PATCH: [200, 404, 405], DELETE: [200, 404, 405] },
  },
  "/api/v1/respond/[token]": {
    why: "answering a survey through its single-use link; an unknown link is 404/410",
    statuses: { POST: [404, 410] },
    body: { answers: { "q-1": 3 } },
  },
  "/api/webhooks/github": {
    why: "GitHub deliveries, authenticated by the HMAC signature of a webhook source",
    statuses: { POST: [401] },
  },
  "/api/webhooks/gitlab": {
    why: "GitLab deliveries, authenticated by the X-Gitlab-Token of a webhook source",
    statuses: { POST: [401] },
  },
};
