import { beforeAll } from "vitest";
import { resetDatabase } from "./reset";

// Every integration test file starts from an empty, migrated database with the built-in catalog.
beforeAll(async () => {
  await resetDatabase();
});
