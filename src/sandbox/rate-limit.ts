/**
 * Apple's hourly budget: each API request spends one unit per API key over a rolling hour, and every
 * API response says what is left in `X-Rate-Limit: user-hour-lim:3600;user-hour-rem:N;`.
 */
const HOUR_MS = 3_600_000

export class RateLimiter {
  private readonly spent = new Map<string, number[]>()

  constructor(
    private readonly clock: () => number,
    private readonly limit: () => number
  ) {}

  private window(keyId: string): number[] {
    const cutoff = this.clock() - HOUR_MS
    const times = (this.spent.get(keyId) ?? []).filter(t => t > cutoff)
    this.spent.set(keyId, times)
    return times
  }

  /** Spends one unit; returns false (spending nothing) when the budget is gone. */
  take(keyId: string): boolean {
    const times = this.window(keyId)
    if (times.length >= this.limit()) return false
    times.push(this.clock())
    return true
  }

  remaining(keyId: string): number {
    return Math.max(0, this.limit() - this.window(keyId).length)
  }

  header(keyId: string): string {
    return `user-hour-lim:${this.limit()};user-hour-rem:${this.remaining(keyId)};`
  }
}
