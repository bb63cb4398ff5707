/**
 * The API listener: auth → rate limit → routing (from the spec) → injected faults → query and body
 * validation → handler → (lost-response fault) → latency → Apple-shaped response.
 */
import type { IncomingMessage, ServerResponse } from 'node:http'
import { setTimeout as sleep } from 'node:timers/promises'
import type { Authenticator } from './auth.js'
import type { ApiResult, SandboxContext } from './context.js'
import { ApiError, errorBody } from './errors.js'
import type { RateLimiter } from './rate-limit.js'
import { queryRecord, type RequestRecord } from './request-log.js'
import { matchLibraryRoute } from './library/routes.js'
import { ROUTES } from './routes.js'
import { validateBody, validateQuery } from './validation.js'

export interface ApiDeps {
  auth: Authenticator
  rateLimiter: RateLimiter
  log: (r: RequestRecord) => void
}

const MAX_BODY_BYTES = 1024 * 1024
const WRITE_METHODS = new Set(['POST', 'PATCH', 'DELETE'])

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of req) {
    size += (chunk as Buffer).length
    if (size <= MAX_BODY_BYTES) chunks.push(chunk as Buffer)
  }
  if (size > MAX_BODY_BYTES) throw new ApiError(413, 'ENTITY_INVALID', 'The request entity is too large')
  return Buffer.concat(chunks)
}

/** Burst 429s and 5xx answered before anything happens. */
function injectEarlyFaults(ctx: SandboxContext, method: string, path: string, key: string): void {
  const f = ctx.dice.config
  if (ctx.dice.roll('api429', f.api429Rate, method, path, key)) {
    throw new ApiError(429, 'RATE_LIMIT_EXCEEDED', 'The request rate limit has been reached. (burst)', undefined, { 'Retry-After': '1' })
  }
  if (ctx.dice.roll('api5xx', f.api5xxRate, method, path, key)) {
    const unavailable = ctx.dice.roll('api5xx', 0.5, method, path, `${key}|status`)
    throw unavailable
      ? new ApiError(503, 'SERVICE_UNAVAILABLE', 'The service is temporarily unavailable. Try again later.')
      : new ApiError(500, 'UNEXPECTED_ERROR', 'An unexpected error occurred on the server side. If this issue continues, contact us.')
  }
}

async function dispatch(ctx: SandboxContext, deps: ApiDeps, req: IncomingMessage, url: URL, raw: Buffer, billTo: (k: string) => void): Promise<ApiResult> {
  const method = req.method ?? 'GET'
  const keyId = await deps.auth.authenticate(req.headers.authorization)
  billTo(keyId)
  if (!deps.rateLimiter.take(keyId)) throw new ApiError(429, 'RATE_LIMIT_EXCEEDED', 'The API key has used up its hourly request limit.')
  // App Asset Library (4.5.1) routes are outside the 4.4.1 spec: a separate table, validated by hand (library/).
  const library = matchLibraryRoute(method, url.pathname)
  const match = library?.route ?? ctx.spec.match(method, url.pathname)
  if ('error' in match) {
    if (match.error === 'PATH_ERROR') throw new ApiError(404, 'PATH_ERROR', `The URL path '${url.pathname}' is not valid`)
    throw new ApiError(405, 'METHOD_NOT_ALLOWED', `The method ${method} is not allowed for '${url.pathname}'. Allowed: ${match.allowed.join(', ')}`)
  }
  const faultKey = `${method} ${match.template}`
  injectEarlyFaults(ctx, method, url.pathname, faultKey)
  const query = validateQuery(match, url.searchParams)
  const body = library ? library.parseBody(raw) : validateBody(ctx.spec, match, raw)
  const handler = library?.handler ?? ROUTES[faultKey]
  if (!handler) throw new ApiError(404, 'PATH_ERROR', `The URL path '${url.pathname}' is not valid`)
  const result = await handler(ctx, { method, path: url.pathname, url, params: match.params, query, body, route: match })
  if (WRITE_METHODS.has(method) && ctx.dice.roll('lostResponse', ctx.dice.config.lostResponseRate, method, url.pathname, faultKey)) {
    // The write happened; only the answer is lost, as when a gateway times out.
    throw new ApiError(500, 'UNEXPECTED_ERROR', 'An unexpected error occurred on the server side. If this issue continues, contact us.')
  }
  return result
}

function errorResult(e: unknown): ApiResult {
  if (e instanceof ApiError) return { status: e.status, body: errorBody(e.errors), headers: e.headers }
  console.error('[asc-sandbox] handler failed:', e)
  const err = new ApiError(500, 'UNEXPECTED_ERROR', `Sandbox error: ${(e as Error).message}`)
  return { status: 500, body: errorBody(err.errors) }
}

export function apiListener(ctx: SandboxContext, deps: ApiDeps) {
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const started = performance.now()
    const at = ctx.now()
    const url = new URL(req.url ?? '/', ctx.apiBase)
    let keyId: string | undefined
    let bodyBytes = 0
    let result: ApiResult
    try {
      const raw = await readBody(req)
      bodyBytes = raw.length
      result = await dispatch(ctx, deps, req, url, raw, k => (keyId = k))
    } catch (e) {
      result = errorResult(e)
    }
    const headers: Record<string, string> = { ...(result.headers ?? {}) }
    if (keyId) headers['X-Rate-Limit'] = deps.rateLimiter.header(keyId)
    if (result.body !== undefined) headers['Content-Type'] = 'application/json'
    if (ctx.options.apiLatencyMs > 0) await sleep(ctx.options.apiLatencyMs)
    res.writeHead(result.status, headers)
    res.end(result.body !== undefined ? JSON.stringify(result.body) : undefined)
    const q = queryRecord(url)
    deps.log({ at, method: req.method ?? 'GET', path: url.pathname, query: q, status: result.status, host: 'api', bodyBytes, authorization: req.headers.authorization !== undefined, durationMs: performance.now() - started })
  }
}
