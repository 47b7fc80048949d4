/**
 * A small seeded PRNG (mulberry32): the synthetic bank must be byte-identical for the same seed
 * on every machine and Node version, which Math.random cannot promise.
 */
export class Random {
  private state: number;

  constructor(seed: number) {
    // Mixes the seed once so that neighbouring seeds (1, 2, 3) do not start in similar states.
    let h = Math.imul((seed | 0) ^ 0x9e3779b9, 0x85ebca6b);
    h ^= h >>> 13;
    this.state = Math.imul(h, 0xc2b2ae35) >>> 0;
  }

  /** A float in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [min, max], both included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }

  /** `count` distinct items (fewer if there are not that many), in the order they were drawn. */
  sample<T>(items: readonly T[], count: number): T[] {
    const n = Math.min(count, items.length);
    if (n * 3 > items.length) {
      const copy = items.slice();
      for (let i = 0; i < n; i += 1) {
        const j = i + Math.floor(this.next() * (copy.length - i));
        [copy[i], copy[j]] = [copy[j], copy[i]];
      }
      return copy.slice(0, n);
    }
    // Large pools: rejection is cheaper than copying tens of thousands of items per draw.
    const chosen = new Set<number>();
    while (chosen.size < n) chosen.add(Math.floor(this.next() * items.length));
    return [...chosen].map((i) => items[i]);
  }
}
