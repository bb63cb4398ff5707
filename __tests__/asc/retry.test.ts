import { describe, expect, it } from '@jest/globals'
import {
  backoffDelay,
  DEFAULT_RETRY,
  errorCode,
  isRetryableNetworkError,
  neverReachedServer,
  parseRetryAfter,
  sleep,
  type RetryPolicy
} from '../../src/asc/retry.js'

const policy: RetryPolicy = { maxAttempts: 6, baseDelayMs: 400, maxDelayMs: 20_000, budgetMs: 120_000 }

describe('backoffDelay', () => {
  it('is full jitter within [base/4, base·2^attempt]', () => {
    for (let attempt = 0; attempt < 5; attempt++) {
      const ceiling = 400 * 2 ** attempt
      expect(backoffDelay(attempt, policy, () => 0)).toBe(100)
      expect(backoffDelay(attempt, policy, () => 0.999999)).toBe(ceiling)
      expect(backoffDelay(attempt, policy, () => 0.5)).toBe(Math.max(100, ceiling / 2))
    }
  })

  it('never exceeds maxDelayMs', () => {
    for (const attempt of [6, 10, 30, 100]) {
      expect(backoffDelay(attempt, policy, () => 0.999999)).toBeLessThanOrEqual(20_000)
      expect(backoffDelay(attempt, policy, () => 0.999999)).toBeGreaterThan(19_000)
    }
  })

  it('stays within bounds for any random value', () => {
    for (let i = 0; i <= 100; i++) {
      const r = i / 100
      for (let attempt = 0; attempt < 12; attempt++) {
        const d = backoffDelay(attempt, DEFAULT_RETRY, () => r)
        expect(d).toBeGreaterThanOrEqual(DEFAULT_RETRY.baseDelayMs / 4)
        expect(d).toBeLessThanOrEqual(Math.min(DEFAULT_RETRY.maxDelayMs, DEFAULT_RETRY.baseDelayMs * 2 ** attempt))
      }
    }
  })

  it('uses Math.random by default', () => {
    const d = backoffDelay(2, policy)
    expect(d).toBeGreaterThanOrEqual(100)
    expect(d).toBeLessThanOrEqual(1600)
  })
})

describe('parseRetryAfter', () => {
  it('reads delta-seconds as milliseconds', () => {
    expect(parseRetryAfter('120')).toBe(120_000)
    expect(parseRetryAfter(' 3 ')).toBe(3000)
    expect(parseRetryAfter('0')).toBe(0)
    expect(parseRetryAfter('1.5')).toBe(1500)
  })

  it('takes the first value of a repeated header', () => {
    expect(parseRetryAfter(['2', '60'])).toBe(2000)
  })

  it('reads an HTTP date relative to now', () => {
    const now = Date.UTC(2025, 0, 1, 12, 0, 0)
    expect(parseRetryAfter('Wed, 01 Jan 2025 12:00:30 GMT', now)).toBe(30_000)
    expect(parseRetryAfter(new Date(now + 90_000).toUTCString(), now)).toBe(90_000)
  })

  it('never returns a negative delay for a date in the past', () => {
    const now = Date.UTC(2025, 0, 1, 12, 0, 0)
    expect(parseRetryAfter('Wed, 01 Jan 2025 11:59:00 GMT', now)).toBe(0)
  })

  it('returns undefined for a missing or unreadable value', () => {
    expect(parseRetryAfter(undefined)).toBeUndefined()
    expect(parseRetryAfter('')).toBeUndefined()
    expect(parseRetryAfter([])).toBeUndefined()
    expect(parseRetryAfter('soon')).toBeUndefined()
  })
})

describe('network error classification', () => {
  const withCode = (code: string) => Object.assign(new Error(code), { code })

  it.each(['ECONNRESET', 'ECONNREFUSED', 'EPIPE', 'ETIMEDOUT', 'ENOTFOUND', 'EAI_AGAIN', 'UND_ERR_SOCKET', 'UND_ERR_CONNECT_TIMEOUT', 'UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT'])(
    '%s is retryable',
    code => {
      expect(isRetryableNetworkError(withCode(code))).toBe(true)
    }
  )

  it('other errors are not retryable', () => {
    expect(isRetryableNetworkError(new Error('boom'))).toBe(false)
    expect(isRetryableNetworkError(withCode('ERR_INVALID_URL'))).toBe(false)
    expect(isRetryableNetworkError(withCode('UND_ERR_INVALID_ARG'))).toBe(false)
    expect(isRetryableNetworkError(undefined)).toBe(false)
    expect(isRetryableNetworkError('ECONNRESET')).toBe(false)
  })

  it('looks through the cause chain', () => {
    const err = new TypeError('fetch failed', { cause: withCode('ECONNRESET') })
    expect(errorCode(err)).toBe('ECONNRESET')
    expect(isRetryableNetworkError(err)).toBe(true)
  })

  it('treats an abort-signal timeout as ETIMEDOUT', () => {
    const timeout = new DOMException('The operation was aborted due to timeout', 'TimeoutError')
    expect(errorCode(timeout)).toBe('ETIMEDOUT')
    expect(isRetryableNetworkError(timeout)).toBe(true)
    expect(neverReachedServer(timeout)).toBe(false)
  })

  it('knows which errors certainly never reached the server', () => {
    for (const code of ['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'UND_ERR_CONNECT_TIMEOUT']) {
      expect(neverReachedServer(withCode(code))).toBe(true)
    }
    for (const code of ['ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'UND_ERR_SOCKET', 'UND_ERR_HEADERS_TIMEOUT']) {
      expect(neverReachedServer(withCode(code))).toBe(false)
    }
    expect(neverReachedServer(new Error('x'))).toBe(false)
  })
})

describe('sleep', () => {
  it('resolves after the delay and immediately for 0', async () => {
    const start = Date.now()
    await sleep(0)
    await sleep(15)
    expect(Date.now() - start).toBeGreaterThanOrEqual(10)
  })

  it('rejects when aborted', async () => {
    const ac = new AbortController()
    const p = sleep(10_000, ac.signal)
    ac.abort(new Error('stop'))
    await expect(p).rejects.toThrow('stop')
  })
})
