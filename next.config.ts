import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // `npm test` runs tsc and ESLint over everything; the build need not repeat them.
  typescript: { ignoreBuildErrors: true },
  // Native and WASM packages stay outside the server bundle and load from node_modules.
  serverExternalPackages: ["@node-rs/argon2", "@react-pdf/renderer", "@electric-sql/pglite", "sharp"],
  // A clinic logo may be up to 1 MB; the form around it needs a little more than the 1 MB default.
  experimental: { serverActions: { bodySizeLimit: "2mb" } },
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "X-Frame-Options", value: "DENY" },
          { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
        ],
      },
      {
        source: "/p/:path*",
        headers: [
          { key: "Referrer-Policy", value: "no-referrer" },
          { key: "Cache-Control", value: "no-store" },
          { key: "X-Robots-Tag", value: "noindex" },
        ],
      },
    ];
  },
};

export default nextConfig;
