/**
 * A counting semaphore whose limit can move: the HTTP layer's bound on requests in flight.
 * It starts at `initial`, grows additively while responses stay healthy and halves on 429 or 5xx
 * (AIMD, as TCP does), never leaving [1, max].
 */
export class Gate {
  private active = 0
  private readonly queue: (() => void)[] = []
  private current: number
  private healthyStreak = 0
  peak = 0

  constructor(
    readonly max: number,
    initial = max
  ) {
    this.current = Math.max(1, Math.min(max, initial))
  }

  get limit(): number {
    return this.current
  }

  get inFlight(): number {
    return this.active
  }

  async acquire(): Promise<void> {
    if (this.active < this.current) {
      this.take()
      return
    }
    // The slot is handed over by drain(), already counted, so nobody can overtake the waiter.
    await new Promise<void>(resolve => this.queue.push(resolve))
  }

  release(): void {
    this.active--
    this.drain()
  }

  /** A response that shows the service is coping: widen a little. */
  onHealthy(): void {
    if (++this.healthyStreak >= this.current && this.current < this.max) {
      this.current++
      this.healthyStreak = 0
      this.drain()
    }
  }

  /** A 429 or 5xx: halve, so a struggling service gets air. */
  onOverload(): void {
    this.healthyStreak = 0
    this.current = Math.max(1, Math.floor(this.current / 2))
  }

  private take(): void {
    this.active++
    if (this.active > this.peak) this.peak = this.active
  }

  private drain(): void {
    while (this.queue.length > 0 && this.active < this.current) {
      const next = this.queue.shift() as () => void
      this.take()
      next()
    }
  }
}
