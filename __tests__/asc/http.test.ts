import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import { Readable } from 'node:stream'
import { MockAgent } from 'undici'
import { TimeoutError } from '../../src/errors.js'
import { Http, OutcomeUnknownError, RetriesExhaustedError, describeError } from '../../src/asc/http.js'
import { RateLimiter } from '../../src/asc/rate-limiter.js'

const ORIGIN = 'https://api.example.test'
const fast = { baseDelayMs: 1, maxDelayMs: 5 }

let agent: MockAgent
beforeEach(() => {
  agent = new MockAgent()
  agent.disableNetConnect()
})
afterEach(async () => {
  await agent.close()
})

const pool = () => agent.get(ORIGIN)
const reset = () => Object.assign(new Error('reset'), { code: 'ECONNRESET' })

describe('Http', () => {
  it('retries a GET answered 500, then returns the success', async () => {
    const retries: { label: string; attempt: number; reason: string }[] = []
    const http = new Http({ dispatcher: agent, retry: fast, onRetry: i => retries.push(i) })
    pool().intercept({ path: '/v1/apps', method: 'GET' }).reply(500, 'oops').times(2)
    pool().intercept({ path: '/v1/apps', method: 'GET' }).reply(200, '{"data":[]}')
    const res = await http.send({ method: 'GET', url: `${ORIGIN}/v1/apps`, idempotent: true, kind: 'api', label: 'GET apps' })
    expect(res.status).toBe(200)
    expect(res.text).toBe('{"data":[]}')
    expect(retries.map(r => [r.attempt, r.reason])).toEqual([
      [1, '500'],
      [2, '500']
    ])
    expect(http.stats.retries).toBe(2)
    expect(http.stats.requests['GET apps']).toBe(3)
    expect(http.stats.apiRequests).toBe(3)
    expect(agent.pendingInterceptors()).toHaveLength(0)
  })

  it('retries a POST answered 429, honouring Retry-After, and pauses the limiter', async () => {
    const limiter = new RateLimiter()
    const delays: number[] = []
    const http = new Http({ dispatcher: agent, retry: fast, limiter, onRetry: i => delays.push(i.delayMs) })
    let calls = 0
    pool()
      .intercept({ path: '/v1/appScreenshots', method: 'POST' })
      .reply(() => {
        calls++
        return { statusCode: 429, data: '{"errors":[]}', responseOptions: { headers: { 'retry-after': '0.05' } } }
      })
    pool()
      .intercept({ path: '/v1/appScreenshots', method: 'POST' })
      .reply(() => {
        calls++
        return { statusCode: 201, data: '{"data":{"type":"appScreenshots","id":"1"}}' }
      })
    const start = Date.now()
    const res = await http.send({ method: 'POST', url: `${ORIGIN}/v1/appScreenshots`, body: '{}', idempotent: false, kind: 'api' })
    expect(res.status).toBe(201)
    expect(calls).toBe(2)
    expect(delays).toEqual([50])
    expect(Date.now() - start).toBeGreaterThanOrEqual(40)
    expect(http.stats.throttled).toBe(1)
    expect(http.stats.retries).toBe(1)
  })

  it('429 without Retry-After falls back to backoff', async () => {
    const delays: number[] = []
    const http = new Http({ dispatcher: agent, retry: fast, onRetry: i => delays.push(i.delayMs) })
    pool().intercept({ path: '/x', method: 'GET' }).reply(429, '')
    pool().intercept({ path: '/x', method: 'GET' }).reply(200, 'ok')
    expect((await http.send({ method: 'GET', url: `${ORIGIN}/x`, idempotent: true, kind: 'upload' })).status).toBe(200)
    expect(delays).toHaveLength(1)
    expect(delays[0]).toBeLessThanOrEqual(5)
  })

  it('a POST answered 500 is not retried: OutcomeUnknownError', async () => {
    const http = new Http({ dispatcher: agent, retry: fast })
    let calls = 0
    pool()
      .intercept({ path: '/v1/appScreenshots', method: 'POST' })
      .reply(() => {
        calls++
        return { statusCode: 500, data: 'internal' }
      })
      .persist()
    const err = await http.send({ method: 'POST', url: `${ORIGIN}/v1/appScreenshots`, body: '{}', idempotent: false, kind: 'api' }).catch(e => e)
    expect(err).toBeInstanceOf(OutcomeUnknownError)
    expect(err.status).toBe(500)
    expect(err.message).toContain('POST https://api.example.test/v1/appScreenshots answered 500')
    expect(calls).toBe(1)
    expect(http.stats.retries).toBe(0)
  })

  it('a POST whose connection reset is not retried: OutcomeUnknownError', async () => {
    const http = new Http({ dispatcher: agent, retry: fast })
    pool().intercept({ path: '/v1/appScreenshots', method: 'POST' }).replyWithError(reset())
    const err = await http.send({ method: 'POST', url: `${ORIGIN}/v1/appScreenshots`, body: '{}', idempotent: false, kind: 'api' }).catch(e => e)
    expect(err).toBeInstanceOf(OutcomeUnknownError)
    expect(err.message).toContain('ECONNRESET')
    expect(http.stats.requests['POST api']).toBe(1)
  })

  it('a POST that never reached the server (ECONNREFUSED) is retried', async () => {
    const http = new Http({ dispatcher: agent, retry: fast })
    pool()
      .intercept({ path: '/v1/appScreenshots', method: 'POST' })
      .replyWithError(Object.assign(new Error('refused'), { code: 'ECONNREFUSED' }))
    pool().intercept({ path: '/v1/appScreenshots', method: 'POST' }).reply(201, '{}')
    const res = await http.send({ method: 'POST', url: `${ORIGIN}/v1/appScreenshots`, body: '{}', idempotent: false, kind: 'api' })
    expect(res.status).toBe(201)
    expect(http.stats.retries).toBe(1)
  })

  it('retries an idempotent PATCH after a network error', async () => {
    const http = new Http({ dispatcher: agent, retry: fast })
    pool().intercept({ path: '/v1/appScreenshots/1', method: 'PATCH' }).replyWithError(reset())
    pool().intercept({ path: '/v1/appScreenshots/1', method: 'PATCH' }).reply(200, '{"data":{}}')
    const res = await http.send({ method: 'PATCH', url: `${ORIGIN}/v1/appScreenshots/1`, body: '{}', idempotent: true, kind: 'api' })
    expect(res.status).toBe(200)
    expect(http.stats.retries).toBe(1)
    expect(agent.pendingInterceptors()).toHaveLength(0)
  })

  it('does not retry a non-network error', async () => {
    const http = new Http({ dispatcher: agent, retry: fast })
    pool().intercept({ path: '/x', method: 'GET' }).replyWithError(new Error('something else'))
    await expect(http.send({ method: 'GET', url: `${ORIGIN}/x`, idempotent: true, kind: 'api' })).rejects.toThrow('something else')
    expect(http.stats.retries).toBe(0)
  })

  it('returns 4xx answers other than 429 without retrying', async () => {
    const http = new Http({ dispatcher: agent, retry: fast })
    pool().intercept({ path: '/x', method: 'GET' }).reply(409, '{"errors":[]}')
    const res = await http.send({ method: 'GET', url: `${ORIGIN}/x`, idempotent: true, kind: 'api' })
    expect(res.status).toBe(409)
    expect(http.stats.retries).toBe(0)
  })

  it('gives up after maxAttempts with RetriesExhaustedError, without the query string', async () => {
    const http = new Http({ dispatcher: agent, retry: { ...fast, maxAttempts: 3 } })
    let calls = 0
    pool()
      .intercept({ path: p => p.startsWith('/upload/part1'), method: 'PUT' })
      .reply(() => {
        calls++
        return { statusCode: 503, data: 'unavailable' }
      })
      .persist()
    const url = `${ORIGIN}/upload/part1?X-Amz-Credential=abc&Signature=secret`
    const err = await http.send({ method: 'PUT', url, body: Buffer.from('abc'), headers: { 'content-length': '3' }, idempotent: true, kind: 'upload' }).catch(e => e)
    expect(err).toBeInstanceOf(RetriesExhaustedError)
    expect(calls).toBe(3)
    expect(err.message).toContain('after 3 attempts')
    expect(err.message).toContain('HTTP 503')
    expect(err.message).toContain(`${ORIGIN}/upload/part1`)
    expect(err.message).not.toContain('secret')
    expect(err.message).not.toContain('X-Amz-Credential')
    expect(err.response?.status).toBe(503)
    expect(http.stats.uploadRequests).toBe(3)
    expect(http.stats.uploadBytes).toBe(9)
    expect(http.stats.apiRequests).toBe(0)
  })

  it('gives up after repeated network errors with the error in the message', async () => {
    const http = new Http({ dispatcher: agent, retry: { ...fast, maxAttempts: 2 } })
    pool().intercept({ path: p => p.startsWith('/x'), method: 'GET' }).replyWithError(reset()).times(2)
    const err = await http.send({ method: 'GET', url: `${ORIGIN}/x?Signature=secret`, idempotent: true, kind: 'api' }).catch(e => e)
    expect(err).toBeInstanceOf(RetriesExhaustedError)
    expect(err.message).toContain('ECONNRESET')
    expect(err.message).not.toContain('secret')
    expect(err.response).toBeUndefined()
  })

  it('gives up when the retry budget would be exceeded', async () => {
    const http = new Http({ dispatcher: agent, retry: { maxAttempts: 10, baseDelayMs: 1, maxDelayMs: 5, budgetMs: 100 } })
    pool()
      .intercept({ path: '/x', method: 'GET' })
      .reply(503, '', { headers: { 'retry-after': '60' } })
    const start = Date.now()
    const err = await http.send({ method: 'GET', url: `${ORIGIN}/x`, idempotent: true, kind: 'api' }).catch(e => e)
    expect(err).toBeInstanceOf(RetriesExhaustedError)
    expect(err.message).toContain('after 1 attempts')
    expect(Date.now() - start).toBeLessThan(1000)
  })

  it('re-reads a body factory on every attempt', async () => {
    const http = new Http({ dispatcher: agent, retry: fast })
    const seen: unknown[] = []
    let made = 0
    for (const status of [500, 200]) {
      pool()
        .intercept({ path: '/part', method: 'PUT' })
        .reply(opts => {
          seen.push(opts.body)
          return { statusCode: status, data: '' }
        })
    }
    const res = await http.send({
      method: 'PUT',
      url: `${ORIGIN}/part`,
      body: () => {
        made++
        return Readable.from([Buffer.from('bytes')])
      },
      idempotent: true,
      kind: 'upload'
    })
    expect(res.status).toBe(200)
    expect(made).toBe(2)
    expect(seen).toHaveLength(2)
    expect(seen[0]).toBeInstanceOf(Readable)
    expect(seen[1]).not.toBe(seen[0])
  })

  it('feeds X-Rate-Limit to the limiter for API requests only', async () => {
    const limiter = new RateLimiter()
    const http = new Http({ dispatcher: agent, retry: fast, limiter })
    expect(http.limiter).toBe(limiter)
    pool()
      .intercept({ path: '/v1/apps', method: 'GET' })
      .reply(200, '{}', { headers: { 'x-rate-limit': 'user-hour-lim:3600;user-hour-rem:1234;' } })
    await http.send({ method: 'GET', url: `${ORIGIN}/v1/apps`, idempotent: true, kind: 'api' })
    expect(limiter.budget).toEqual({ limit: 3600, remaining: 1234 })
    expect(limiter.available()).toBe(1234)
    pool()
      .intercept({ path: '/upload', method: 'PUT' })
      .reply(200, '', { headers: { 'x-rate-limit': 'user-hour-lim:3600;user-hour-rem:1;' } })
    await http.send({ method: 'PUT', url: `${ORIGIN}/upload`, body: 'x', idempotent: true, kind: 'upload' })
    expect(limiter.budget).toEqual({ limit: 3600, remaining: 1234 })
  })

  it('counts requests per label and kind, and the peak in flight', async () => {
    const http = new Http({ dispatcher: agent, retry: fast, concurrency: 2 })
    pool()
      .intercept({ path: p => p.startsWith('/v1/'), method: 'GET' })
      .reply(200, '{}')
      .delay(15)
      .times(5)
    await Promise.all(
      Array.from({ length: 5 }, (_, i) => http.send({ method: 'GET', url: `${ORIGIN}/v1/r${i}`, idempotent: true, kind: 'api', label: 'GET r' }))
    )
    expect(http.stats.requests).toEqual({ 'GET r': 5 })
    expect(http.stats.apiRequests).toBe(5)
    expect(http.stats.peakInFlight).toBe(2)
    expect(http.gate.max).toBe(2)
  })

  it('sends API calls while every upload slot is busy with a slow part', async () => {
    const http = new Http({ dispatcher: agent, retry: fast, concurrency: 2 })
    pool().intercept({ path: p => p.startsWith('/upload/'), method: 'PUT' }).reply(200, '').delay(300).times(2)
    pool().intercept({ path: '/v1/apps', method: 'GET' }).reply(200, '{}')
    let partsDone = 0
    const parts = [1, 2].map(i => http.send({ method: 'PUT', url: `${ORIGIN}/upload/${i}`, body: 'x', idempotent: true, kind: 'upload' }).then(() => partsDone++))
    await http.send({ method: 'GET', url: `${ORIGIN}/v1/apps`, idempotent: true, kind: 'api' })
    // Answered while both parts are still on their way: it did not queue behind them.
    expect(partsDone).toBe(0)
    await Promise.all(parts)
    expect(http.stats.peakUploadsInFlight).toBe(2)
    expect(http.stats.peakInFlight).toBe(1)
  })

  it('lets parts of big files take at most half the upload slots; a small file\'s part still goes', async () => {
    const http = new Http({ dispatcher: agent, retry: fast, concurrency: 4 })
    let inFlight = 0
    let peakBulk = 0
    pool()
      .intercept({ path: p => p.startsWith('/upload/big'), method: 'PUT' })
      .reply(() => {
        peakBulk = Math.max(peakBulk, ++inFlight)
        return { statusCode: 200, data: '' }
      })
      .delay(60)
      .times(6)
    pool().intercept({ path: '/upload/small', method: 'PUT' }).reply(200, '')
    let bigDone = 0
    const big = Array.from({ length: 6 }, (_, i) =>
      http.send({ method: 'PUT', url: `${ORIGIN}/upload/big${i}`, body: () => Readable.from([Buffer.from('x')]), idempotent: true, kind: 'upload', bulk: true }).then(() => {
        inFlight--
        bigDone++
      })
    )
    await http.send({ method: 'PUT', url: `${ORIGIN}/upload/small`, body: 'x', idempotent: true, kind: 'upload' })
    // The small file's part went ahead of the queued big parts.
    expect(bigDone).toBe(0)
    await Promise.all(big)
    expect(peakBulk).toBe(2)
    expect(http.bulkGate.max).toBe(2)
  })

  it('halves the concurrency gate on 5xx', async () => {
    const http = new Http({ dispatcher: agent, retry: fast, concurrency: 8 })
    pool().intercept({ path: '/x', method: 'GET' }).reply(502, '')
    pool().intercept({ path: '/x', method: 'GET' }).reply(200, '')
    await http.send({ method: 'GET', url: `${ORIGIN}/x`, idempotent: true, kind: 'api' })
    expect(http.gate.limit).toBe(4)
  })

  // BUG: see report. The rate limiter's TimeoutError (budget exhausted) has name "TimeoutError",
  // which errorCode() in retry.ts maps to ETIMEDOUT, so Http treats it as a network timeout:
  // a GET is retried and finally fails as RetriesExhaustedError instead of the limiter's clear TimeoutError.
  it('lets the rate limiter’s TimeoutError through unchanged (not retried as a network timeout)', async () => {
    const limiter = new RateLimiter({ maxWaitMs: 10 })
    limiter.update('user-hour-lim:3600;user-hour-rem:0;')
    const http = new Http({ dispatcher: agent, retry: fast, limiter })
    const err = await http.send({ method: 'GET', url: `${ORIGIN}/v1/apps`, idempotent: true, kind: 'api' }).catch(e => e)
    expect(err).toBeInstanceOf(TimeoutError)
    expect(err.message).toContain('hourly request budget is spent')
    expect(http.stats.retries).toBe(0)
  })

  // BUG: same root cause; for a POST the budget error becomes OutcomeUnknownError although nothing was sent.
  it('a POST blocked by the rate limiter fails with TimeoutError, not OutcomeUnknownError', async () => {
    const limiter = new RateLimiter({ maxWaitMs: 10 })
    limiter.update('user-hour-lim:3600;user-hour-rem:0;')
    const http = new Http({ dispatcher: agent, retry: fast, limiter })
    const err = await http.send({ method: 'POST', url: `${ORIGIN}/v1/apps`, body: '{}', idempotent: false, kind: 'api' }).catch(e => e)
    expect(err).toBeInstanceOf(TimeoutError)
    expect(err).not.toBeInstanceOf(OutcomeUnknownError)
  })
})

describe('describeError', () => {
  it('prefixes the code when there is one', () => {
    expect(describeError(reset())).toBe('ECONNRESET: reset')
    expect(describeError(new Error('plain'))).toBe('plain')
    expect(describeError('text')).toBe('text')
  })
})
