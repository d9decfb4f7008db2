// A process-local cache that never grows past `max` entries: storing one more forgets the entry
// stored longest ago (a Map keeps insertion order; storing a key again moves it to the end). For
// values that never change once made (an issued version's snapshot, a figure file, a rendered body).
export class BoundedCache<K, V> {
  private readonly entries = new Map<K, V>();

  constructor(readonly max: number) {
    if (!Number.isInteger(max) || max < 1) throw new RangeError(`A bounded cache holds at least one entry, not ${max}`);
  }

  get size(): number {
    return this.entries.size;
  }

  get(key: K): V | undefined {
    return this.entries.get(key);
  }

  has(key: K): boolean {
    return this.entries.has(key);
  }

  set(key: K, value: V): V {
    this.entries.delete(key);
    this.entries.set(key, value);
    if (this.entries.size > this.max) this.entries.delete(this.entries.keys().next().value as K);
    return value;
  }

  delete(key: K): boolean {
    return this.entries.delete(key);
  }

  /** The cached value, or `make()`'s, stored. */
  getOrSet(key: K, make: () => V): V {
    const cached = this.entries.get(key);
    return cached !== undefined ? cached : this.set(key, make());
  }
}
