import type { Metadata, Viewport } from "next";
import { GeistSans } from "geist/font/sans";
import { headers } from "next/headers";
import type { ReactNode } from "react";
import { EARLY_SCRIPT } from "@/lib/security/early-script";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Pillars", template: "%s · Pillars" },
  description: "Engineering-org health: delivery, engagement, retention, skills and alignment in one place.",
  icons: { icon: "/favicon.svg" },
};

export const viewport: Viewport = { themeColor: "#f8fafc" };

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Reading the request makes every page render per request: the Content Security Policy's nonce (proxy.ts)
  // is new each time, and a page prerendered at build time would carry inline scripts without it.
  const nonce = (await headers()).get("x-nonce") ?? undefined;
  return (
    <html lang="en" className={GeistSans.variable}>
      <head>
        <script nonce={nonce} dangerouslySetInnerHTML={{ __html: EARLY_SCRIPT }} />
      </head>
      <body className="font-sans">{children}</body>
    </html>
  );
}
