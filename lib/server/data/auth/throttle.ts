import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { client, type Tx } from "@/lib/server/data/runner";

export interface ThrottleLimits {
  windowMs: number;
  free: number;
  spacing: { firstMs: number; maxMs: number } | null;
}

/**
 * Reserves one attempt on `key` in ONE statement (`INSERT … ON CONFLICT DO UPDATE … WHERE … RETURNING`): the
 * row lock queues concurrent attempts, and an attempt the key holds back updates nothing and gets no row.
 * True when the attempt took its place.
 */
export async function reserveThrottleAttempt(key: string, limits: ThrottleLimits, now: Date, tx: Tx = client): Promise<boolean> {
  const fresh = Prisma.sql`t."windowStart" <= ${new Date(now.getTime() - limits.windowMs)}::timestamp(3)`;
  const count = Prisma.sql`(CASE WHEN ${fresh} THEN 1 ELSE t."failures" + 1 END)`;
  const start = Prisma.sql`(CASE WHEN ${fresh} THEN ${now}::timestamp(3) ELSE t."windowStart" END)`;
  const hold = limits.spacing
    ? Prisma.sql`${now}::timestamp(3) + make_interval(secs => LEAST(${limits.spacing.maxMs / 1000}::float8, ${limits.spacing.firstMs / 1000}::float8 * power(2, ${count} - ${limits.free})))`
    : Prisma.sql`${start} + make_interval(secs => ${limits.windowMs / 1000}::float8)`;
  const rows = await tx.$queryRaw<{ failures: number }[]>`
    INSERT INTO "SignInThrottle" AS t ("key", "failures", "windowStart", "lockedUntil")
    VALUES (${key}, 1, ${now}::timestamp(3), NULL)
    ON CONFLICT ("key") DO UPDATE SET
      "failures" = ${count},
      "windowStart" = ${start},
      "lockedUntil" = CASE WHEN ${count} >= ${limits.free} THEN ${hold} ELSE NULL END
    WHERE t."lockedUntil" IS NULL OR t."lockedUntil" <= ${now}::timestamp(3)
    RETURNING "failures"`;
  return rows.length === 1;
}

/** Takes one attempt back off a key, and lifts its hold once the count is under `free` again. */
export async function releaseThrottleAttempt(key: string, free: number, tx: Tx = client): Promise<void> {
  await tx.$executeRaw`
    UPDATE "SignInThrottle" SET
      "failures" = GREATEST("failures" - 1, 0),
      "lockedUntil" = CASE WHEN "failures" - 1 < ${free} THEN NULL ELSE "lockedUntil" END
    WHERE "key" = ${key}`;
}

export async function deleteThrottleKey(key: string, tx: Tx = client): Promise<void> {
  await tx.signInThrottle.deleteMany({ where: { key } });
}

export async function throttleLocks(keys: string[], tx: Tx = client): Promise<{ lockedUntil: Date | null }[]> {
  return tx.signInThrottle.findMany({ where: { key: { in: keys } }, select: { lockedUntil: true } });
}

/** Deletes the account's own counter and every address's counter for it. */
export async function deleteAccountThrottle(account: string, tx: Tx = client): Promise<void> {
  await tx.signInThrottle.deleteMany({
    where: { OR: [{ key: `email:${account}` }, { key: { startsWith: "pair:", endsWith: ` ${account}` } }] },
  });
}
