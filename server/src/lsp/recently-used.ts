/**
 * A map that keeps only its `limit` most recently used entries: the server's parsed and checked
 * documents. Each open spec's analysis holds its lines, blocks and diagnostics (tens of KB for a
 * spec of a few hundred lines); with dozens of specs open, the ones not looked at for a while are dropped and
 * analysed again when next asked for (about a millisecond for a spec of usual size).
 */
export class RecentlyUsed<Key, Value> {
  private readonly entries = new Map<Key, Value>();

  constructor(private readonly limit: number) {}

  get(key: Key): Value | undefined {
    const value = this.entries.get(key);
    if (value !== undefined) {
      this.entries.delete(key);
      this.entries.set(key, value);
    }
    return value;
  }

  set(key: Key, value: Value): void {
    this.entries.delete(key);
    this.entries.set(key, value);
    if (this.entries.size > this.limit) this.entries.delete(this.entries.keys().next().value as Key);
  }

  delete(key: Key): void {
    this.entries.delete(key);
  }

  clear(): void {
    this.entries.clear();
  }
}
