#!/usr/bin/env node
// Stand-in for Prisma's native schema engine. `prisma generate` only checks that the engine exists;
// Pillars applies migrations itself (lib/server/migrate.ts), so the engine is never needed at run time.
// Authoring new migrations needs a real engine or the offline shim: see CONTRIBUTING in README.md.
process.stderr.write(
  "Pillars does not ship Prisma's schema engine. Apply migrations with `npm run db:migrate`; " +
    "to author migrations set PRISMA_SCHEMA_ENGINE_BINARY to a schema engine.\n",
);
process.exit(1);
