// The client's address, for the sign-in limits. Forwarded headers are believed only as far as
// TRUSTED_PROXIES says; without it the address is the TCP peer of the app's own server.
//
// Where the peer comes from: Next 16's server sets `X-Forwarded-For` to the socket address only
// when the request has none (`??=` in next/dist/server/base-server.js), so a client that sends its
// own header hides the socket address from route handlers, and next-auth's `authorize(credentials,
// req)` gets only the headers. The app's server (scripts/serve.mjs, which `npm start` runs) therefore
// writes the socket address into `x-physioplan-peer` on every request, replacing any copy the client sent.
import { BlockList, isIP } from "node:net";

export const peerAddressHeader = "x-physioplan-peer";

export type TrustedProxies = { hops: number } | { list: BlockList };

type HeaderSource = Headers | Record<string, string | string[] | undefined>;

/** A bare address: IPv4 seen through an IPv6 socket (`::ffff:a.b.c.d`) as IPv4. */
function bare(address: string): string {
  const trimmed = address.trim();
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(trimmed);
  return mapped ? mapped[1] : trimmed;
}

/** One entry of TRUSTED_PROXIES's list: an address or a CIDR block. Null when it is neither. */
function parseEntry(entry: string): { address: string; prefix?: number; type: "ipv4" | "ipv6" } | null {
  const [address, prefixText, ...rest] = entry.trim().split("/");
  const version = isIP(address);
  if (!version || rest.length) return null;
  const type = version === 4 ? "ipv4" : "ipv6";
  if (prefixText === undefined) return { address, type };
  if (!/^\d{1,3}$/.test(prefixText) || Number(prefixText) > (version === 4 ? 32 : 128)) return null;
  return { address, prefix: Number(prefixText), type };
}

/** The problem with a TRUSTED_PROXIES value, or null when it is valid (for lib/env.ts). */
export function trustedProxiesProblem(value: string): string | null {
  if (/^\d+$/.test(value.trim())) return Number(value) <= 10 ? null : "must be a hop count from 0 to 10, or a list of proxy addresses";
  const bad = value.split(",").find((entry) => !parseEntry(entry));
  return bad === undefined ? null : `"${bad.trim()}" is neither a hop count nor an address or CIDR block (e.g. 1, or 127.0.0.1,10.0.0.0/8)`;
}

export function parseTrustedProxies(value: string | undefined): TrustedProxies {
  if (!value?.trim()) return { hops: 0 };
  if (/^\d+$/.test(value.trim())) return { hops: Number(value.trim()) };
  const list = new BlockList();
  for (const entry of value.split(",")) {
    const parsed = parseEntry(entry);
    if (!parsed) throw new Error(`TRUSTED_PROXIES: ${trustedProxiesProblem(value)}`);
    if (parsed.prefix === undefined) list.addAddress(parsed.address, parsed.type);
    else list.addSubnet(parsed.address, parsed.prefix, parsed.type);
  }
  return { list };
}

function isTrusted(list: BlockList, address: string): boolean {
  const version = isIP(address);
  return version !== 0 && list.check(address, version === 4 ? "ipv4" : "ipv6");
}

/**
 * The client's address: the chain is X-Forwarded-For's entries followed by the socket peer; the
 * right-most `hops` entries (or the right-most entries that are trusted proxies) are proxies, and
 * the entry left of them is the client. Entries further left were written by the client and are
 * ignored. Without the peer header (the app not started by `npm start`), the chain is X-Forwarded-For
 * alone, as Next filled it.
 */
export function clientIp(headers: HeaderSource, trusted: TrustedProxies): string {
  const get = (name: string) => {
    if (headers instanceof Headers) return headers.get(name) ?? undefined;
    const value = headers[name];
    return Array.isArray(value) ? value.join(",") : value;
  };
  const forwarded = (get("x-forwarded-for") ?? "").split(",").map(bare).filter(Boolean);
  const peer = get(peerAddressHeader);
  const chain = peer ? [...forwarded, bare(peer)] : forwarded;
  if (chain.length === 0) return "unknown";
  let index: number;
  if ("hops" in trusted) {
    index = Math.max(0, chain.length - 1 - trusted.hops);
  } else {
    index = chain.length - 1;
    while (index > 0 && isTrusted(trusted.list, chain[index])) index--;
  }
  // A key, not an address to connect to: bounded, so a hostile header cannot bloat the table.
  return chain[index].slice(0, 64);
}
