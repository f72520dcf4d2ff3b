import "server-only";
import { db } from "@/lib/server/db";

/** Whether the organisation has no team yet (the demo seed only fills an empty database). */
export async function isDatabaseEmpty(): Promise<boolean> {
  const { isDatabaseEmpty: empty } = await import("@/prisma/seed/demo");
  return empty(db);
}

/** Loads the deterministic demo organisation (prisma/seed) into an empty database. */
export async function seedDemoOrganisation(): Promise<void> {
  const { seedDemo } = await import("@/prisma/seed/demo");
  await seedDemo(db);
}
