import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

// A role named in code is an access rule; those live in lib/server/permissions.ts as named actions.
const roleLiteral = {
  selector: "Literal[value=/^(ADMIN|LEADER|MANAGER|VIEWER)$/]:not(TSLiteralType > Literal)",
  message: "Role names belong in lib/server/permissions.ts: add or use a named action there instead of comparing roles here.",
};

// Queries belong in lib/server/data/: a service composes data functions (in one transaction when it must) and
// writes no SQL and no Prisma query itself.
const dataLayerOnly = "Queries live in lib/server/data/: add or use a data function there and call it with the transaction you hold.";
const queries = [
  { selector: "CallExpression[callee.property.name=/^\\$(queryRaw|queryRawUnsafe|executeRaw|executeRawUnsafe|transaction)$/]", message: dataLayerOnly },
  {
    selector:
      "CallExpression[callee.object.type='MemberExpression'][callee.property.name=/^(findMany|findUnique|findUniqueOrThrow|findFirst|findFirstOrThrow|createMany|createManyAndReturn|updateMany|updateManyAndReturn|deleteMany|upsert|aggregate|groupBy)$/]",
    message: dataLayerOnly,
  },
  {
    selector: "CallExpression[callee.object.type='MemberExpression'][callee.object.object.name=/^(db|tx|trx|client|prisma)$/][callee.property.name=/^(create|update|delete|count)$/]",
    message: dataLayerOnly,
  },
  { selector: "CallExpression[callee.property.name=/^(query|exec)$/][arguments.0.type=/^(Literal|TemplateLiteral)$/]", message: dataLayerOnly },
  { selector: "TaggedTemplateExpression[tag.property.name=/^(sql|raw)$/]", message: dataLayerOnly },
];

const databaseClientPaths = [
  { name: "@/lib/server/db", importNames: ["db", "sqlRunner"], message: dataLayerOnly },
  { name: "@/lib/server/data/runner", importNames: ["client"], message: dataLayerOnly },
];
const databaseClientPattern = { group: ["./db", "../db", "../../db"], importNames: ["db", "sqlRunner"], message: dataLayerOnly };

const testsAndTools = ["**/*.test.ts", "**/*.test.tsx", "e2e/**", "prisma/seed/**", "lib/testing/**", "bench/**", "scripts/**"];

const config = [
  ...nextVitals,
  ...nextTs,
  {
    ignores: ["node_modules/**", ".next*/**", "lib/generated/**", ".data/**", "test-results/**", "playwright-report/**", "next-env.d.ts", "bench/results.json"],
  },
  {
    rules: {
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    // Tests, fixtures, the seed and the role enum itself name roles as data (conventions: one home for each rule).
    files: ["**/*.{ts,tsx,mjs,js}"],
    ignores: ["lib/server/permissions.ts", "lib/validation/**", ...testsAndTools],
    rules: { "no-restricted-syntax": ["error", roleLiteral] },
  },
  {
    // The layer rule: only lib/server/data/ (and the client's own modules) touch the database client.
    files: ["app/**/*.{ts,tsx}", "components/**/*.{ts,tsx}", "lib/**/*.{ts,tsx}"],
    ignores: ["lib/server/data/**", "lib/server/db.ts", "lib/server/sql-runner.ts", "lib/server/migrate.ts", "lib/generated/**", ...testsAndTools],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: databaseClientPaths,
          patterns: [databaseClientPattern],
        },
      ],
    },
  },
  {
    files: ["app/**/*.{ts,tsx}", "components/**/*.{ts,tsx}", "lib/**/*.{ts,tsx}"],
    ignores: ["lib/server/data/**", "lib/server/db.ts", "lib/server/sql-runner.ts", "lib/server/migrate.ts", "lib/generated/**", "lib/server/permissions.ts", "lib/validation/**", ...testsAndTools],
    rules: { "no-restricted-syntax": ["error", roleLiteral, ...queries] },
  },
  {
    // One writer of MetricValue (ARCHITECTURE: "A written value"): the rule that a value a person gave stands
    // lives in lib/server/data/metric-value-writer/, so no other data function writes the table.
    files: ["lib/server/data/**/*.ts"],
    ignores: ["lib/server/data/metric-value-writer/**", "**/*.test.ts"],
    rules: {
      "no-restricted-syntax": [
        "error",
        roleLiteral,
        {
          selector: "CallExpression[callee.object.property.name='metricValue'][callee.property.name=/^(create|createMany|createManyAndReturn|update|updateMany|upsert|delete|deleteMany)$/]",
          message: "MetricValue rows are written only by lib/server/data/metric-value-writer/.",
        },
        {
          selector: "TemplateElement[value.raw=/(INSERT\\s+INTO|UPDATE|DELETE\\s+FROM)\\s+\"MetricValue\"/i]",
          message: "MetricValue rows are written only by lib/server/data/metric-value-writer/.",
        },
        {
          selector: "Literal[value=/(INSERT\\s+INTO|UPDATE|DELETE\\s+FROM)\\s+\"MetricValue\"/i]",
          message: "MetricValue rows are written only by lib/server/data/metric-value-writer/.",
        },
      ],
    },
  },
  {
    // Browser code (components and client hooks) takes the API's response types from each pillar's pure
    // lib/<pillar>/api-types.ts, never from server services or data modules. A later config's options replace
    // an earlier one's for the same rule, so the layer rule's database restrictions are repeated here.
    files: ["components/**/*.{ts,tsx}", "lib/client/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: databaseClientPaths,
          patterns: [
            databaseClientPattern,
            {
              group: ["@/lib/server/services/*", "@/lib/server/services/**", "@/lib/server/data/*", "@/lib/server/data/**"],
              message: "Browser code takes API types from lib/<pillar>/api-types.ts, not from server modules.",
            },
          ],
        },
      ],
    },
  },
];

export default config;
