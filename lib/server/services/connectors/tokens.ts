import "server-only";
import { secretBox } from "@/lib/server/secrets";

/** Connector tokens, encrypted at rest (lib/server/secrets.ts); never returned by the API once stored. */
const box = secretBox({ salt: "pillars/connectors", info: "connector token encryption v1" });

export const encryptToken = (plain: string): string => box.encrypt(plain);

export function connectorToken(stored: string): string {
  const token = box.decrypt(stored);
  if (token === null) throw new Error("The connector's token cannot be decrypted (AUTH_SECRET or PILLARS_ENCRYPTION_KEY changed): enter the token again.");
  return token;
}
