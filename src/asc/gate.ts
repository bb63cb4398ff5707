/**
 * A counting semaphore whose limit can move: the HTTP layer's bound on requests in flight.
 * It starts at `initial`, grows additively while responses stay healthy and their latency stays
 * flat, and halves on 429 or 5xx (AIMD, as TCP does), never leaving [1, max].
 *
 * "Flat" latency: a healthy response whose latency (when the caller passes one) is more than twice
 * the best seen recently plus 25 ms is a sign of queueing on the server's side, so it does not count
 * towards growing. It does not shrink the limit either: only 429 and 5xx do.
 */
export type GateEventKind = 'grow' | 'overload'

export interface GateEvent {
  event: GateEventKind
  limit: number
  inFlight: number
  max: number
}

export type GateObserver = (event: GateEvent, gate: Gate) => void

const observers = new Set<GateObserver>()

/** Watches every gate's limit changes (benchmarks, debugging). Returns the function that stops watching. */
export function observeGates(observer: GateObserver): () => void {
  observers.add(observer)
  return () => void observers.delete(observer)
}

/** How far above the recent best a latency may be and still count as flat. */
const LATENCY_FACTOR = 2
const LATENCY_SLACK_MS = 25
/** The "recent best" forgets slowly, so a lasting change of route or region becomes the new normal. */
const BASELINE_DECAY = 1.02

export class Gate {
  private active = 0
  private readonly queue: (() => void)[] = []
  private current: number
  private healthyStreak = 0
  private baselineMs = Infinity
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

  /**
   * A response that shows the service is coping: widen a little. `latencyMs` (optional) is the
   * request's round trip; a response much slower than the recent best does not count.
   */
  onHealthy(latencyMs?: number): void {
    if (latencyMs !== undefined && Number.isFinite(latencyMs) && latencyMs >= 0) {
      this.baselineMs = Math.min(this.baselineMs * BASELINE_DECAY, latencyMs)
      if (latencyMs > this.baselineMs * LATENCY_FACTOR + LATENCY_SLACK_MS) return
    }
    if (++this.healthyStreak >= this.current && this.current < this.max) {
      this.current++
      this.healthyStreak = 0
      this.notify('grow')
      this.drain()
    }
  }

  /** A 429 or 5xx: halve, so a struggling service gets air. */
  onOverload(): void {
    this.healthyStreak = 0
    this.current = Math.max(1, Math.floor(this.current / 2))
    this.notify('overload')
  }

  private notify(event: GateEventKind): void {
    if (observers.size === 0) return
    const e: GateEvent = { event, limit: this.current, inFlight: this.active, max: this.max }
    for (const o of observers) o(e, this)
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
