/**
 * A run's link to App Store Connect: one HTTP layer (dispatcher, gate, rate limiter), the JSON:API
 * client, and the lookups every run needs first — the app, then the `platform` input's version —
 * started the moment the settings are known. They are reads, so they may leave before the mapping is
 * checked; a local problem found meanwhile still ends the run before any write. This module imports
 * nothing heavy: the action sends its first request before YAML, globbing and logging are loaded.
 */
import { subscribe, unsubscribe } from 'node:diagnostics_channel'
import type { Dispatcher } from 'undici'
import { AscClient } from './asc/client.js'
import { Http } from './asc/http.js'
import { RateLimiter } from './asc/rate-limiter.js'
import { TokenProvider } from './asc/token.js'
import type { Settings } from './settings/settings.js'
import { resolveApp, resolveVersion, type ResolvedApp, type ResolvedVersion } from './surfaces/app-version.js'

export interface Connection {
  http: Http
  client: AscClient
  app: Promise<ResolvedApp>
  /** The `platform` input's version. */
  version: Promise<ResolvedVersion>
  /** Settles once the first request is on the wire (or has failed, or SENT_WAIT_MS passed). */
  sent: Promise<void>
  /** Where retries are reported; the pipeline points it at its logger once that is loaded. */
  debug: (message: string) => void
}

export interface ConnectionDeps {
  dispatcher?: Dispatcher
  now?: () => number
}

export function openConnection(settings: Settings, deps: ConnectionDeps = {}): Connection {
  const conn = { debug: () => undefined } as unknown as Connection
  conn.http = new Http({
    dispatcher: deps.dispatcher,
    concurrency: settings.concurrency,
    limiter: new RateLimiter({ now: deps.now }),
    onRetry: r => conn.debug(`retry ${r.attempt} of ${r.label} in ${r.delayMs} ms (${r.reason})`)
  })
  conn.client = new AscClient({ baseUrl: settings.apiBaseUrl, http: conn.http, tokens: new TokenProvider(settings.apiKey, deps.now) })
  conn.app = resolveApp(conn.client, settings.appId, settings.bundleId)
  conn.sent = Promise.race([firstHeadersWritten(SENT_WAIT_MS), conn.app.then(noop, noop)])
  conn.version = conn.app.then(app => resolveVersion(conn.client, app, settings.platform, settings.version))
  // Awaited later, after the local checks: until then a rejection is not yet the run's error.
  conn.app.catch(() => undefined)
  conn.version.catch(() => undefined)
  return conn
}

/** Longest wait for the first request to leave before the rest of the action loads anyway (a slow TLS handshake). */
export const SENT_WAIT_MS = 50

const noop = (): void => undefined

/** Settles when undici reports the first request's headers written (its documented diagnostics channel), or after `capMs`. */
function firstHeadersWritten(capMs: number): Promise<void> {
  return new Promise(resolve => {
    const done = (): void => {
      unsubscribe(SEND_HEADERS, done)
      clearTimeout(timer)
      resolve()
    }
    const timer = setTimeout(done, capMs)
    subscribe(SEND_HEADERS, done)
  })
}

const SEND_HEADERS = 'undici:client:sendHeaders'

/** Waits for lookups still in flight (a run stopped by a local problem), then closes the connection. */
export async function closeConnection(conn: Connection): Promise<void> {
  await Promise.all([conn.app.catch(() => undefined), conn.version.catch(() => undefined)])
  await conn.http.close()
}
