import "server-only";

/**
 * The Content-Disposition of a download (RFC 6266): `filename*=UTF-8''…` (RFC 5987) carries the name as it is,
 * accents and all; `filename="…"` an ASCII stand-in for old clients. Control characters (CR and LF above all,
 * which would split the header) and path separators are dropped whatever the name came from — an uploaded
 * file's name, a path segment, a query parameter.
 */
export function attachment(fileName: string): string {
  const clean = fileName.replace(/[\u0000-\u001f\u007f]/g, "").replace(/[/\\]/g, "_").trim() || "download";
  const ascii = clean
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^\x20-\x7e]/g, "_")
    .replace(/["%;]/g, "_");
  const encoded = encodeURIComponent(clean).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
