// A process-local cache that never grows past `max`: `max` entries, or with `weigh`, a total weight
// of `max` (bytes, say). Storing one more forgets the entries stored longest ago (a Map keeps
// insertion order; storing a key again moves it to the end). For values that never change once
// made (an issued version's snapshot, a figure file, a rendered body, a measured word).
export class BoundedCache<K, V> {
  private readonly entries = new Map<K, V>();
  private total = 0;

  constructor(
    readonly max: number,
    private readonly weigh: (value: V, key: K) => number = () => 1,
  ) {
    if (!Number.isInteger(max) || max < 1) throw new RangeError(`A bounded cache holds at least one entry, not ${max}`);
  }

  get size(): number {
    return this.entries.size;
  }

  /** The entries' total weight: their count unless the cache weighs them. */
  get weight(): number {
    return this.total;
  }

  get(key: K): V | undefined {
    return this.entries.get(key);
  }

  has(key: K): boolean {
    return this.entries.has(key);
  }

  keys(): IterableIterator<K> {
    return this.entries.keys();
  }

  /** Stores `value` and returns it; a value heavier than the whole bound is returned but not kept. */
  set(key: K, value: V): V {
    this.delete(key);
    this.entries.set(key, value);
    this.total += this.weigh(value, key);
    for (const oldest of this.entries.keys()) {
      if (this.total <= this.max) break;
      this.delete(oldest);
    }
    return value;
  }

  delete(key: K): boolean {
    if (!this.entries.has(key)) return false;
    this.total -= this.weigh(this.entries.get(key) as V, key);
    return this.entries.delete(key);
  }

  /** The cached value, or `make()`'s, stored. */
  getOrSet(key: K, make: () => V): V {
    const cached = this.entries.get(key);
    return cached !== undefined ? cached : this.set(key, make());
  }
}
