import type { Metadata } from "next";
import { GeistSans } from "geist/font/sans";
import { connection } from "next/server";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Physioplan", template: "%s · Physioplan" },
  description: "Home-exercise programmes for back and knee rehabilitation.",
};

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // Every page is rendered per request: Next puts the request's CSP nonce (proxy.ts) on its
  // scripts only when it renders, and a page prerendered at build time would carry none.
  await connection();
  return (
    <html lang="en-GB" className={GeistSans.variable}>
      <body className="min-h-screen font-sans">{children}</body>
    </html>
  );
}
