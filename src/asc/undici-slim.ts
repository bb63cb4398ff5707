/**
 * The two parts of undici the HTTP layer uses, loaded from undici's own CommonJS files rather than
 * from its index. Importing 'undici' evaluates all of it (fetch, WebSocket, EventSource, cache storage,
 * cookies, mocks), and its cookies module reads `globalThis.Headers`, which makes Node load its own
 * bundled undici as well: about 60 ms of start-up on Node 24, before the first request. The Agent and
 * the request API need a fraction of that.
 *
 * undici 7 publishes no "exports" map, so these paths are reachable; they have no typings, so each is
 * typed here from undici's public types (type-only imports from 'undici' load nothing). A test checks
 * that these are the same functions the index exports. If an upgrade moves a file, the import fails at
 * once, in the tests and in the bundle.
 */
import type { Agent as UndiciAgent, Dispatcher } from 'undici'
// @ts-expect-error undici's lib/ files have no typings; typed by the exports below.
import AgentImpl from 'undici/lib/dispatcher/agent.js'
// @ts-expect-error as above.
import requestImpl from 'undici/lib/api/api-request.js'
// @ts-expect-error as above.
import utilImpl from 'undici/lib/core/util.js'

export const Agent: typeof UndiciAgent = AgentImpl

type RequestApi = (this: Dispatcher, opts: Dispatcher.RequestOptions) => Promise<Dispatcher.ResponseData>
const requestApi = requestImpl as RequestApi
const { parseURL } = utilImpl as { parseURL: (url: string) => URL }

export type RequestOptions = { dispatcher: Dispatcher } & Omit<Dispatcher.RequestOptions, 'origin' | 'path' | 'method'> &
  Partial<Pick<Dispatcher.RequestOptions, 'method'>>

/**
 * undici's `request(url, options)`: what its index builds from the same request API (`makeDispatcher`
 * in undici/index.js) for a URL string without `options.path`, minus the global-dispatcher fallback
 * (the caller always passes its dispatcher). Invalid URLs throw the same errors, synchronously.
 */
export function request(url: string, options: RequestOptions): Promise<Dispatcher.ResponseData> {
  const parsed = parseURL(url)
  return requestApi.call(options.dispatcher, {
    ...options,
    origin: parsed.origin,
    path: parsed.search ? `${parsed.pathname}${parsed.search}` : parsed.pathname,
    method: options.method || (options.body ? 'PUT' : 'GET')
  })
}
