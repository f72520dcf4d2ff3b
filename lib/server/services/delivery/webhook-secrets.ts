import "server-only";
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import { secretBox } from "@/lib/server/secrets";

/**
 * Webhook secrets are shared with GitHub/GitLab and needed in plain form to verify each delivery, so they are
 * stored encrypted (lib/server/secrets.ts). Rotating the key they were made under invalidates them (recreate the
 * sources).
 */
const box = secretBox({ salt: "pillars/webhook-sources", info: "webhook secret encryption v1" });

export function generateWebhookSecret(): string {
  return randomBytes(32).toString("base64url");
}

export const encryptSecret = (plain: string): string => box.encrypt(plain);

/** The plain secret, or null when it cannot be decrypted (tampered, or encrypted under another key). */
export const decryptSecret = (stored: string): string | null => box.decrypt(stored);

/** Constant-time string comparison (both sides hashed first, so unequal lengths leak nothing either). */
export function safeEqual(a: string, b: string): boolean {
  const ha = createHash("sha256").update(a).digest();
  const hb = createHash("sha256").update(b).digest();
  return timingSafeEqual(ha, hb);
}
