// The production HTTP server `npm start` runs: Next.js's request handler behind a plain Node server whose
// one job is to record who is on the other end of the socket. It appends the socket's peer address to
// X-Forwarded-For (as every proxy does), so the app can tell a trusted proxy's entries from a client's
// forgeries (lib/server/auth/client-address.ts; PILLARS_TRUSTED_PROXIES). `next start` cannot: it keeps
// a client's X-Forwarded-For as sent and adds the peer only when the header is absent.
//   node scripts/serve.mjs [-p PORT] [-H HOST]
import http from "node:http";

// As `next start` does; set before Next.js is loaded.
process.env.NODE_ENV = "production";
const { default: next } = await import("next");

const arg = (flag) => {
  const i = process.argv.indexOf(flag);
  return i === -1 ? undefined : process.argv[i + 1];
};
const port = Number(arg("-p") ?? process.env.PORT ?? 3000);
const hostname = arg("-H");
// The app prints meeting packs by loading its own pages over loopback (lib/server/env.ts internalBaseUrl).
process.env.PORT = String(port);

const app = next({ dev: false, dir: process.cwd(), port, hostname: hostname ?? "localhost" });
const handle = app.getRequestHandler();
await app.prepare();

const server = http.createServer((req, res) => {
  const peer = req.socket.remoteAddress;
  const sent = req.headers["x-forwarded-for"];
  const forwarded = Array.isArray(sent) ? sent.join(", ") : sent;
  if (peer) req.headers["x-forwarded-for"] = forwarded ? `${forwarded}, ${peer}` : peer;
  handle(req, res);
});
server.listen(port, hostname, () => console.log(`  ▲ Pillars ready on http://${hostname ?? "localhost"}:${port}`));
for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () => {
    server.close(() => process.exit(0));
    // Open keep-alive connections would hold the close; stop them.
    server.closeIdleConnections();
    setTimeout(() => process.exit(0), 5000).unref();
  });
}
