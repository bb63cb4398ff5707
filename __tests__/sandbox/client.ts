/** A minimal App Store Connect client for the sandbox tests: tokens with jose, requests with undici. */
import { createHash } from 'node:crypto'
import { importPKCS8, SignJWT } from 'jose'
import { request } from 'undici'
import type { Sandbox } from '../../src/sandbox/index.js'

export interface TokenOptions {
  aud?: string
  lifetimeSeconds?: number
  iatOffsetSeconds?: number
  kid?: string
  individual?: boolean
  issuer?: string | null
  now?: number
}

export async function token(sb: Sandbox, o: TokenOptions = {}): Promise<string> {
  const pem = o.individual ? sb.keys.individualPrivateKeyPem : sb.keys.privateKeyPem
  const key = await importPKCS8(pem, 'ES256')
  const iat = Math.floor((o.now ?? Date.now()) / 1000) + (o.iatOffsetSeconds ?? 0)
  const jwt = new SignJWT(o.individual ? { sub: 'user' } : {})
    .setProtectedHeader({ alg: 'ES256', kid: o.kid ?? (o.individual ? sb.keys.individualKeyId : sb.keys.keyId), typ: 'JWT' })
    .setAudience(o.aud ?? 'appstoreconnect-v1')
    .setIssuedAt(iat)
    .setExpirationTime(iat + (o.lifetimeSeconds ?? 600))
  const issuer = o.issuer === undefined ? (o.individual ? null : sb.keys.issuerId) : o.issuer
  if (issuer) jwt.setIssuer(issuer)
  return jwt.sign(key)
}

export interface Reply {
  status: number
  headers: Record<string, string | string[] | undefined>
  body: any // eslint-disable-line @typescript-eslint/no-explicit-any
}

export class Client {
  private jwt: string | undefined
  constructor(
    readonly sb: Sandbox,
    private readonly tokenOptions: TokenOptions = {}
  ) {}

  async call(method: string, path: string, body?: unknown, jwt?: string): Promise<Reply> {
    this.jwt ??= await token(this.sb, this.tokenOptions)
    const url = path.startsWith('http') ? path : `${this.sb.url}${path}`
    const res = await request(url, {
      method: method as 'GET',
      headers: { authorization: `Bearer ${jwt ?? this.jwt}`, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
      body: body !== undefined ? JSON.stringify(body) : undefined
    })
    const text = await res.body.text()
    return { status: res.statusCode, headers: res.headers, body: text ? JSON.parse(text) : undefined }
  }

  get = (path: string) => this.call('GET', path)

  async createSet(localizationId: string, displayType: string, kind: 'screenshot' | 'preview' = 'screenshot'): Promise<string> {
    const r = await this.call('POST', kind === 'screenshot' ? '/v1/appScreenshotSets' : '/v1/appPreviewSets', {
      data: {
        type: kind === 'screenshot' ? 'appScreenshotSets' : 'appPreviewSets',
        attributes: kind === 'screenshot' ? { screenshotDisplayType: displayType } : { previewType: displayType },
        relationships: { appStoreVersionLocalization: { data: { type: 'appStoreVersionLocalizations', id: localizationId } } }
      }
    })
    if (r.status !== 201) throw new Error(`createSet: ${r.status} ${JSON.stringify(r.body)}`)
    return r.body.data.id
  }

  reserve(setId: string, fileName: string, fileSize: number, kind: 'screenshot' | 'preview' = 'screenshot'): Promise<Reply> {
    const screenshot = kind === 'screenshot'
    return this.call('POST', screenshot ? '/v1/appScreenshots' : '/v1/appPreviews', {
      data: {
        type: screenshot ? 'appScreenshots' : 'appPreviews',
        attributes: { fileName, fileSize },
        relationships: { [screenshot ? 'appScreenshotSet' : 'appPreviewSet']: { data: { type: screenshot ? 'appScreenshotSets' : 'appPreviewSets', id: setId } } }
      }
    })
  }

  commit(assetId: string, checksum: string, kind: 'screenshot' | 'preview' = 'screenshot'): Promise<Reply> {
    const type = kind === 'screenshot' ? 'appScreenshots' : 'appPreviews'
    return this.call('PATCH', `/v1/${type}/${assetId}`, { data: { type, id: assetId, attributes: { uploaded: true, sourceFileChecksum: checksum } } })
  }

  /** Reserve, PUT every part, commit: the asset id. */
  async upload(setId: string, fileName: string, bytes: Buffer, kind: 'screenshot' | 'preview' = 'screenshot'): Promise<string> {
    const r = await this.reserve(setId, fileName, bytes.length, kind)
    if (r.status !== 201) throw new Error(`reserve: ${r.status} ${JSON.stringify(r.body)}`)
    for (const op of r.body.data.attributes.uploadOperations) {
      const put = await putPart(op, bytes)
      if (put.status !== 200) throw new Error(`PUT: ${put.status} ${put.text}`)
    }
    const c = await this.commit(r.body.data.id, md5(bytes), kind)
    if (c.status !== 200) throw new Error(`commit: ${c.status} ${JSON.stringify(c.body)}`)
    return r.body.data.id
  }
}

export interface Op {
  method: string
  url: string
  offset: number
  length: number
  requestHeaders: { name: string; value: string }[]
}

export async function putPart(op: Op, file: Buffer, extraHeaders: Record<string, string> = {}): Promise<{ status: number; text: string }> {
  const headers = Object.fromEntries(op.requestHeaders.map(h => [h.name, h.value]))
  const res = await request(op.url, { method: 'PUT', headers: { ...headers, ...extraHeaders }, body: file.subarray(op.offset, op.offset + op.length) })
  return { status: res.statusCode, text: await res.body.text() }
}

export const md5 = (b: Buffer): string => createHash('md5').update(b).digest('hex')

export const EN_US = 'a1b2c3d4-0120-4000-8000-0000000000e1'
export const DE_DE = 'a1b2c3d4-0120-4000-8000-0000000000d1'
export const OLD_EN_US = 'a1b2c3d4-0110-4000-8000-0000000000e1'
export const MAC_EN_US = 'a1b2c3d4-0c12-4000-8000-0000000000e1'
