import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

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
    // A role named in code is an access rule; those live in lib/server/permissions.ts as named actions
    // (conventions: one home for each rule). Tests, fixtures, the seed and the role enum itself name roles as data.
    files: ["**/*.{ts,tsx,mjs,js}"],
    ignores: [
      "lib/server/permissions.ts",
      "lib/validation/**",
      "**/*.test.ts",
      "**/*.test.tsx",
      "e2e/**",
      "prisma/seed/**",
      "lib/testing/**",
      "bench/**",
      "scripts/**",
    ],
    rules: {
      "no-restricted-syntax": [
        "error",
        {
          selector: "Literal[value=/^(ADMIN|LEADER|MANAGER|VIEWER)$/]:not(TSLiteralType > Literal)",
          message: "Role names belong in lib/server/permissions.ts: add or use a named action there instead of comparing roles here.",
        },
      ],
    },
  },
];

export default config;
