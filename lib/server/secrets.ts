import "server-only";
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";
import { authSecret } from "@/lib/server/auth/secret";
import { env } from "@/lib/server/env";

/**
 * Secrets Pillars must use in plain form later — webhook signing secrets, connector tokens — are stored
 * encrypted (AES-256-GCM) under a key derived with HKDF from PILLARS_ENCRYPTION_KEY, or from AUTH_SECRET when
 * that is not set, so a database dump alone does not reveal them. Each use has its own derived key. Decryption
 * also tries AUTH_SECRET's key, so setting PILLARS_ENCRYPTION_KEY later keeps what was stored before readable.
 */
const VERSION = "v1";

export interface SecretBox {
  encrypt(plain: string): string;
  /** The plain secret, or null when it cannot be decrypted (tampered, or under another key). */
  decrypt(stored: string): string | null;
}

export function secretBox(purpose: { salt: string; info: string }): SecretBox {
  const keyOf = (material: string) => Buffer.from(hkdfSync("sha256", material, purpose.salt, purpose.info, 32));
  const keys = () => [...new Set([env.PILLARS_ENCRYPTION_KEY, authSecret()].filter((k): k is string => Boolean(k)))].map(keyOf);
  return {
    encrypt(plain) {
      const iv = randomBytes(12);
      const cipher = createCipheriv("aes-256-gcm", keys()[0], iv);
      const body = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
      return [VERSION, iv.toString("base64url"), cipher.getAuthTag().toString("base64url"), body.toString("base64url")].join(".");
    },
    decrypt(stored) {
      const [version, iv, tag, body] = stored.split(".");
      if (version !== VERSION || !iv || !tag || body === undefined) return null;
      for (const key of keys()) {
        try {
          const decipher = createDecipheriv("aes-256-gcm", key, Buffer.from(iv, "base64url"));
          decipher.setAuthTag(Buffer.from(tag, "base64url"));
          return Buffer.concat([decipher.update(Buffer.from(body, "base64url")), decipher.final()]).toString("utf8");
        } catch {
          // another key, or tampered
        }
      }
      return null;
    },
  };
}
