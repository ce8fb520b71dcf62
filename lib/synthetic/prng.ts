// A small seeded PRNG for the lookup tables built in JavaScript (hospitals, code pools, case mix).
// sfc32: fast, 128-bit state, good statistical quality; the same seed gives the same sequence on
// every platform (integer arithmetic only).

export interface Rng {
  /** Uniform in [0, 1). */
  next(): number;
  /** An integer in [0, n). */
  int(n: number): number;
  /** One element of a non-empty array. */
  pick<T>(items: readonly T[]): T;
  /** Standard normal (Box–Muller). */
  normal(): number;
}

export function createRng(seed: number, stream = 0): Rng {
  let a = 0x9e3779b9 ^ seed;
  let b = 0x243f6a88 ^ stream;
  let c = 0xb7e15162;
  let d = 1;
  const raw = () => {
    a |= 0, b |= 0, c |= 0, d |= 0;
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
  for (let i = 0; i < 16; i++) raw();
  const rng: Rng = {
    next: raw,
    int: (n) => Math.floor(raw() * n),
    pick: (items) => items[Math.floor(raw() * items.length)],
    normal: () => Math.sqrt(-2 * Math.log(1 - raw())) * Math.cos(2 * Math.PI * raw()),
  };
  return rng;
}

/** A stable 32-bit hash of a string (FNV-1a), to derive per-name streams. */
export function hashString(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}
