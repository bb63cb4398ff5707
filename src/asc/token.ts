/**
 * App Store Connect API tokens: ES256 JWTs signed with the team's or individual's private key.
 * Apple rejects tokens whose lifetime (exp − iat) exceeds 20 minutes, backdating included, so
 * the token is backdated a little for clock skew and still lives under 20 minutes in total.
 */
import { importPKCS8, SignJWT } from 'jose'
import { InputError } from '../errors.js'
import { registerSecret } from '../report/redact.js'

export interface ApiKey {
  /** Omitted for an individual key (the token then carries sub: "user"). */
  issuerId?: string
  keyId: string
  /** PEM text (PKCS#8, as in Apple's .p8 file). */
  privateKeyPem: string
}

export const MAX_TOKEN_LIFETIME_SECONDS = 20 * 60
const BACKDATE_SECONDS = 30
const LIFETIME_SECONDS = MAX_TOKEN_LIFETIME_SECONDS - 60
/** Refresh this long before expiry so a token never expires in flight. */
const REFRESH_MARGIN_SECONDS = 120

const PEM_RE = /-----BEGIN PRIVATE KEY-----[\s\S]+?-----END PRIVATE KEY-----/

/** Accepts PEM text (possibly with literal "\n" escapes) or the base64 of a PEM; returns PEM text. */
export function normalizePrivateKey(raw: string, input = 'private-key'): string {
  const text = raw.trim().replace(/\\n/g, '\n')
  if (!text) throw new InputError(input, 'is empty; pass the contents of the AuthKey_XXXXXXXXXX.p8 file (PEM text or its base64).')
  const direct = PEM_RE.exec(text)
  if (direct) return direct[0]
  if (/^[A-Za-z0-9+/=\s]+$/.test(text)) {
    const decoded = Buffer.from(text.replace(/\s+/g, ''), 'base64').toString('utf8')
    const inner = PEM_RE.exec(decoded)
    if (inner) return inner[0]
  }
  if (text.includes('BEGIN EC PRIVATE KEY')) {
    throw new InputError(input, 'is a SEC1 "EC PRIVATE KEY"; App Store Connect keys are PKCS#8 ("BEGIN PRIVATE KEY"). Use the .p8 file as downloaded.')
  }
  throw new InputError(input, 'is not a PEM private key nor the base64 of one; expected the text of the .p8 file from App Store Connect (-----BEGIN PRIVATE KEY----- …).')
}

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

export function validateApiKey(key: ApiKey): void {
  if (key.issuerId !== undefined && !UUID_RE.test(key.issuerId)) {
    throw new InputError('issuer-id', `"${key.issuerId}" is not a UUID; copy the Issuer ID from App Store Connect › Users and Access › Integrations (omit it for an individual key).`)
  }
  if (!/^[A-Z0-9]{10}$/.test(key.keyId)) {
    throw new InputError('key-id', `"${key.keyId}" is not an App Store Connect key id (10 upper-case letters and digits, as in AuthKey_<KEY ID>.p8).`)
  }
}

export class TokenProvider {
  private key?: SigningKey
  private current?: { token: string; exp: number }
  private pending?: Promise<string>

  constructor(
    private readonly apiKey: ApiKey,
    private readonly now: () => number = Date.now
  ) {
    registerSecret(apiKey.privateKeyPem)
  }

  /** A valid token, reused until shortly before it expires. */
  async token(): Promise<string> {
    const nowS = Math.floor(this.now() / 1000)
    if (this.current && this.current.exp - REFRESH_MARGIN_SECONDS > nowS) return this.current.token
    this.pending ??= this.sign(nowS).finally(() => (this.pending = undefined))
    return this.pending
  }

  /** Forget the cached token (after a 401, the next request signs a fresh one). */
  invalidate(): void {
    this.current = undefined
  }

  private async sign(nowS: number): Promise<string> {
    this.key ??= await importKey(this.apiKey.privateKeyPem)
    const iat = nowS - BACKDATE_SECONDS
    const exp = iat + LIFETIME_SECONDS
    const payload: Record<string, unknown> = { aud: 'appstoreconnect-v1' }
    if (this.apiKey.issuerId) payload.iss = this.apiKey.issuerId
    else payload.sub = 'user'
    const token = await new SignJWT(payload)
      .setProtectedHeader({ alg: 'ES256', kid: this.apiKey.keyId, typ: 'JWT' })
      .setIssuedAt(iat)
      .setExpirationTime(exp)
      .sign(this.key)
    registerSecret(token)
    this.current = { token, exp }
    return token
  }
}

type SigningKey = Awaited<ReturnType<typeof importPKCS8>>

async function importKey(pem: string): Promise<SigningKey> {
  try {
    return await importPKCS8(pem, 'ES256')
  } catch {
    throw new InputError('private-key', 'could not be read as an ES256 (P-256) private key; use the .p8 file App Store Connect gave you for this key id.')
  }
}
