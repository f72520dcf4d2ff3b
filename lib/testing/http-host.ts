import http from "node:http";
import type { AddressInfo } from "node:net";
import { NextRequest } from "next/server";

/**
 * Serves route handlers over real HTTP on a local port, for tests that must send what a client sends:
 * a streamed multipart body, a declared length, raw bytes, a forged header. The request body reaches the
 * handler as the stream it is (never buffered here), and the handler's response streams back.
 * Routes are `METHOD /path/[param]` patterns, like the app's folders.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- handlers differ in their params' types
type Handler = (request: NextRequest, context: { params: Promise<any> }) => Promise<Response>;

export interface HttpHost {
  url: string;
  close: () => Promise<void>;
}

function match(pattern: string, pathname: string): Record<string, string> | null {
  const want = pattern.split("/").filter(Boolean);
  const got = pathname.split("/").filter(Boolean);
  if (want.length !== got.length) return null;
  const params: Record<string, string> = {};
  for (const [i, segment] of want.entries()) {
    const name = /^\[(\w+)\]$/.exec(segment)?.[1];
    if (name) params[name] = decodeURIComponent(got[i]!);
    else if (segment !== got[i]) return null;
  }
  return params;
}

/**
 * The request body as a web stream with back-pressure. When the handler stops reading (it refused the
 * request), the rest is drained and dropped, so the answer still reaches the client.
 */
function bodyOf(req: http.IncomingMessage): ReadableStream<Uint8Array> {
  const onData = (controller: ReadableStreamDefaultController<Uint8Array>) => (chunk: Buffer) => {
    controller.enqueue(new Uint8Array(chunk));
    if ((controller.desiredSize ?? 0) <= 0) req.pause();
  };
  let listener: ((chunk: Buffer) => void) | null = null;
  return new ReadableStream<Uint8Array>({
    start(controller) {
      listener = onData(controller);
      req.on("data", listener);
      req.on("end", () => listener && controller.close());
      req.on("error", (error) => listener && controller.error(error));
      req.pause();
    },
    pull() {
      req.resume();
    },
    cancel() {
      if (listener) req.off("data", listener);
      listener = null;
      req.resume();
    },
  });
}

export async function serveRoutes(routes: Record<string, Handler>): Promise<HttpHost> {
  const table = Object.entries(routes).map(([key, handler]) => {
    const [method, pattern] = key.split(" ") as [string, string];
    return { method, pattern, handler };
  });
  const server = http.createServer(async (req, res) => {
    const url = new URL(req.url ?? "/", `http://${req.headers.host ?? "127.0.0.1"}`);
    const route = table.map((r) => ({ r, params: r.method === req.method ? match(r.pattern, url.pathname) : null })).find((m) => m.params);
    if (!route) {
      res.writeHead(404).end();
      return;
    }
    const headers = new Headers();
    for (const [name, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(", ") : value);
    }
    const hasBody = req.method !== "GET" && req.method !== "HEAD";
    try {
      // A streamed body needs `duplex: "half"`, which the RequestInit type does not list yet.
      const init = { method: req.method, headers, body: hasBody ? bodyOf(req) : undefined, duplex: "half" };
      const request = new NextRequest(url, init as ConstructorParameters<typeof NextRequest>[1]);
      const response = await route.r.handler(request, { params: Promise.resolve(route.params) });
      res.writeHead(response.status, Object.fromEntries(response.headers.entries()));
      if (response.body) {
        for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) res.write(chunk);
      }
      res.end();
      // What a handler left unread is drained, as a server does before it can answer the next request.
      req.resume();
    } catch (error) {
      res.writeHead(599, { "content-type": "text/plain" }).end(`handler threw: ${String(error)}`);
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
