/**
 * Retry arithmetic: exponential backoff with full jitter, Retry-After parsing, and a per-request
 * time budget, so no retry loop can run forever.
 */

export interface RetryPolicy {
  /** Attempts in total, the first included. */
  maxAttempts: number
  baseDelayMs: number
  maxDelayMs: number
  /** Upper bound on the time one request may spend waiting between attempts. */
  budgetMs: number
}

export const DEFAULT_RETRY: RetryPolicy = { maxAttempts: 6, baseDelayMs: 400, maxDelayMs: 20_000, budgetMs: 120_000 }

/** Full jitter: a uniform delay in [0, min(max, base·2^attempt)], never below a small floor. */
export function backoffDelay(attempt: number, policy: RetryPolicy, random: () => number = Math.random): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** attempt)
  return Math.max(policy.baseDelayMs / 4, Math.round(random() * ceiling))
}

/** Retry-After is either delta-seconds or an HTTP date. Returns milliseconds, or undefined. */
export function parseRetryAfter(value: string | string[] | undefined, now: number = Date.now()): number | undefined {
  const v = Array.isArray(value) ? value[0] : value
  if (!v) return undefined
  if (/^\d+(\.\d+)?$/.test(v.trim())) return Math.round(Number(v) * 1000)
  const at = Date.parse(v)
  return Number.isNaN(at) ? undefined : Math.max(0, at - now)
}

export const sleep = (ms: number, signal?: AbortSignal): Promise<void> =>
  new Promise((resolve, reject) => {
    if (ms <= 0) return resolve()
    const t = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort)
      resolve()
    }, ms)
    const onAbort = () => {
      clearTimeout(t)
      reject(signal?.reason ?? new Error('aborted'))
    }
    signal?.addEventListener('abort', onAbort, { once: true })
  })

/** Network errors after which a request can be sent again. */
const RETRYABLE_CODES = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'EPIPE',
  'ETIMEDOUT',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ENETUNREACH',
  'EHOSTUNREACH',
  'UND_ERR_SOCKET',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
  'UND_ERR_CLOSED',
  'UND_ERR_ABORTED',
  'UND_ERR_REQ_CONTENT_LENGTH_MISMATCH'
])

export function errorCode(err: unknown): string | undefined {
  let e: unknown = err
  for (let depth = 0; e && depth < 4; depth++) {
    const code = (e as { code?: unknown }).code
    if (typeof code === 'string') return code
    // Only the platform's own timeout/abort (a DOMException from AbortSignal.timeout) is a network timeout;
    // our own TimeoutError (a spent budget) must not be retried as one.
    if (e instanceof DOMException && (e.name === 'TimeoutError' || e.name === 'AbortError')) return 'ETIMEDOUT'
    e = (e as { cause?: unknown }).cause
  }
  return undefined
}

export function isRetryableNetworkError(err: unknown): boolean {
  const code = errorCode(err)
  return code !== undefined && RETRYABLE_CODES.has(code)
}

/** True when the request certainly never reached the server, so even a POST may be sent again. */
export function neverReachedServer(err: unknown): boolean {
  const code = errorCode(err)
  return code === 'ECONNREFUSED' || code === 'ENOTFOUND' || code === 'EAI_AGAIN' || code === 'UND_ERR_CONNECT_TIMEOUT'
}
