/**
 * One limiter shared by every API request of a run. App Store Connect announces the key's hourly
 * budget on every response (`X-Rate-Limit: user-hour-lim:3600;user-hour-rem:N;`); the limiter keeps
 * requests from spending past it, and a 429 pauses everybody, not only the request that got it.
 */
import { sleep } from './retry.js'
import { TimeoutError } from '../errors.js'

export interface RateLimitInfo {
  limit: number
  remaining: number
}

export function parseRateLimit(header: string | string[] | undefined): RateLimitInfo | undefined {
  const v = Array.isArray(header) ? header.join(';') : header
  if (!v) return undefined
  const lim = /user-hour-lim:(\d+)/.exec(v)
  const rem = /user-hour-rem:(-?\d+)/.exec(v)
  if (!lim || !rem) return undefined
  return { limit: Number(lim[1]), remaining: Number(rem[1]) }
}

export interface RateLimiterOptions {
  /** Requests kept in reserve, never spent (for a human's or another job's use of the same key). */
  reserve?: number
  /** The longest the limiter will wait in total before giving up with a clear error. */
  maxWaitMs?: number
  now?: () => number
}

export class RateLimiter {
  private info?: RateLimitInfo
  /** Requests sent since the last header was read: they have spent budget we have not seen yet. */
  private unseen = 0
  private pausedUntil = 0
  private waitedMs = 0
  private readonly reserve: number
  private readonly maxWaitMs: number
  private readonly now: () => number

  constructor(options: RateLimiterOptions = {}) {
    this.reserve = options.reserve ?? 0
    this.maxWaitMs = options.maxWaitMs ?? 15 * 60_000
    this.now = options.now ?? Date.now
  }

  get budget(): RateLimitInfo | undefined {
    return this.info ? { ...this.info } : undefined
  }

  /** Requests we may still send this hour, as far as we know (Infinity before the first header). */
  available(): number {
    if (!this.info) return Infinity
    return this.info.remaining - this.unseen - this.reserve
  }

  update(header: string | string[] | undefined): void {
    const parsed = parseRateLimit(header)
    if (this.unseen > 0) this.unseen--
    if (parsed) this.info = parsed
  }

  /** Called after a 429: nobody sends until the pause is over. */
  pause(ms: number): void {
    this.pausedUntil = Math.max(this.pausedUntil, this.now() + ms)
  }

  /**
   * Waits until a request may be sent, then counts it as in flight. With the budget spent, one
   * request's worth comes back every hour/limit on a rolling hour: after that wait one request goes
   * out, and its answer's X-Rate-Limit says how much really came back.
   */
  async acquire(): Promise<void> {
    for (;;) {
      const wait = this.waitFor()
      if (wait <= 0) break
      const paused = this.pausedUntil > this.now()
      if (this.waitedMs + wait > this.maxWaitMs) throw this.tooLong(paused)
      this.waitedMs += wait
      await sleep(wait)
      if (!paused) break
    }
    this.unseen++
  }

  private tooLong(paused: boolean): TimeoutError {
    const limit = `${Math.max(1, Math.round(this.maxWaitMs / 60000))}-minute limit on waiting`
    const why = paused
      ? `App Store Connect asked to pause (429) for longer than the ${limit}`
      : `The API key's hourly request budget is spent (${this.info?.remaining ?? 0} of ${this.info?.limit ?? '?'} left) and waiting for it would exceed the ${limit}`
    return new TimeoutError(`${why}; run again later or use another key.`)
  }

  private waitFor(): number {
    const paused = this.pausedUntil - this.now()
    if (paused > 0) return paused
    if (this.available() > 0) return 0
    // The hour rolls: one request's worth of budget comes back every hour/limit on average.
    return Math.ceil(3_600_000 / Math.max(1, this.info?.limit ?? 3600))
  }
}
