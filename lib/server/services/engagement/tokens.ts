import "server-only";
import { createHash, randomBytes } from "node:crypto";

/**
 * Invitation tokens. Only the sha256 is stored, so a database dump cannot answer surveys and nobody can
 * show a link again after it was generated. 24 random bytes = 192 bits; base64url gives 32 characters.
 */
export function newToken(): string {
  return randomBytes(24).toString("base64url");
}

export function hashToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}
