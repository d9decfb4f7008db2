// The app's HTTP server: Next's own request handler behind a Node http server that records each
// request's TCP peer in `x-physioplan-peer`, replacing any copy the client sent. Route handlers
// (and next-auth's authorize) see only headers, and Next itself keeps a client's own
// X-Forwarded-For instead of the socket address, so this header is the one trustworthy source of the
// peer address (lib/auth/client-ip.ts). `npm start` runs it; usage: node scripts/serve.mjs [--dev]
// with PORT and HOST (the address to listen on; `npm start` gives 127.0.0.1 unless HOST is set).
import http from "node:http";
import path from "node:path";

const dev = process.argv.includes("--dev");
// As `next start` / `next dev` set it, before Next loads.
process.env.NODE_ENV = dev ? "development" : "production";
const { default: next } = await import("next");

const root = path.resolve(import.meta.dirname, "..");
const port = Number(process.env.PORT ?? 3000);
const hostname = process.env.HOST || undefined;

const app = next({ dev, dir: root, port, hostname: hostname ?? "localhost" });
const handle = app.getRequestHandler();
await app.prepare();

const server = http.createServer((request, response) => {
  request.headers["x-physioplan-peer"] = request.socket.remoteAddress ?? "";
  void handle(request, response);
});
if (dev) server.on("upgrade", app.getUpgradeHandler());
server.listen(port, hostname, () => {
  console.log(`Next ${dev ? "dev" : "production"} server listening on ${hostname ?? "*"}:${port}`);
});

const stop = () => {
  server.close(() => process.exit(0));
  server.closeAllConnections();
  setTimeout(() => process.exit(0), 5_000).unref();
};
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
