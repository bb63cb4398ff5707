/**
 * The App Store Connect client: JSON:API documents over the shared HTTP layer. It knows tokens,
 * paging and Apple's errors; it does not know what a screenshot is.
 */
import type { Readable } from 'node:stream'
import { AppleApiError } from './api-error.js'
import { Http, type HttpResponse } from './http.js'
import type { TokenProvider } from './token.js'

export interface ResourceObject {
  type: string
  id: string
  attributes?: Record<string, unknown>
  relationships?: Record<string, { data?: { type: string; id: string } | { type: string; id: string }[] | null; meta?: { paging?: { total?: number; limit?: number } } }>
  links?: Record<string, string>
}

export interface Document<D = ResourceObject | ResourceObject[]> {
  data: D
  included?: ResourceObject[]
  links?: { self?: string; next?: string }
  meta?: { paging?: { total?: number; limit?: number } }
}

export type Query = Record<string, string | number | boolean | readonly string[] | undefined>

export interface ClientOptions {
  baseUrl: string
  http: Http
  tokens: TokenProvider
  /** Per-request timeout for API calls. */
  timeoutMs?: number
}

export class AscClient {
  readonly baseUrl: string
  readonly http: Http

  constructor(private readonly options: ClientOptions) {
    this.baseUrl = options.baseUrl.replace(/\/+$/, '')
    this.http = options.http
  }

  async get<D = ResourceObject | ResourceObject[]>(path: string, query?: Query): Promise<Document<D>> {
    return (await this.call('GET', this.url(path, query), undefined, true)) as Document<D>
  }

  /** Every page of a list, following links.next; `included` is merged across pages. */
  async getAll(path: string, query?: Query, maxPages = 50): Promise<Document<ResourceObject[]>> {
    const first = await this.get<ResourceObject[]>(path, query)
    const all: Document<ResourceObject[]> = { data: [...first.data], included: [...(first.included ?? [])], meta: first.meta }
    let next = first.links?.next
    for (let page = 1; next && page < maxPages; page++) {
      const doc = (await this.call('GET', this.sameOrigin(next), undefined, true)) as Document<ResourceObject[]>
      all.data.push(...doc.data)
      all.included?.push(...(doc.included ?? []))
      next = doc.links?.next
    }
    return all
  }

  /** POST is never retried blindly: a lost answer surfaces as OutcomeUnknownError for the caller to reconcile. */
  async create(path: string, body: unknown): Promise<Document<ResourceObject>> {
    return (await this.call('POST', this.url(path), body, false)) as Document<ResourceObject>
  }

  async update(path: string, body: unknown): Promise<Document<ResourceObject> | undefined> {
    return (await this.call('PATCH', this.url(path), body, true)) as Document<ResourceObject> | undefined
  }

  /** DELETE; a 404 means it is already gone (for example a retried delete whose first answer was lost). */
  async delete(path: string): Promise<void> {
    try {
      await this.call('DELETE', this.url(path), undefined, true)
    } catch (e) {
      if (e instanceof AppleApiError && e.status === 404) return
      throw e
    }
  }

  /**
   * Sends one upload part to its pre-signed URL: no token, exactly the operation's headers. A `body`
   * factory streams the part from disk: a big file's part, so it goes through the bulk slots.
   */
  async uploadPart(op: { method: string; url: string; length: number; requestHeaders?: { name: string; value: string }[] }, body: Buffer | (() => Readable), timeoutMs: number): Promise<HttpResponse> {
    const headers: Record<string, string> = { 'content-length': String(op.length) }
    for (const h of op.requestHeaders ?? []) headers[h.name.toLowerCase()] = h.value
    const bulk = typeof body === 'function'
    return this.http.send({ method: op.method, url: op.url, headers, body, idempotent: true, kind: 'upload', timeoutMs, label: `${op.method} upload`, bulk })
  }

  private async call(method: string, url: string, body: unknown, idempotent: boolean, retried401 = false): Promise<Document | undefined> {
    const token = await this.options.tokens.token()
    const headers: Record<string, string> = { authorization: `Bearer ${token}`, accept: 'application/json' }
    if (body !== undefined) headers['content-type'] = 'application/json'
    const res = await this.http.send({
      method,
      url,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      idempotent,
      kind: 'api',
      timeoutMs: this.options.timeoutMs,
      label: `${method} ${labelOf(url)}`
    })
    if (res.status === 401 && !retried401) {
      // A token can expire during a long wait despite the margin (clock jumps): sign a new one once.
      this.options.tokens.invalidate()
      return this.call(method, url, body, idempotent, true)
    }
    if (res.status >= 400) throw AppleApiError.fromResponse(res.status, res.text, method, new URL(url).pathname)
    if (res.status === 204 || !res.text) return undefined
    return JSON.parse(res.text) as Document
  }

  url(path: string, query?: Query): string {
    const u = new URL(this.baseUrl + path)
    for (const [k, v] of Object.entries(query ?? {})) {
      if (v === undefined) continue
      u.searchParams.set(k, Array.isArray(v) ? v.join(',') : String(v))
    }
    return u.toString()
  }

  /** links.next must stay on the API host: the token is never sent anywhere else. */
  private sameOrigin(link: string): string {
    const u = new URL(link, this.baseUrl)
    if (u.origin !== new URL(this.baseUrl).origin) throw new Error(`Refusing to follow a paging link to another host (${u.origin}).`)
    return u.toString()
  }
}

/** "/v1/appScreenshotSets/123/appScreenshots" → "appScreenshotSets/{id}/appScreenshots" for statistics. */
export function labelOf(url: string): string {
  const path = new URL(url).pathname.replace(/^\/v\d+\//, '')
  return path
    .split('/')
    .map(seg => (/\d/.test(seg) ? '{id}' : seg))
    .join('/')
}

export function toMany(resource: ResourceObject, rel: string): { type: string; id: string }[] {
  const data = resource.relationships?.[rel]?.data
  return Array.isArray(data) ? data : []
}

export function toOne(resource: ResourceObject, rel: string): { type: string; id: string } | undefined {
  const data = resource.relationships?.[rel]?.data
  return data && !Array.isArray(data) ? data : undefined
}

export function indexIncluded(doc: { included?: ResourceObject[] }): Map<string, ResourceObject> {
  return new Map((doc.included ?? []).map(r => [`${r.type}:${r.id}`, r]))
}
