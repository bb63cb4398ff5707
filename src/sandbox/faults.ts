/**
 * Fault injection with repeatable decisions. Each decision is drawn from a mulberry32 stream seeded
 * from (randomSeed, fault kind, request method + route template, n-th such request), so concurrent
 * requests to different routes do not shift each other's outcomes between runs.
 */
export interface FaultConfig {
  /** Fraction of API requests answered 500/503 (Apple-shaped error) before acting. */
  api5xxRate: number
  /** Fraction answered 429 RATE_LIMIT_EXCEEDED with Retry-After: 1 (burst limit). */
  api429Rate: number
  /** Fraction of write requests that take effect but are answered 500 (response lost). */
  lostResponseRate: number
  /** Fraction of upload PUTs whose socket is destroyed mid-body. */
  uploadResetRate: number
  /** File names (fileName at reservation) whose processing ends FAILED. */
  processingFailures: string[]
  /** Issue upload URLs that are already expired. */
  expireUploadUrls: boolean
  /** Restrict faults to matching requests. */
  only?: (req: { method: string; path: string }) => boolean
}

export function defaultFaults(): FaultConfig {
  return { api5xxRate: 0, api429Rate: 0, lostResponseRate: 0, uploadResetRate: 0, processingFailures: [], expireUploadUrls: false }
}

export type FaultKind = 'api5xx' | 'api429' | 'lostResponse' | 'uploadReset'

/** mulberry32: a small seeded PRNG, the same stream for the same seed. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** FNV-1a, to turn a decision key into a 32-bit seed. */
function hash(text: string): number {
  let h = 0x811c9dc5
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i)
    h = Math.imul(h, 0x01000193)
  }
  return h >>> 0
}

export class FaultDice {
  private readonly counters = new Map<string, number>()

  constructor(
    public config: FaultConfig,
    private readonly seed: () => number
  ) {}

  /**
   * True when the fault of this kind hits this request. `key` should be stable across runs (method and
   * route template, not ids); `path` is what `only` sees.
   */
  roll(kind: FaultKind, rate: number, method: string, path: string, key: string): boolean {
    if (!(rate > 0)) return false
    if (this.config.only && !this.config.only({ method, path })) return false
    const counterKey = `${kind}|${key}`
    const n = (this.counters.get(counterKey) ?? 0) + 1
    this.counters.set(counterKey, n)
    const draw = mulberry32(hash(`${this.seed()}|${counterKey}|${n}`))()
    return draw < rate
  }

  /** Forget the sequence, so the same requests after reset get the same decisions again. */
  reset(): void {
    this.counters.clear()
  }
}
