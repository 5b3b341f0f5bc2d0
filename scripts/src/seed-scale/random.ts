/**
 * The generator's only source of chance: a seeded PRNG (sfc32, seeded by a string hash), so
 * the same --seed gives the same rows. Each stream is named (`citizens`, `plans:17`, …): a
 * change to how one table is generated does not shift the numbers every other table gets.
 */
export class Random {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: string) {
    [this.a, this.b, this.c, this.d] = hash128(seed);
    for (let i = 0; i < 12; i++) this.next();
  }

  /** A float in [0, 1). */
  next(): number {
    this.a >>>= 0;
    this.b >>>= 0;
    this.c >>>= 0;
    this.d >>>= 0;
    let t = (this.a + this.b) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.d = (this.d + 1) | 0;
    t = (t + this.d) | 0;
    this.c = (this.c + t) | 0;
    return (t >>> 0) / 4294967296;
  }

  /** A whole number in [min, max], both included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }

  /** One of the keys, with the given weights. */
  weighted<T extends string>(weights: Readonly<Record<T, number>>): T {
    const entries = Object.entries(weights) as [T, number][];
    let r = this.next() * entries.reduce((s, [, w]) => s + w, 0);
    for (const [key, w] of entries) {
      r -= w;
      if (r < 0) return key;
    }
    return entries[entries.length - 1][0];
  }

  /** `count` distinct items, in random order. */
  sample<T>(items: readonly T[], count: number): T[] {
    const copy = [...items];
    const n = Math.min(count, copy.length);
    for (let i = 0; i < n; i++) {
      const j = i + Math.floor(this.next() * (copy.length - i));
      [copy[i], copy[j]] = [copy[j], copy[i]];
    }
    return copy.slice(0, n);
  }

  /** A version-4-shaped UUID from this stream: fixed for a given seed. */
  uuid(): string {
    const w = [this.word(), this.word(), this.word(), this.word()];
    w[1] = (w[1] & 0xffff0fff) | 0x00004000; // version 4
    w[2] = (w[2] & 0x3fffffff) | 0x80000000; // RFC 4122 variant
    const h = HEX8(w[0]) + HEX8(w[1]) + HEX8(w[2]) + HEX8(w[3]);
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
  }

  private word(): number {
    return Math.floor(this.next() * 4294967296) >>> 0;
  }
}

const BYTE_HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));
const HEX8 = (n: number) => BYTE_HEX[n >>> 24] + BYTE_HEX[(n >>> 16) & 255] + BYTE_HEX[(n >>> 8) & 255] + BYTE_HEX[n & 255];

/** cyrb128: four 32-bit words from a string, to seed sfc32. */
function hash128(text: string): [number, number, number, number] {
  let h1 = 1779033703,
    h2 = 3144134277,
    h3 = 1013904242,
    h4 = 2773480762;
  for (let i = 0; i < text.length; i++) {
    const k = text.charCodeAt(i);
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
    h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
  h1 ^= h2 ^ h3 ^ h4;
  h2 ^= h1;
  h3 ^= h1;
  h4 ^= h1;
  return [h1 >>> 0, h2 >>> 0, h3 >>> 0, h4 >>> 0];
}

// ---- dates as YYYY-MM-DD strings (UTC arithmetic: no time zone or clock involved) ----

// Dates repeat a lot across millions of rows: both directions are cached.
const numbers = new Map<string, number>();
const dates = new Map<number, string>();
export const dayNumber = (date: string): number => {
  let n = numbers.get(date);
  if (n === undefined) numbers.set(date, (n = Date.UTC(+date.slice(0, 4), +date.slice(5, 7) - 1, +date.slice(8, 10)) / 86_400_000));
  return n;
};
const dateOf = (day: number): string => {
  let d = dates.get(day);
  if (d === undefined) dates.set(day, (d = new Date(day * 86_400_000).toISOString().slice(0, 10)));
  return d;
};
export const plusDays = (date: string, days: number): string => dateOf(dayNumber(date) + days);
/** 0 = Monday … 6 = Sunday (1970-01-01, day 0, was a Thursday). */
export const weekday = (date: string): number => (((dayNumber(date) + 3) % 7) + 7) % 7;

/** Copenhagen's offset from UTC in hours on a date: +2 from the last Sunday of March to the last Sunday of October. */
const offsets = new Map<string, number>();
function copenhagenOffset(date: string): number {
  let offset = offsets.get(date);
  if (offset === undefined) offsets.set(date, (offset = computeOffset(date)));
  return offset;
}

function computeOffset(date: string): number {
  const year = +date.slice(0, 4);
  const lastSunday = (month: number) => {
    const last = dateOf(Date.UTC(year, month, 0) / 86_400_000);
    return plusDays(last, -((weekday(last) + 1) % 7));
  };
  return date >= lastSunday(3) && date < lastSunday(10) ? 2 : 1;
}

/** The instant of a Copenhagen wall-clock time (minutes after midnight) on a date. */
export function copenhagenInstant(date: string, minutes: number): Date {
  return new Date((dayNumber(date) * 1440 + minutes - copenhagenOffset(date) * 60) * 60_000);
}
