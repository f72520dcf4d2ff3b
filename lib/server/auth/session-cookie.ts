/**
 * The names Auth.js gives the session cookie: `__Secure-` prefixed when the site is reached over HTTPS, and
 * split into `.0`, `.1`, … chunks when the token is large.
 */
export const SESSION_COOKIE_NAMES = ["__Secure-authjs.session-token", "authjs.session-token"] as const;

export function isSessionCookieName(name: string): boolean {
  return /^(__Secure-)?authjs\.session-token(\.\d+)?$/.test(name);
}
