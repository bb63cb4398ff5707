/**
 * Reusable read buffers. A fresh buffer per file costs the kernel fresh pages (faulted in and zeroed,
 * then unmapped when collected) and the collector external memory to chase: for a release's hundreds
 * of screenshots, more CPU than reading them (on the bench machine, W1's local checks took 80 ms less
 * once their windows were reused). Whoever gives a buffer back must be done with it: upload bodies
 * come back only once their parts are acknowledged (see uploadAsset), so no socket still reads them.
 */
const MiB = 1024 * 1024

export class BufferPool {
  private readonly idle: Buffer[] = []

  /**
   * `maxIdle`: buffers kept for reuse (more given back are left to the collector); `granule`: the
   * capacities handed out are its multiples, so a buffer fits the next file of a similar size.
   */
  constructor(
    private readonly maxIdle: number,
    private readonly granule = MiB
  ) {}

  /** A buffer of exactly `size` bytes (a view of a pooled one, whose capacity is a multiple of the granule). */
  take(size: number): Buffer {
    let best = -1
    for (let i = 0; i < this.idle.length; i++) {
      const cap = (this.idle[i] as Buffer).length
      if (cap >= size && (best < 0 || cap < (this.idle[best] as Buffer).length)) best = i
    }
    const whole = best >= 0 ? (this.idle.splice(best, 1)[0] as Buffer) : Buffer.allocUnsafe(Math.max(1, Math.ceil(size / this.granule)) * this.granule)
    return whole.subarray(0, size)
  }

  /** Hands a buffer from `take` back; the caller must not touch it afterwards. */
  give(view: Buffer): void {
    if (this.idle.length >= this.maxIdle || this.idle.some(b => b.buffer === view.buffer)) return
    // The pooled buffer is the view's whole backing store (take never offsets into it).
    this.idle.push(Buffer.from(view.buffer, view.byteOffset, view.buffer.byteLength - view.byteOffset))
  }

  get idleCount(): number {
    return this.idle.length
  }
}

/** For short-lived reads that end before their caller returns: the local checks' windows and hashing. */
export const scratchBuffers = new BufferPool(16, 256 * 1024)
