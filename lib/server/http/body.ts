import "server-only";
import { HttpError } from "@/lib/server/errors";

export const bodyTooLarge = (limit: number) => () => new HttpError(413, "too_large", `The request body is larger than ${Math.round(limit / 1024)} kB.`);

/**
 * A request body as text, never more than `limit` bytes of it in memory: a declared Content-Length over the
 * limit is refused (413) before a byte is read; an undeclared or understated one is read as a stream and
 * refused the moment it passes the limit, and the rest is not read.
 */
export async function readTextCapped(request: Request, limit: number, tooLarge: () => HttpError = bodyTooLarge(limit)): Promise<string> {
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > limit) throw tooLarge();
  if (!request.body) return "";
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge();
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString("utf8");
}
