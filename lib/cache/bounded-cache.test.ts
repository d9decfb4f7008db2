import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { BoundedCache } from "./bounded-cache";

describe("BoundedCache", () => {
  it("never holds more than its bound, and keeps the most recently stored", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 8 }), fc.array(fc.integer({ min: 0, max: 20 }), { maxLength: 60 }), (max, keys) => {
        const cache = new BoundedCache<number, string>(max);
        for (const key of keys) cache.set(key, `v${key}`);
        expect(cache.size).toBeLessThanOrEqual(max);
        const recent = [...new Set([...keys].reverse())].slice(0, max);
        for (const key of recent) expect(cache.get(key)).toBe(`v${key}`);
      }),
    );
  });

  it("makes a missing value once", () => {
    const cache = new BoundedCache<string, number>(2);
    let made = 0;
    expect(cache.getOrSet("a", () => ++made)).toBe(1);
    expect(cache.getOrSet("a", () => ++made)).toBe(1);
    expect(made).toBe(1);
    expect(() => new BoundedCache(0)).toThrow(RangeError);
  });

  it("with a weight, never holds more than its bound in weight, and keeps the most recently stored", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 9 }), fc.integer({ min: 1, max: 40 })), { maxLength: 60 }), (writes) => {
        const cache = new BoundedCache<number, string>(50, (value) => value.length);
        for (const [key, length] of writes) cache.set(key, "x".repeat(length));
        expect(cache.weight).toBeLessThanOrEqual(50);
        expect(cache.weight).toBe([...cache.keys()].reduce((sum, key) => sum + cache.get(key)!.length, 0));
        const last = writes.at(-1);
        if (last) expect(cache.get(last[0])).toBe("x".repeat(last[1]));
      }),
    );
    const cache = new BoundedCache<string, string>(4, (value) => value.length);
    expect(cache.set("big", "12345")).toBe("12345");
    expect(cache.has("big")).toBe(false);
    expect(cache.weight).toBe(0);
  });
});
