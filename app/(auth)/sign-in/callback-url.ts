/**
 * Where to go after signing in. Only same-origin relative paths are accepted: anything else (another
 * host, protocol-relative `//evil`, backslash tricks, control characters) would make the sign-in page
 * an open redirect.
 */
export function safeCallbackUrl(raw: unknown, fallback = "/"): string {
  if (typeof raw !== "string" || raw.length === 0 || raw.length > 2048) return fallback;
  if (!raw.startsWith("/") || raw.startsWith("//") || raw.startsWith("/\\")) return fallback;
  if (/[\u0000-\u001f\u007f\\]/.test(raw)) return fallback;
  // Resolve against a dummy origin: if the path escapes it, it was not relative after all.
  const resolved = new URL(raw, "http://pillars.invalid");
  if (resolved.origin !== "http://pillars.invalid") return fallback;
  // Sending a signed-in user back to sign-in would loop.
  if (resolved.pathname === "/sign-in") return fallback;
  return `${resolved.pathname}${resolved.search}${resolved.hash}`;
}
