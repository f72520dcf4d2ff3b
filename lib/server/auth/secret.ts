import "server-only";
import fs from "node:fs";
import path from "node:path";
import { env } from "@/lib/server/env";

/**
 * AUTH_SECRET signs and encrypts sessions. When it is not configured, the start script generates one into
 * `.data/auth-secret` (mode 0600) on first start, so the quick start needs no manual step. Several instances
 * behind a load balancer must share it: set AUTH_SECRET explicitly in that case (README, "PostgreSQL").
 */
export function secretFilePath(): string {
  return path.resolve(".data", "auth-secret");
}

export function authSecret(): string {
  if (env.AUTH_SECRET) return env.AUTH_SECRET;
  try {
    const fromFile = fs.readFileSync(/*turbopackIgnore: true*/ secretFilePath(), "utf8").trim();
    if (fromFile.length >= 32) return fromFile;
  } catch {
    // fall through
  }
  throw new Error("AUTH_SECRET is not set and .data/auth-secret does not exist. Start with `npm start`, or set AUTH_SECRET.");
}
