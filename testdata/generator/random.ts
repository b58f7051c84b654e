/**
 * A seeded PRNG (mulberry32) and the name/ID shapes Kubernetes and Harvester generate, so that a
 * fixture is byte-identical for the same seed on every machine.
 */
export class SeededRandom {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** Uniform in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** Integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!;
  }

  private chars(alphabet: string, length: number): string {
    let out = '';
    for (let i = 0; i < length; i++) out += alphabet[Math.floor(this.next() * alphabet.length)];
    return out;
  }

  hex(length: number): string {
    return this.chars('0123456789abcdef', length);
  }

  /** The suffix alphabet of generateName / ReplicaSet pod names (no vowels, no 0/1/3). */
  podSuffix(length = 5): string {
    return this.chars('bcdfghjklmnpqrstvwxz2456789', length);
  }

  /** A version-4 UUID. */
  uuid(): string {
    const h = this.hex(32);
    const variant = '89ab'[Math.floor(this.next() * 4)];
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
  }

  /** Base64 of `bytes` random bytes: a stand-in for certificates and checksums. */
  base64(bytes: number): string {
    const raw = new Uint8Array(bytes);
    for (let i = 0; i < bytes; i++) raw[i] = Math.floor(this.next() * 256);
    return Buffer.from(raw).toString('base64');
  }

  /** A PEM certificate encoded in base64, as in a Secret's `tls.crt` or a webhook's `caBundle`. */
  pemBase64(label = 'CERTIFICATE', bodyBytes = 330): string {
    const body = this.base64(bodyBytes).replace(/(.{64})/g, '$1\n');
    return Buffer.from(`-----BEGIN ${label}-----\n${body}\n-----END ${label}-----\n`).toString('base64');
  }
}
