/**
 * App Store Connect API tokens: ES256 JWTs signed with the team's or individual's private key.
 * Apple rejects tokens whose lifetime (exp − iat) exceeds 20 minutes, backdating included, so
 * the token is backdated a little for clock skew and still lives under 20 minutes in total.
 *
 * Signed with node:crypto rather than jose: jose 6 signs only through WebCrypto, whose first use
 * loads Node's WebCrypto internals, 17–22 ms of Node 24's start-up before the first request against
 * 2–3 ms here (measured cold, one process each). ES256 is ECDSA on P-256 with SHA-256, the signature
 * being R ‖ S (RFC 7518 §3.4): node:crypto's `dsaEncoding: 'ieee-p1363'`. The sandbox verifies every
 * token with jose's jwtVerify, so the two are checked against each other on every test run.
 */
import { createPrivateKey, sign, type KeyObject } from 'node:crypto'
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
  private key?: KeyObject
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
    this.key ??= importKey(this.apiKey.privateKeyPem)
    const iat = nowS - BACKDATE_SECONDS
    const exp = iat + LIFETIME_SECONDS
    const payload: Record<string, unknown> = { iss: this.apiKey.issuerId, sub: this.apiKey.issuerId ? undefined : 'user', iat, exp, aud: 'appstoreconnect-v1' }
    const token = signJwt({ alg: 'ES256', kid: this.apiKey.keyId, typ: 'JWT' }, payload, this.key)
    registerSecret(token)
    this.current = { token, exp }
    return token
  }
}

/** The key as an ES256 signing key: PKCS#8, elliptic curve P-256 (prime256v1), as Apple's .p8 files are. */
function importKey(pem: string): KeyObject {
  let key: KeyObject | undefined
  try {
    key = createPrivateKey({ key: pem, format: 'pem' })
  } catch {
    key = undefined
  }
  if (key?.asymmetricKeyType !== 'ec' || key.asymmetricKeyDetails?.namedCurve !== 'prime256v1') {
    throw new InputError('private-key', 'could not be read as an ES256 (P-256) private key; use the .p8 file App Store Connect gave you for this key id.')
  }
  return key
}

const base64url = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64url')

/** A compact JWS: base64url(header).base64url(claims).base64url(R ‖ S). Claims left undefined are omitted. */
function signJwt(header: Record<string, string>, claims: Record<string, unknown>, key: KeyObject): string {
  const input = `${base64url(header)}.${base64url(claims)}`
  const signature = sign('sha256', Buffer.from(input), { key, dsaEncoding: 'ieee-p1363' })
  return `${input}.${signature.toString('base64url')}`
}
