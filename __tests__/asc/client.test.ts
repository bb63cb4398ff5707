import { afterEach, beforeAll, beforeEach, describe, expect, it } from '@jest/globals'
import { Readable } from 'node:stream'
import { MockAgent } from 'undici'
import { AppleApiError } from '../../src/asc/api-error.js'
import { AscClient, indexIncluded, labelOf, toMany, toOne } from '../../src/asc/client.js'
import { Http } from '../../src/asc/http.js'
import { TokenProvider } from '../../src/asc/token.js'
import { clearSecrets } from '../../src/report/redact.js'
import { ISSUER, KEY_ID, makePem } from './helpers.js'

const ORIGIN = 'https://api.example.test'
const UPLOAD = 'https://upload.example.test'

let pem: string
let agent: MockAgent
let tokens: TokenProvider
let client: AscClient

beforeAll(async () => {
  pem = await makePem()
})
beforeEach(() => {
  agent = new MockAgent()
  agent.disableNetConnect()
  tokens = new TokenProvider({ issuerId: ISSUER, keyId: KEY_ID, privateKeyPem: pem })
  client = new AscClient({ baseUrl: `${ORIGIN}/`, http: new Http({ dispatcher: agent, retry: { baseDelayMs: 1, maxDelayMs: 5 } }), tokens })
})
afterEach(async () => {
  await agent.close()
  clearSecrets()
})

const api = () => agent.get(ORIGIN)
const json = (v: unknown) => JSON.stringify(v)
type Seen = { path: string; method: string; headers: Record<string, string>; body?: unknown }
const headersOf = (h: unknown): Record<string, string> => {
  const out: Record<string, string> = {}
  if (Array.isArray(h)) for (let i = 0; i < h.length; i += 2) out[String(h[i]).toLowerCase()] = String(h[i + 1])
  else for (const [k, v] of Object.entries((h ?? {}) as Record<string, string>)) out[k.toLowerCase()] = String(v)
  return out
}
/** An interceptor that records what it was sent. */
const record = (seen: Seen[], statusCode: number, data: string, headers: Record<string, string> = {}) => (opts: { path: string; method: string; headers?: unknown; body?: unknown }) => {
  seen.push({ path: opts.path, method: opts.method, headers: headersOf(opts.headers), body: opts.body })
  return { statusCode, data, responseOptions: { headers } }
}

describe('AscClient', () => {
  it('builds URLs from path and query, joining lists', () => {
    expect(client.baseUrl).toBe(ORIGIN)
    const u = new URL(client.url('/v1/apps', { 'filter[bundleId]': 'com.example', 'fields[apps]': ['name', 'sku'], limit: 200, skip: undefined }))
    expect(u.pathname).toBe('/v1/apps')
    expect(u.searchParams.get('filter[bundleId]')).toBe('com.example')
    expect(u.searchParams.get('fields[apps]')).toBe('name,sku')
    expect(u.searchParams.get('limit')).toBe('200')
    expect(u.searchParams.has('skip')).toBe(false)
  })

  it('sends a bearer token and accept header on GET and parses the document', async () => {
    const seen: Seen[] = []
    api()
      .intercept({ path: '/v1/apps/1', method: 'GET' })
      .reply(record(seen, 200, json({ data: { type: 'apps', id: '1', attributes: { name: 'App' } } })))
    const doc = await client.get('/v1/apps/1')
    expect(doc.data).toEqual({ type: 'apps', id: '1', attributes: { name: 'App' } })
    expect(seen[0].headers.authorization).toBe(`Bearer ${await tokens.token()}`)
    expect(seen[0].headers.accept).toBe('application/json')
    expect(seen[0].headers['content-type']).toBeUndefined()
    expect(client.http.stats.requests['GET apps/{id}']).toBe(1)
  })

  it('getAll follows links.next and merges data and included', async () => {
    const seen: Seen[] = []
    api()
      .intercept({ path: p => p.startsWith('/v1/apps/1/appStoreVersions?'), method: 'GET' })
      .reply(
        record(
          seen,
          200,
          json({
            data: [{ type: 'appStoreVersions', id: 'a' }],
            included: [{ type: 'appStoreVersionLocalizations', id: 'la' }],
            links: { next: `${ORIGIN}/v1/apps/1/appStoreVersions?cursor=Mg&limit=1` },
            meta: { paging: { total: 3, limit: 1 } }
          })
        )
      )
    api()
      .intercept({ path: '/v1/apps/1/appStoreVersions?cursor=Mg&limit=1', method: 'GET' })
      .reply(record(seen, 200, json({ data: [{ type: 'appStoreVersions', id: 'b' }], links: { next: '/v1/apps/1/appStoreVersions?cursor=Mw&limit=1' } })))
    api()
      .intercept({ path: '/v1/apps/1/appStoreVersions?cursor=Mw&limit=1', method: 'GET' })
      .reply(record(seen, 200, json({ data: [{ type: 'appStoreVersions', id: 'c' }], included: [{ type: 'appStoreVersionLocalizations', id: 'lc' }], links: {} })))
    const all = await client.getAll('/v1/apps/1/appStoreVersions', { limit: 1, include: 'appStoreVersionLocalizations' })
    expect(all.data.map(d => d.id)).toEqual(['a', 'b', 'c'])
    expect(all.included?.map(d => d.id)).toEqual(['la', 'lc'])
    expect(all.meta?.paging?.total).toBe(3)
    expect(seen).toHaveLength(3)
    for (const s of seen) expect(s.headers.authorization).toMatch(/^Bearer ey/)
    expect(agent.pendingInterceptors()).toHaveLength(0)
  })

  it('getAll stops at maxPages', async () => {
    api()
      .intercept({ path: p => p.startsWith('/v1/things'), method: 'GET' })
      .reply(200, json({ data: [{ type: 't', id: 'x' }], links: { next: `${ORIGIN}/v1/things?cursor=again` } }))
      .persist()
    const all = await client.getAll('/v1/things', undefined, 3)
    expect(all.data).toHaveLength(3)
  })

  it('getAll refuses a links.next to another origin, sending nothing there', async () => {
    const evil = agent.get('https://evil.example.test')
    let evilCalls = 0
    evil
      .intercept({ path: () => true, method: 'GET' })
      .reply(() => {
        evilCalls++
        return { statusCode: 200, data: json({ data: [] }) }
      })
      .persist()
    api()
      .intercept({ path: '/v1/apps', method: 'GET' })
      .reply(200, json({ data: [{ type: 'apps', id: '1' }], links: { next: 'https://evil.example.test/v1/apps?cursor=x' } }))
    await expect(client.getAll('/v1/apps')).rejects.toThrow(/Refusing to follow a paging link to another host \(https:\/\/evil\.example\.test\)/)
    expect(evilCalls).toBe(0)
  })

  it('getAll refuses a links.next on the same host but another scheme or port', async () => {
    api()
      .intercept({ path: '/v1/apps', method: 'GET' })
      .reply(200, json({ data: [], links: { next: 'http://api.example.test/v1/apps?cursor=x' } }))
    await expect(client.getAll('/v1/apps')).rejects.toThrow(/another host/)
    api()
      .intercept({ path: '/v1/apps', method: 'GET' })
      .reply(200, json({ data: [], links: { next: 'https://api.example.test:8443/v1/apps?cursor=x' } }))
    await expect(client.getAll('/v1/apps')).rejects.toThrow(/another host/)
  })

  it('turns an Apple error body into AppleApiError with every detail', async () => {
    api()
      .intercept({ path: '/v1/appScreenshots', method: 'POST' })
      .reply(
        409,
        json({
          errors: [
            {
              status: '409',
              code: 'ENTITY_ERROR.ATTRIBUTE.INVALID',
              title: 'An attribute value is invalid.',
              detail: 'The fileSize is too large.',
              source: { pointer: '/data/attributes/fileSize' }
            }
          ]
        })
      )
    const err = await client.create('/v1/appScreenshots', { data: { type: 'appScreenshots' } }).catch(e => e)
    expect(err).toBeInstanceOf(AppleApiError)
    expect(err.status).toBe(409)
    expect(err.method).toBe('POST')
    expect(err.path).toBe('/v1/appScreenshots')
    expect(err.message).toContain('POST /v1/appScreenshots')
    expect(err.message).toContain('409 ENTITY_ERROR.ATTRIBUTE.INVALID: An attribute value is invalid.')
    expect(err.message).toContain('The fileSize is too large.')
    expect(err.message).toContain('(source: /data/attributes/fileSize)')
    expect(err.hasCode('ENTITY_ERROR')).toBe(true)
    expect(err.hasCode('ENTITY_ERROR.ATTRIBUTE')).toBe(true)
    expect(err.hasCode('ENTITY_ERROR.ATTRIBUTE.INVALID')).toBe(true)
    expect(err.hasCode('ENTITY_ERR')).toBe(false)
    expect(err.hasCode('STATE_ERROR')).toBe(false)
  })

  it('sends JSON bodies with content-type on create and update', async () => {
    const seen: Seen[] = []
    api().intercept({ path: '/v1/appScreenshots', method: 'POST' }).reply(record(seen, 201, json({ data: { type: 'appScreenshots', id: '9' } })))
    api().intercept({ path: '/v1/appScreenshots/9', method: 'PATCH' }).reply(record(seen, 200, json({ data: { type: 'appScreenshots', id: '9' } })))
    const body = { data: { type: 'appScreenshots', attributes: { fileName: 'a.png' } } }
    expect((await client.create('/v1/appScreenshots', body)).data.id).toBe('9')
    expect((await client.update('/v1/appScreenshots/9', body))?.data.id).toBe('9')
    expect(seen.map(s => s.method)).toEqual(['POST', 'PATCH'])
    for (const s of seen) {
      expect(s.headers['content-type']).toBe('application/json')
      expect(JSON.parse(String(s.body))).toEqual(body)
    }
  })

  it('after a 401, invalidates the token and sends the request once more with a new one', async () => {
    const seen: Seen[] = []
    api().intercept({ path: '/v1/apps/1', method: 'GET' }).reply(record(seen, 401, json({ errors: [{ status: '401', code: 'NOT_AUTHORIZED', title: 'Authentication credentials are missing or invalid.' }] })))
    api().intercept({ path: '/v1/apps/1', method: 'GET' }).reply(record(seen, 200, json({ data: { type: 'apps', id: '1' } })))
    const doc = await client.get('/v1/apps/1')
    expect(doc.data).toEqual({ type: 'apps', id: '1' })
    expect(seen).toHaveLength(2)
    expect(seen[1].headers.authorization).not.toBe(seen[0].headers.authorization)
    expect(seen[1].headers.authorization).toBe(`Bearer ${await tokens.token()}`)
  })

  it('a second 401 becomes an AppleApiError with the credentials hint', async () => {
    let calls = 0
    api()
      .intercept({ path: '/v1/apps/1', method: 'GET' })
      .reply(() => {
        calls++
        return { statusCode: 401, data: json({ errors: [{ status: '401', code: 'NOT_AUTHORIZED', title: 'Authentication credentials are missing or invalid.' }] }) }
      })
      .persist()
    const err = await client.get('/v1/apps/1').catch(e => e)
    expect(err).toBeInstanceOf(AppleApiError)
    expect(err.status).toBe(401)
    expect(err.message).toContain('Check key-id, issuer-id')
    expect(calls).toBe(2)
  })

  it('delete resolves on 204 and on 404, and throws on other errors', async () => {
    api().intercept({ path: '/v1/appScreenshots/1', method: 'DELETE' }).reply(204, '')
    await expect(client.delete('/v1/appScreenshots/1')).resolves.toBeUndefined()
    api()
      .intercept({ path: '/v1/appScreenshots/2', method: 'DELETE' })
      .reply(404, json({ errors: [{ status: '404', code: 'NOT_FOUND', title: 'The specified resource does not exist' }] }))
    await expect(client.delete('/v1/appScreenshots/2')).resolves.toBeUndefined()
    api()
      .intercept({ path: '/v1/appScreenshots/3', method: 'DELETE' })
      .reply(409, json({ errors: [{ status: '409', code: 'STATE_ERROR', title: 'Cannot delete' }] }))
    await expect(client.delete('/v1/appScreenshots/3')).rejects.toBeInstanceOf(AppleApiError)
  })

  it('update returns undefined for an empty answer', async () => {
    api().intercept({ path: '/v1/x/1', method: 'PATCH' }).reply(204, '')
    await expect(client.update('/v1/x/1', {})).resolves.toBeUndefined()
  })

  it('uploadPart sends no authorization and exactly the operation’s headers', async () => {
    const seen: Seen[] = []
    agent
      .get(UPLOAD)
      .intercept({ path: '/part/1?X-Amz-Signature=abc', method: 'PUT' })
      .reply(record(seen, 200, ''))
    const res = await client.uploadPart(
      {
        method: 'PUT',
        url: `${UPLOAD}/part/1?X-Amz-Signature=abc`,
        length: 5,
        requestHeaders: [
          { name: 'Content-Type', value: 'image/png' },
          { name: 'x-amz-meta-part', value: '1' }
        ]
      },
      () => Readable.from([Buffer.from('bytes')]),
      10_000
    )
    expect(res.status).toBe(200)
    expect(seen).toHaveLength(1)
    expect(seen[0].method).toBe('PUT')
    expect(seen[0].headers).toEqual({ 'content-length': '5', 'content-type': 'image/png', 'x-amz-meta-part': '1' })
    expect(seen[0].headers).not.toHaveProperty('authorization')
    expect(client.http.stats.uploadRequests).toBe(1)
    expect(client.http.stats.uploadBytes).toBe(5)
    expect(client.http.stats.apiRequests).toBe(0)
    expect(client.http.stats.requests['PUT upload']).toBe(1)
  })
})

describe('labelOf', () => {
  it.each([
    ['https://api.appstoreconnect.apple.com/v1/appScreenshotSets/123/appScreenshots', 'appScreenshotSets/{id}/appScreenshots'],
    ['https://api.appstoreconnect.apple.com/v1/apps?filter[bundleId]=x', 'apps'],
    ['https://api.appstoreconnect.apple.com/v2/appStoreVersions/abc-1/relationships/x', 'appStoreVersions/{id}/relationships/x'],
    ['https://api.appstoreconnect.apple.com/v1/appScreenshots', 'appScreenshots']
  ])('%s → %s', (url, label) => {
    expect(labelOf(url)).toBe(label)
  })
})

describe('relationship helpers', () => {
  const r = {
    type: 'appScreenshotSets',
    id: '1',
    relationships: {
      appScreenshots: { data: [{ type: 'appScreenshots', id: 'a' }] },
      app: { data: { type: 'apps', id: '9' } },
      empty: { data: null }
    }
  }
  it('toMany and toOne read relationship data', () => {
    expect(toMany(r, 'appScreenshots')).toEqual([{ type: 'appScreenshots', id: 'a' }])
    expect(toMany(r, 'app')).toEqual([])
    expect(toMany(r, 'missing')).toEqual([])
    expect(toOne(r, 'app')).toEqual({ type: 'apps', id: '9' })
    expect(toOne(r, 'appScreenshots')).toBeUndefined()
    expect(toOne(r, 'empty')).toBeUndefined()
  })
  it('indexIncluded keys by type and id', () => {
    const m = indexIncluded({ included: [{ type: 'apps', id: '1' }, { type: 'builds', id: '1' }] })
    expect(m.get('apps:1')?.type).toBe('apps')
    expect(m.get('builds:1')?.type).toBe('builds')
    expect(indexIncluded({}).size).toBe(0)
  })
})
