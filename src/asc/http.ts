/**
 * The one HTTP layer: a single injectable undici dispatcher with keep-alive, the concurrency gates,
 * one rate limiter, and one retry loop. API requests and upload parts both go through here, so
 * every wait is bounded and every retry is counted in the same place.
 *
 * API calls and upload parts go to different services (App Store Connect's API, rate-limited per key,
 * and Apple's upload hosts), so each has its own gate of `concurrency` slots: a 5 MiB part that takes
 * a second never holds up a 40 ms reservation, and a 429 from the API does not slow the uploads.
 * Parts streamed from big files (previews) may take only half the upload slots, so the small files'
 * single parts, each of which unblocks a commit and the next reservation, never queue behind them.
 */
import type { Dispatcher } from 'undici'
import type { Readable } from 'node:stream'
import { Gate } from './gate.js'
import { RateLimiter } from './rate-limiter.js'
import {
  backoffDelay,
  DEFAULT_RETRY,
  isRetryableNetworkError,
  neverReachedServer,
  parseRetryAfter,
  sleep,
  type RetryPolicy
} from './retry.js'
// Not from 'undici' itself: its index loads all of undici (see undici-slim.ts).
import { Agent, request } from './undici-slim.js'
import { redactUrl } from '../report/redact.js'

export type RequestKind = 'api' | 'upload'

export interface HttpRequest {
  method: string
  url: string
  headers?: Record<string, string>
  /** A factory, so a retried upload part re-reads its bytes from disk. */
  body?: string | Buffer | (() => Readable)
  /** Safe to send again after an unknown outcome (GET, PATCH, DELETE, upload parts). */
  idempotent: boolean
  kind: RequestKind
  timeoutMs?: number
  /** A label for statistics, e.g. "POST appScreenshots". */
  label?: string
  /** An upload part of a big file: it waits for one of the bulk slots (half the upload slots) too. */
  bulk?: boolean
}

export interface HttpResponse {
  status: number
  headers: Record<string, string | string[] | undefined>
  text: string
}

/** The request may or may not have taken effect (a POST whose answer was lost): the caller reconciles. */
export class OutcomeUnknownError extends Error {
  override name = 'OutcomeUnknownError'
  constructor(
    message: string,
    readonly status?: number
  ) {
    super(message)
  }
}

/** Retries ran out; carries the last status so callers can explain it. */
export class RequestCancelledError extends Error {
  override name = 'RequestCancelledError'
}

export class RetriesExhaustedError extends Error {
  override name = 'RetriesExhaustedError'
  constructor(
    message: string,
    readonly response?: HttpResponse
  ) {
    super(message)
  }
}

export interface HttpStats {
  requests: Record<string, number>
  apiRequests: number
  uploadRequests: number
  uploadBytes: number
  retries: number
  throttled: number
  /** Most API requests in flight at once. */
  peakInFlight: number
  /** Most upload parts in flight at once. */
  peakUploadsInFlight: number
}

export interface HttpOptions {
  dispatcher?: Dispatcher
  concurrency?: number
  retry?: Partial<RetryPolicy>
  limiter?: RateLimiter
  random?: () => number
  /** Called for every retry, for debug logs. */
  onRetry?: (info: { label: string; attempt: number; delayMs: number; reason: string }) => void
}

export function createDispatcher(connections = 16): Dispatcher {
  return new Agent({ keepAliveTimeout: 30_000, keepAliveMaxTimeout: 60_000, connections, pipelining: 1 })
}

export class Http {
  /** API requests in flight. */
  readonly gate: Gate
  /** Upload parts in flight. */
  readonly uploadGate: Gate
  /** Parts of big files in flight: at most half the upload slots. */
  readonly bulkGate: Gate
  readonly limiter: RateLimiter
  readonly stats: HttpStats
  private readonly dispatcher: Dispatcher
  private readonly retry: RetryPolicy
  private readonly random: () => number
  private aborted = false
  private closing?: Promise<void>

  constructor(private readonly options: HttpOptions = {}) {
    // Connections are per origin: the API's and each upload host's pools hold `concurrency` each, with room to spare.
    this.dispatcher = options.dispatcher ?? createDispatcher(Math.max(8, (options.concurrency ?? 8) * 2))
    const max = Math.max(1, options.concurrency ?? 8)
    this.gate = new Gate(max, max)
    this.uploadGate = new Gate(max, max)
    this.bulkGate = new Gate(Math.ceil(max / 2))
    const { gate, uploadGate } = this
    // The peaks are the gates' own (getters, so they serialise like the counters).
    this.stats = {
      requests: {},
      apiRequests: 0,
      uploadRequests: 0,
      uploadBytes: 0,
      retries: 0,
      throttled: 0,
      get peakInFlight() {
        return gate.peak
      },
      get peakUploadsInFlight() {
        return uploadGate.peak
      }
    }
    this.limiter = options.limiter ?? new RateLimiter()
    this.retry = { ...DEFAULT_RETRY, ...options.retry }
    this.random = options.random ?? Math.random
  }

  async send(req: HttpRequest): Promise<HttpResponse> {
    const label = req.label ?? `${req.method} ${req.kind}`
    let waited = 0
    for (let attempt = 0; ; attempt++) {
      if (this.aborted) throw new RequestCancelledError(`${redactUrl(req.url)} was not sent: the run had already failed.`)
      let outcome: { response?: HttpResponse; error?: unknown }
      try {
        outcome = { response: await this.once(req, label) }
      } catch (error) {
        outcome = { error }
      }
      const verdict = this.judge(req, outcome, attempt)
      if (verdict.done) {
        if (outcome.response) return outcome.response
        throw outcome.error
      }
      const delay = verdict.delayMs ?? backoffDelay(attempt, this.retry, this.random)
      if (attempt + 1 >= this.retry.maxAttempts || waited + delay > this.retry.budgetMs) {
        throw this.exhausted(req, outcome, attempt + 1)
      }
      waited += delay
      this.stats.retries++
      this.options.onRetry?.({ label, attempt: attempt + 1, delayMs: delay, reason: verdict.reason })
      await sleep(delay)
    }
  }

  private async once(req: HttpRequest, label: string): Promise<HttpResponse> {
    if (req.kind === 'api') await this.limiter.acquire()
    const gate = req.kind === 'api' ? this.gate : this.uploadGate
    const bulk = req.kind === 'upload' && req.bulk === true
    if (bulk) await this.bulkGate.acquire()
    await gate.acquire()
    this.count(req, label)
    const sentAt = performance.now()
    try {
      const body = typeof req.body === 'function' ? req.body() : req.body
      const timeout = req.timeoutMs ?? 60_000
      const res = await request(req.url, {
        method: req.method as Dispatcher.HttpMethod,
        headers: req.headers,
        body,
        dispatcher: this.dispatcher,
        headersTimeout: timeout,
        bodyTimeout: timeout,
        signal: AbortSignal.timeout(timeout + 5_000)
      })
      const text = await res.body.text()
      const response = { status: res.statusCode, headers: res.headers, text }
      if (req.kind === 'api') this.limiter.update(res.headers['x-rate-limit'])
      if (res.statusCode === 429 || res.statusCode >= 500) gate.onOverload()
      // API round trips tell the gate whether latency stays flat; an upload's depends on its size.
      else gate.onHealthy(req.kind === 'api' ? performance.now() - sentAt : undefined)
      return response
    } catch (error) {
      if (req.kind === 'api') this.limiter.update(undefined)
      throw error
    } finally {
      gate.release()
      if (bulk) this.bulkGate.release()
    }
  }

  private count(req: HttpRequest, label: string): void {
    this.stats.requests[label] = (this.stats.requests[label] ?? 0) + 1
    if (req.kind === 'api') this.stats.apiRequests++
    else {
      this.stats.uploadRequests++
      const len = Number(req.headers?.['content-length'] ?? 0)
      if (Number.isFinite(len)) this.stats.uploadBytes += len
    }
  }

  /** Decides whether to return, throw, or retry (and after how long). */
  private judge(
    req: HttpRequest,
    outcome: { response?: HttpResponse; error?: unknown },
    attempt: number
  ): { done: true } | { done: false; delayMs?: number; reason: string } {
    const res = outcome.response
    if (res) {
      if (res.status === 429) {
        // Apple acts on nothing it answers 429, so even a POST may be sent again.
        const after = parseRetryAfter(res.headers['retry-after'])
        const delayMs = after ?? backoffDelay(attempt + 1, this.retry, this.random)
        this.stats.throttled++
        if (req.kind === 'api') this.limiter.pause(delayMs)
        return { done: false, delayMs, reason: '429' }
      }
      if (res.status >= 500) {
        if (!req.idempotent) {
          outcome.error = new OutcomeUnknownError(`${req.method} ${redactUrl(req.url)} answered ${res.status}; it may or may not have taken effect.`, res.status)
          outcome.response = undefined
          return { done: true }
        }
        return { done: false, delayMs: parseRetryAfter(res.headers['retry-after']), reason: String(res.status) }
      }
      return { done: true }
    }
    const err = outcome.error
    if (!isRetryableNetworkError(err)) return { done: true }
    if (req.idempotent || neverReachedServer(err)) return { done: false, reason: describeError(err) }
    outcome.error = new OutcomeUnknownError(`${req.method} ${redactUrl(req.url)} failed (${describeError(err)}); it may or may not have taken effect.`)
    return { done: true }
  }

  private exhausted(req: HttpRequest, outcome: { response?: HttpResponse; error?: unknown }, attempts: number): Error {
    const what = outcome.response ? `HTTP ${outcome.response.status}` : describeError(outcome.error)
    return new RetriesExhaustedError(
      `${req.method} ${redactUrl(req.url)} still failed after ${attempts} attempts (${what}); App Store Connect may be having trouble: run again later, the run converges.`,
      outcome.response
    )
  }

  /**
   * Once the run has failed, nothing more is sent: no retry, no new request, and the run's own
   * connections close at once (an injected dispatcher is left to its owner). A lookup that was still
   * retrying an unreachable host must not hold the failed run open through its retry budget.
   */
  abort(): void {
    if (this.aborted) return
    this.aborted = true
    if (!this.options.dispatcher) this.closing = this.dispatcher.destroy().catch(() => undefined)
  }

  async close(): Promise<void> {
    if (this.closing) return this.closing
    if (!this.options.dispatcher) await this.dispatcher.close()
  }
}

export function describeError(err: unknown): string {
  const code = (err as { code?: string })?.code
  const message = err instanceof Error ? err.message : String(err)
  return code ? `${code}: ${message}` : message
}
