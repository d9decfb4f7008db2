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
});
