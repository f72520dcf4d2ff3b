// Configuration for the Prisma CLI (generate, and authoring migrations). The app itself never runs the CLI:
// lib/server/migrate.ts applies prisma/migrations at start.
import { defineConfig } from "prisma/config";

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  // Only migration authoring needs a URL (a local PostgreSQL); `prisma generate` does not connect.
  datasource: process.env.DATABASE_URL ? { url: process.env.DATABASE_URL } : undefined,
});
