import { describe, expect, it } from "vitest";
import { parseEnv } from "@/lib/env";
import { clientIp, parseTrustedProxies, peerAddressHeader } from "./client-ip";

const peer = (address: string, forwarded?: string) => ({
  [peerAddressHeader]: address,
  ...(forwarded === undefined ? {} : { "x-forwarded-for": forwarded }),
});

describe("the client address", () => {
  it("is the socket address when no proxy is trusted, whatever X-Forwarded-For says", () => {
    const none = parseTrustedProxies(undefined);
    expect(clientIp(peer("192.0.2.7"), none)).toBe("192.0.2.7");
    expect(clientIp(peer("192.0.2.7", "203.0.113.9"), none)).toBe("192.0.2.7");
    expect(clientIp(new Headers(peer("192.0.2.7", "203.0.113.9, 10.0.0.1")), none)).toBe("192.0.2.7");
    // IPv4 seen through an IPv6 socket is the same address.
    expect(clientIp(peer("::ffff:192.0.2.7", "203.0.113.9"), none)).toBe("192.0.2.7");
  });

  it("with a hop count, is the address the last trusted proxy saw: spoofed entries to its left are ignored", () => {
    const one = parseTrustedProxies("1");
    // nginx appends the address it saw; the app's server appends nginx's.
    expect(clientIp(peer("127.0.0.1", "203.0.113.9"), one)).toBe("203.0.113.9");
    expect(clientIp(peer("127.0.0.1", "6.6.6.6, 203.0.113.9"), one)).toBe("203.0.113.9");
    const two = parseTrustedProxies("2");
    expect(clientIp(peer("10.0.0.2", "6.6.6.6, 203.0.113.9, 10.0.0.1"), two)).toBe("203.0.113.9");
    // A request that reached the app without passing the proxies: its left-most address.
    expect(clientIp(peer("203.0.113.10"), two)).toBe("203.0.113.10");
  });

  it("with a list of proxies, is the right-most address that is not one of them", () => {
    const list = parseTrustedProxies("127.0.0.1, 10.0.0.0/8, fd00::/8");
    expect(clientIp(peer("127.0.0.1", "6.6.6.6, 203.0.113.9, 10.1.2.3"), list)).toBe("203.0.113.9");
    expect(clientIp(peer("10.9.9.9", "198.51.100.4"), list)).toBe("198.51.100.4");
    expect(clientIp(peer("192.0.2.50", "198.51.100.4"), list)).toBe("192.0.2.50");
    expect(clientIp(peer("fd12::1", "2001:db8::5"), list)).toBe("2001:db8::5");
  });

  it("TRUSTED_PROXIES is validated at start", () => {
    const base = { DATABASE_URL: "postgres://x@localhost/db", NEXTAUTH_SECRET: "s".repeat(32) };
    expect(parseEnv({ ...base, TRUSTED_PROXIES: "1" }).TRUSTED_PROXIES).toBe("1");
    expect(parseEnv({ ...base, TRUSTED_PROXIES: "127.0.0.1,10.0.0.0/8" }).TRUSTED_PROXIES).toBe("127.0.0.1,10.0.0.0/8");
    expect(() => parseEnv({ ...base, TRUSTED_PROXIES: "nginx" })).toThrow(/TRUSTED_PROXIES/);
    expect(() => parseEnv({ ...base, TRUSTED_PROXIES: "10.0.0.0/33" })).toThrow(/TRUSTED_PROXIES/);
  });
});
