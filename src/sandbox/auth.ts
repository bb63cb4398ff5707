/**
 * JWT checks as App Store Connect applies them: ES256 only, a known `kid`, `aud: appstoreconnect-v1`,
 * team keys carry `iss` (the issuer id), individual keys carry `sub: "user"` and no `iss`, `exp` in the
 * future and at most tokenMaxLifetimeSeconds after `iat` (Apple's 20-minute rule).
 */
import { randomBytes, randomUUID } from 'node:crypto'
import { decodeProtectedHeader, exportPKCS8, exportSPKI, generateKeyPair, importSPKI, jwtVerify, type JWTPayload } from 'jose'
import { ApiError } from './errors.js'

type VerifyKey = Awaited<ReturnType<typeof importSPKI>>

export interface KeyPairInfo {
  keyId: string
  privateKeyPem: string
  publicKey: VerifyKey
  /** 'team' keys authenticate with iss; 'individual' keys with sub=user. */
  kind: 'team' | 'individual'
}

export interface KeyRing {
  issuerId: string
  team: KeyPairInfo
  individual: KeyPairInfo
}

/** How far in the future `iat` may be before the token is refused (client clocks drift). */
const IAT_SKEW_SECONDS = 60

function keyId(): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789'
  return [...randomBytes(10)].map(b => alphabet[b % alphabet.length]).join('')
}

async function makeKey(kind: 'team' | 'individual'): Promise<KeyPairInfo> {
  const { privateKey, publicKey } = await generateKeyPair('ES256', { extractable: true })
  // PKCS#8 PEM is the format of the .p8 file Apple lets you download once.
  const privateKeyPem = await exportPKCS8(privateKey)
  const spki = await exportSPKI(publicKey)
  return { keyId: keyId(), privateKeyPem, publicKey: await importSPKI(spki, 'ES256'), kind }
}

export async function makeKeyRing(): Promise<KeyRing> {
  return { issuerId: randomUUID(), team: await makeKey('team'), individual: await makeKey('individual') }
}

const unauthorized = (detail: string): ApiError => new ApiError(401, 'NOT_AUTHORIZED', detail)

export class Authenticator {
  /** Verified tokens: signature checks are the expensive part, the time checks run on every request. */
  private readonly verified = new Map<string, { keyId: string; payload: JWTPayload }>()

  constructor(
    private readonly keys: KeyRing,
    private readonly clock: () => number,
    private readonly maxLifetimeSeconds: () => number
  ) {}

  /** Returns the key id the request is billed to; throws 401 otherwise. */
  async authenticate(header: string | undefined): Promise<string> {
    const match = /^Bearer\s+(\S+)$/i.exec(header ?? '')
    if (!match) throw unauthorized('Provide a properly configured and signed bearer token, and make sure that it has not expired.')
    const token = match[1]!
    const cached = this.verified.get(token) ?? (await this.verify(token))
    this.checkTimes(cached.payload)
    return cached.keyId
  }

  private async verify(token: string): Promise<{ keyId: string; payload: JWTPayload }> {
    let header
    try {
      header = decodeProtectedHeader(token)
    } catch {
      throw unauthorized('The bearer token is not a valid JWT.')
    }
    if (header.alg !== 'ES256') throw unauthorized(`The token must be signed with ES256, not ${String(header.alg)}.`)
    const key = [this.keys.team, this.keys.individual].find(k => k.keyId === header.kid)
    if (!key) throw unauthorized(`The key id '${String(header.kid)}' in the token header is unknown or revoked.`)
    let payload: JWTPayload
    try {
      ;({ payload } = await jwtVerify(token, key.publicKey, {
        algorithms: ['ES256'],
        audience: 'appstoreconnect-v1',
        requiredClaims: ['exp', 'iat'],
        currentDate: new Date(this.clock())
      }))
    } catch (e) {
      throw unauthorized(`The token was rejected: ${(e as Error).message}.`)
    }
    this.checkSubject(key, payload)
    const entry = { keyId: key.keyId, payload }
    if (this.verified.size > 10_000) this.verified.clear()
    this.verified.set(token, entry)
    return entry
  }

  private checkSubject(key: KeyPairInfo, payload: JWTPayload): void {
    if (key.kind === 'team') {
      if (payload.iss !== this.keys.issuerId) throw unauthorized('The issuer (iss) does not match the key\'s issuer id.')
    } else {
      if (payload.sub !== 'user') throw unauthorized('Tokens of individual keys need sub: "user".')
      if (payload.iss !== undefined) throw unauthorized('Tokens of individual keys must not carry an issuer (iss).')
    }
  }

  private checkTimes(p: JWTPayload): void {
    const now = this.clock() / 1000
    const exp = p.exp ?? 0
    const iat = p.iat ?? 0
    const max = this.maxLifetimeSeconds()
    if (exp <= now) throw unauthorized('The token has expired.')
    if (iat > now + IAT_SKEW_SECONDS) throw unauthorized('The token was issued in the future (iat).')
    if (exp - iat > max) throw unauthorized(`The token lifetime (exp - iat = ${exp - iat}s) exceeds ${max} seconds.`)
    if (exp - now > max + IAT_SKEW_SECONDS) throw unauthorized(`The token expires more than ${max} seconds from now.`)
  }
}
