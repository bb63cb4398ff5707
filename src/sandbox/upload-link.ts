/**
 * The upload hosts' one shared link: with a bandwidth cap, every upload request's bytes go through
 * it, so the cap is the total rate of all parts in flight, as a runner's uplink is, not a rate each.
 * Each chunk is given the moment the link finishes sending it (a virtual clock, FIFO across requests),
 * and its reader waits until then; pausing the read makes TCP push back on the client.
 */
export class UploadLink {
  private freeAt = 0

  constructor(private readonly clock: () => number = () => performance.now()) {}

  /** Milliseconds to hold back a chunk of `bytes` so that all chunks together stay at `bytesPerSec`. */
  delayFor(bytes: number, bytesPerSec: number): number {
    const now = this.clock()
    this.freeAt = Math.max(now, this.freeAt) + (bytes / bytesPerSec) * 1000
    return this.freeAt - now
  }
}
