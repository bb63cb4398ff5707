import { describe, expect, it } from '@jest/globals'
import { TimeoutError } from '../../src/errors.js'
import { parseRateLimit, RateLimiter } from '../../src/asc/rate-limiter.js'

describe('parseRateLimit', () => {
  it("reads Apple's X-Rate-Limit header", () => {
    expect(parseRateLimit('user-hour-lim:3600;user-hour-rem:3599;')).toEqual({ limit: 3600, remaining: 3599 })
    expect(parseRateLimit('user-hour-rem:12;user-hour-lim:3500')).toEqual({ limit: 3500, remaining: 12 })
  })

  it('accepts a negative remainder and a repeated header', () => {
    expect(parseRateLimit('user-hour-lim:3600;user-hour-rem:-2;')).toEqual({ limit: 3600, remaining: -2 })
    expect(parseRateLimit(['user-hour-lim:3600', 'user-hour-rem:7'])).toEqual({ limit: 3600, remaining: 7 })
  })

  it('returns undefined for a missing or partial header', () => {
    expect(parseRateLimit(undefined)).toBeUndefined()
    expect(parseRateLimit('')).toBeUndefined()
    expect(parseRateLimit('user-hour-lim:3600;')).toBeUndefined()
    expect(parseRateLimit('garbage')).toBeUndefined()
  })
})

describe('RateLimiter', () => {
  it('is unlimited before the first header', async () => {
    const limiter = new RateLimiter()
    expect(limiter.available()).toBe(Infinity)
    expect(limiter.budget).toBeUndefined()
    await limiter.acquire()
    expect(limiter.available()).toBe(Infinity)
  })

  it('tracks the budget, counting requests in flight and the reserve', async () => {
    const limiter = new RateLimiter({ reserve: 5 })
    limiter.update('user-hour-lim:3600;user-hour-rem:100;')
    expect(limiter.budget).toEqual({ limit: 3600, remaining: 100 })
    expect(limiter.available()).toBe(95)
    await limiter.acquire()
    await limiter.acquire()
    expect(limiter.available()).toBe(93)
    limiter.update('user-hour-lim:3600;user-hour-rem:99;')
    expect(limiter.available()).toBe(93) // 99 − 1 still unseen − 5 reserve
    limiter.update(undefined) // a failed request: no header, but no longer in flight
    expect(limiter.available()).toBe(94)
    limiter.update(undefined) // never goes below zero requests in flight
    expect(limiter.available()).toBe(94)
  })

  it('returns a copy of the budget', () => {
    const limiter = new RateLimiter()
    limiter.update('user-hour-lim:10;user-hour-rem:4;')
    const b = limiter.budget!
    b.remaining = 0
    expect(limiter.available()).toBe(4)
  })

  it('pause() holds back every acquire until it is over', async () => {
    const limiter = new RateLimiter()
    const order: string[] = []
    limiter.pause(60)
    const start = Date.now()
    const waiting = limiter.acquire().then(() => order.push('acquired'))
    await new Promise(r => setTimeout(r, 10))
    order.push('10ms later')
    await waiting
    expect(order).toEqual(['10ms later', 'acquired'])
    expect(Date.now() - start).toBeGreaterThanOrEqual(50)
  })

  it('a shorter pause does not shorten a longer one', async () => {
    const limiter = new RateLimiter()
    limiter.pause(50)
    limiter.pause(1)
    const start = Date.now()
    await limiter.acquire()
    expect(Date.now() - start).toBeGreaterThanOrEqual(40)
  })

  it('uses the injected clock for pauses', async () => {
    let now = 1_000_000
    const limiter = new RateLimiter({ now: () => now })
    limiter.pause(60_000)
    now += 60_000
    await limiter.acquire() // resolves at once: the pause is over by the injected clock
  })

  it('throws a TimeoutError with a clear message when the wait would exceed maxWaitMs', async () => {
    const limiter = new RateLimiter({ maxWaitMs: 100 })
    limiter.update('user-hour-lim:3600;user-hour-rem:0;')
    const err = await limiter.acquire().catch(e => e)
    expect(err).toBeInstanceOf(TimeoutError)
    expect(err.message).toContain('hourly request budget is spent')
    expect(err.message).toContain('0 of 3600 left')
    expect(err.message).toMatch(/run again later or use another key/)
  })

  it('with the budget spent, paces one request per hour/limit, then gives up once the total wait is spent', async () => {
    // limit 36000/h → one request's worth every 100 ms.
    const limiter = new RateLimiter({ maxWaitMs: 250 })
    limiter.update('user-hour-lim:36000;user-hour-rem:1;')
    await limiter.acquire() // spends the last one
    limiter.update('user-hour-lim:36000;user-hour-rem:0;')
    await limiter.acquire() // one request's worth came back: a probe may go
    limiter.update('user-hour-lim:36000;user-hour-rem:0;')
    await limiter.acquire()
    limiter.update('user-hour-lim:36000;user-hour-rem:0;')
    // Two waits of 100 ms are spent; a third would pass 250 ms.
    const err = await limiter.acquire().catch(e => e)
    expect(err).toBeInstanceOf(TimeoutError)
    expect((err as Error).message).toMatch(/budget is spent \(0 of 36000 left\)/)
  })

  it('a pause longer than maxWaitMs fails at once', async () => {
    const limiter = new RateLimiter({ maxWaitMs: 1000 })
    limiter.pause(5000)
    const start = Date.now()
    await expect(limiter.acquire()).rejects.toBeInstanceOf(TimeoutError)
    expect(Date.now() - start).toBeLessThan(500)
  })
})
