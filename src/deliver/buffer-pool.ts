/**
 * Reusable buffers for small files read whole before their upload. A fresh buffer per file costs the
 * kernel fresh pages (faulted in and zeroed, then unmapped when collected) and the collector external
 * memory to chase: for a release's hundreds of screenshots, more CPU than reading them. A buffer comes
 * back only once its bytes have been sent and acknowledged (see uploadAsset), so none is reused while
 * a socket may still read from it.
 */
const GRANULE = 1024 * 1024

export class BufferPool {
  private readonly idle: Buffer[] = []

  /** `maxIdle`: buffers kept for reuse; more given back than that are left to the collector. */
  constructor(private readonly maxIdle: number) {}

  /** A buffer of exactly `size` bytes (a view of a pooled one, whose capacity is a whole number of MiB). */
  take(size: number): Buffer {
    let best = -1
    for (let i = 0; i < this.idle.length; i++) {
      const cap = (this.idle[i] as Buffer).length
      if (cap >= size && (best < 0 || cap < (this.idle[best] as Buffer).length)) best = i
    }
    const whole = best >= 0 ? (this.idle.splice(best, 1)[0] as Buffer) : Buffer.allocUnsafe(Math.max(GRANULE, Math.ceil(size / GRANULE) * GRANULE))
    return whole.subarray(0, size)
  }

  /** Hands a buffer from `take` back; the caller must not touch it afterwards. */
  give(view: Buffer): void {
    if (this.idle.length >= this.maxIdle) return
    // The pooled buffer is the view's whole backing store (take never offsets into it).
    this.idle.push(Buffer.from(view.buffer, view.byteOffset, view.buffer.byteLength - view.byteOffset))
  }

  get idleCount(): number {
    return this.idle.length
  }
}
