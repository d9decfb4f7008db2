import type { NextConfig } from "next";
import { patientContentSecurityPolicy, permissionsPolicy } from "./lib/http/security-headers";

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // `npm test` runs tsc and ESLint over everything; the build need not repeat them.
  typescript: { ignoreBuildErrors: true },
  // Native and WASM packages stay outside the server bundle and load from node_modules.
  serverExternalPackages: ["@node-rs/argon2", "@react-pdf/renderer", "@electric-sql/pglite", "sharp"],
  experimental: {
    // A clinic logo may be up to 1 MB; the settings form around it needs a little more than the
    // 1 MB default of server actions.
    serverActions: { bodySizeLimit: "2mb" },
    // proxy.ts runs for page requests, server action posts included, and Next buffers a copy of
    // each body for it. Twice the server actions' own limit: memory stays bounded, and a body cut
    // here is still over that limit, so Next refuses it rather than decoding half a body.
    proxyClientMaxBodySize: "4mb",
  },
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "X-Frame-Options", value: "DENY" },
          { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
          { key: "Permissions-Policy", value: permissionsPolicy },
          { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
        ],
      },
      {
        source: "/p/:path*",
        headers: [
          { key: "Referrer-Policy", value: "no-referrer" },
          { key: "Cache-Control", value: "no-store" },
          { key: "X-Robots-Tag", value: "noindex" },
          // No script at all on the patient's side; clinic pages get a nonce policy from proxy.ts.
          { key: "Content-Security-Policy", value: patientContentSecurityPolicy },
        ],
      },
    ];
  },
};

export default nextConfig;
