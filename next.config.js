// Files the proxy does not see (build assets, root static files) still get the request-independent headers;
// pages and API responses get the full set, with a per-request CSP nonce, from proxy.ts.
const staticSecurityHeaders = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "X-Frame-Options", value: "DENY" },
];

/** @type {import('next').NextConfig} */
const nextConfig = {
  // PGlite ships a wasm build and data files that must be loaded from node_modules, not bundled; Playwright
  // (pack PDFs) loads its browser protocol code at run time.
  serverExternalPackages: ["@electric-sql/pglite", "pglite-prisma-adapter", "playwright-core"],
  outputFileTracingIncludes: { "/**": ["./prisma/migrations/**/*"] },
  // Separate build folders let several builds (e.g. tests on two databases) coexist.
  distDir: process.env.PILLARS_DIST_DIR || ".next",
  poweredByHeader: false,
  reactStrictMode: true,
  typedRoutes: false,
  // `npm test` runs `tsc --noEmit` over the whole project; checking again inside every build only costs time.
  typescript: { ignoreBuildErrors: true },
  async headers() {
    return [{ source: "/:path*", headers: staticSecurityHeaders }];
  },
};

export default nextConfig;
