import net from "node:net";

/**
 * A small SMTP server for tests (RFC 5321 subset: EHLO/HELO, AUTH PLAIN/LOGIN accepted, MAIL, RCPT, DATA,
 * RSET, NOOP, QUIT; no TLS). It keeps every accepted message and refuses the recipients it is told to refuse
 * with 550, as a real server refuses an unknown mailbox.
 */
export interface ReceivedMessage {
  from: string;
  to: string[];
  /** The raw message (headers and body), dot-unstuffed. */
  raw: string;
}

export interface TestSmtpServer {
  port: number;
  url: string;
  messages: ReceivedMessage[];
  /** Recipients answered with 550 at RCPT TO (compared without case). */
  refuse: Set<string>;
  close(): Promise<void>;
}

function angle(arg: string): string {
  return /<([^>]*)>/.exec(arg)?.[1] ?? arg.trim();
}

/** Listens on 127.0.0.1, on `port` or (0) any free port. */
export async function startSmtpServer(port = 0): Promise<TestSmtpServer> {
  const messages: ReceivedMessage[] = [];
  const refuse = new Set<string>();
  const sockets = new Set<net.Socket>();

  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
    socket.on("error", () => socket.destroy());
    let buffer = "";
    let from = "";
    let to: string[] = [];
    let data: string[] | null = null;
    let authStep: "none" | "login-user" | "login-pass" = "none";
    const reply = (line: string) => socket.write(`${line}\r\n`);
    reply("220 test-smtp ESMTP ready");

    const handle = (line: string) => {
      if (data) {
        if (line === ".") {
          messages.push({ from, to, raw: data.join("\r\n") });
          data = null;
          from = "";
          to = [];
          reply("250 2.0.0 queued");
        } else data.push(line.startsWith("..") ? line.slice(1) : line);
        return;
      }
      if (authStep !== "none") {
        authStep = authStep === "login-user" ? "login-pass" : "none";
        reply(authStep === "login-pass" ? "334 UGFzc3dvcmQ6" : "235 2.7.0 accepted");
        return;
      }
      const [verb = "", ...rest] = line.split(" ");
      const arg = rest.join(" ");
      switch (verb.toUpperCase()) {
        case "EHLO":
          reply("250-test-smtp greets you");
          reply("250-AUTH PLAIN LOGIN");
          reply("250 8BITMIME");
          break;
        case "HELO":
          reply("250 test-smtp");
          break;
        case "AUTH":
          if (/^LOGIN/i.test(arg)) {
            authStep = "login-user";
            reply("334 VXNlcm5hbWU6");
          } else reply("235 2.7.0 accepted");
          break;
        case "MAIL":
          from = angle(arg);
          to = [];
          reply("250 2.1.0 ok");
          break;
        case "RCPT": {
          const rcpt = angle(arg);
          if (refuse.has(rcpt.toLowerCase())) reply("550 5.1.1 mailbox unavailable");
          else {
            to.push(rcpt);
            reply("250 2.1.5 ok");
          }
          break;
        }
        case "DATA":
          if (to.length === 0) reply("554 5.5.1 no valid recipients");
          else {
            data = [];
            reply("354 end with <CRLF>.<CRLF>");
          }
          break;
        case "RSET":
          from = "";
          to = [];
          reply("250 2.0.0 ok");
          break;
        case "NOOP":
          reply("250 2.0.0 ok");
          break;
        case "QUIT":
          reply("221 2.0.0 bye");
          socket.end();
          break;
        default:
          reply("502 5.5.2 command not implemented");
      }
    };

    socket.on("data", (chunk) => {
      buffer += chunk.toString("utf8");
      let end: number;
      while ((end = buffer.indexOf("\r\n")) >= 0) {
        const line = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        handle(line);
      }
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", resolve);
  });
  const bound = (server.address() as net.AddressInfo).port;
  return {
    port: bound,
    url: `smtp://pillars:secret@127.0.0.1:${bound}`,
    messages,
    refuse,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

/** The text of a received message with quoted-printable soft breaks and escapes undone. */
export function messageText(raw: string): string {
  const split = raw.indexOf("\r\n\r\n");
  const headers = raw.slice(0, split);
  const body = raw.slice(split + 4);
  if (!/content-transfer-encoding:\s*quoted-printable/i.test(headers)) return body;
  return Buffer.from(
    body.replace(/=\r\n/g, "").replace(/=([0-9A-F]{2})/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16))),
    "latin1",
  ).toString("utf8");
}

export function messageHeader(raw: string, name: string): string | undefined {
  const headers = raw.slice(0, raw.indexOf("\r\n\r\n")).replace(/\r\n[ \t]+/g, " ");
  return new RegExp(`^${name}:\\s*(.*)$`, "im").exec(headers)?.[1];
}
