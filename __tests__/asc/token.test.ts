import { beforeAll, describe, expect, it } from '@jest/globals'
import { generateKeyPairSync } from 'node:crypto'
import { decodeJwt, decodeProtectedHeader } from 'jose'
import { InputError } from '../../src/errors.js'
import { MAX_TOKEN_LIFETIME_SECONDS, normalizePrivateKey, TokenProvider, validateApiKey } from '../../src/asc/token.js'
import { ISSUER, KEY_ID, makePem } from './helpers.js'

let pem: string
beforeAll(async () => {
  pem = await makePem()
})

const body = (p: string) =>
  p
    .split('\n')
    .filter(l => l && !l.startsWith('-----'))
    .join('')

describe('TokenProvider', () => {
  it('signs an ES256 team-key token with kid, typ, aud and iss', async () => {
    const now = Date.UTC(2025, 0, 1, 12, 0, 0)
    const tokens = new TokenProvider({ issuerId: ISSUER, keyId: KEY_ID, privateKeyPem: pem }, () => now)
    const token = await tokens.token()
    expect(decodeProtectedHeader(token)).toEqual({ alg: 'ES256', kid: KEY_ID, typ: 'JWT' })
    const claims = decodeJwt(token)
    expect(claims.aud).toBe('appstoreconnect-v1')
    expect(claims.iss).toBe(ISSUER)
    expect(claims.sub).toBeUndefined()
    expect(typeof claims.iat).toBe('number')
    expect(typeof claims.exp).toBe('number')
    const iat = claims.iat as number
    const exp = claims.exp as number
    expect(exp - iat).toBeLessThanOrEqual(MAX_TOKEN_LIFETIME_SECONDS)
    expect(exp - iat).toBeGreaterThan(0)
    // Backdated a little for clock skew, never in the future.
    expect(iat).toBeLessThanOrEqual(now / 1000)
    expect(exp).toBeGreaterThan(now / 1000)
  })

  it('signs an individual-key token with sub "user" and no iss', async () => {
    const tokens = new TokenProvider({ keyId: KEY_ID, privateKeyPem: pem })
    const claims = decodeJwt(await tokens.token())
    expect(claims.sub).toBe('user')
    expect(claims).not.toHaveProperty('iss')
    expect(claims.aud).toBe('appstoreconnect-v1')
    expect((claims.exp as number) - (claims.iat as number)).toBeLessThanOrEqual(1200)
  })

  it('reuses the token until near expiry and refreshes it after 19 minutes', async () => {
    let now = Date.UTC(2025, 0, 1, 12, 0, 0)
    const tokens = new TokenProvider({ issuerId: ISSUER, keyId: KEY_ID, privateKeyPem: pem }, () => now)
    const first = await tokens.token()
    now += 60_000
    expect(await tokens.token()).toBe(first)
    now += 10 * 60_000
    expect(await tokens.token()).toBe(first)
    now = Date.UTC(2025, 0, 1, 12, 19, 0)
    const second = await tokens.token()
    expect(second).not.toBe(first)
    expect(decodeJwt(second).iat as number).toBeGreaterThan(decodeJwt(first).iat as number)
    // The fresh token is valid at the time it is handed out.
    expect(decodeJwt(second).exp as number).toBeGreaterThan(now / 1000)
  })

  it('signs once for concurrent callers', async () => {
    const tokens = new TokenProvider({ issuerId: ISSUER, keyId: KEY_ID, privateKeyPem: pem })
    const [a, b, c] = await Promise.all([tokens.token(), tokens.token(), tokens.token()])
    expect(b).toBe(a)
    expect(c).toBe(a)
  })

  it('signs a new token after invalidate()', async () => {
    const tokens = new TokenProvider({ issuerId: ISSUER, keyId: KEY_ID, privateKeyPem: pem })
    const first = await tokens.token()
    expect(await tokens.token()).toBe(first)
    tokens.invalidate()
    const second = await tokens.token()
    expect(second).not.toBe(first) // ECDSA signatures are randomized
    expect(await tokens.token()).toBe(second)
  })

  it('signs tokens that jose verifies with the key\'s public half, and no other key does', async () => {
    const { generateKeyPair, exportPKCS8, jwtVerify } = await import('jose')
    const pair = await generateKeyPair('ES256', { extractable: true })
    const tokens = new TokenProvider({ issuerId: ISSUER, keyId: KEY_ID, privateKeyPem: await exportPKCS8(pair.privateKey) })
    const token = await tokens.token()
    const { payload, protectedHeader } = await jwtVerify(token, pair.publicKey, { algorithms: ['ES256'], audience: 'appstoreconnect-v1', issuer: ISSUER })
    expect(protectedHeader).toEqual({ alg: 'ES256', kid: KEY_ID, typ: 'JWT' })
    expect(Object.keys(payload).sort()).toEqual(['aud', 'exp', 'iat', 'iss'])
    const other = await generateKeyPair('ES256')
    await expect(jwtVerify(token, other.publicKey)).rejects.toThrow('signature verification failed')
  })

  it.each([
    ['an RSA key', () => generateKeyPairSync('rsa', { modulusLength: 2048 })],
    ['an Ed25519 key', () => generateKeyPairSync('ed25519')]
  ])('rejects %s with an InputError naming private-key', async (_, make) => {
    const pkcs8 = make().privateKey.export({ type: 'pkcs8', format: 'pem' }).toString()
    const err = await new TokenProvider({ keyId: KEY_ID, privateKeyPem: pkcs8 }).token().catch(e => e)
    expect(err).toBeInstanceOf(InputError)
    expect(err.input).toBe('private-key')
  })

  it('rejects a PKCS#8 key that is not P-256 with an InputError naming private-key', async () => {
    const { generateKeyPair, exportPKCS8 } = await import('jose')
    const { privateKey } = await generateKeyPair('ES384', { extractable: true })
    const p384 = await exportPKCS8(privateKey)
    const tokens = new TokenProvider({ keyId: KEY_ID, privateKeyPem: p384 })
    const err = await tokens.token().catch(e => e)
    expect(err).toBeInstanceOf(InputError)
    expect(err.input).toBe('private-key')
    expect(err.message).not.toContain(body(p384).slice(0, 20))
  })
})

describe('normalizePrivateKey', () => {
  it('accepts PEM text as is', () => {
    expect(normalizePrivateKey(pem)).toBe(pem.trim())
  })

  it('accepts PEM surrounded by whitespace and other text', () => {
    expect(normalizePrivateKey(`\n  ${pem}\n\n`)).toBe(pem.trim())
    expect(normalizePrivateKey(`AuthKey_ABC123DEFG.p8:\n${pem}(end)`)).toBe(pem.trim())
  })

  it('accepts PEM with literal \\n escapes', () => {
    const escaped = pem.trim().replace(/\n/g, '\\n')
    expect(escaped).not.toContain('\n')
    expect(normalizePrivateKey(escaped)).toBe(pem.trim())
  })

  it('accepts the base64 of a PEM, with or without line wrapping', () => {
    const b64 = Buffer.from(pem).toString('base64')
    expect(normalizePrivateKey(b64)).toBe(pem.trim())
    const wrapped = b64.replace(/(.{64})/g, '$1\n')
    expect(normalizePrivateKey(wrapped)).toBe(pem.trim())
  })

  it('produces a key the TokenProvider can sign with, from each accepted form', async () => {
    for (const form of [pem, pem.trim().replace(/\n/g, '\\n'), Buffer.from(pem).toString('base64')]) {
      const tokens = new TokenProvider({ keyId: KEY_ID, privateKeyPem: normalizePrivateKey(form) })
      expect(decodeProtectedHeader(await tokens.token()).alg).toBe('ES256')
    }
  })

  it('rejects a SEC1 "EC PRIVATE KEY" with a message naming the input and not the key', () => {
    const inner = body(pem)
    const sec1 = `-----BEGIN EC PRIVATE KEY-----\n${inner}\n-----END EC PRIVATE KEY-----\n`
    let err: unknown
    try {
      normalizePrivateKey(sec1, 'my-key-input')
    } catch (e) {
      err = e
    }
    expect(err).toBeInstanceOf(InputError)
    const e = err as InputError
    expect(e.input).toBe('my-key-input')
    expect(e.message).toContain('my-key-input')
    expect(e.message).toContain('EC PRIVATE KEY')
    expect(e.message).toContain('PKCS#8')
    expect(e.message).not.toContain(inner.slice(0, 16))
  })

  it.each([
    ['garbage text', 'this is definitely not a key!'],
    ['base64 of something else', Buffer.from('hello world, not a pem at all').toString('base64')],
    ['a truncated PEM', '-----BEGIN PRIVATE KEY-----\nMIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQg']
  ])('rejects %s without echoing it', (_name, raw) => {
    let err: unknown
    try {
      normalizePrivateKey(raw)
    } catch (e) {
      err = e
    }
    expect(err).toBeInstanceOf(InputError)
    expect((err as InputError).input).toBe('private-key')
    expect((err as Error).message).toContain('private-key')
    expect((err as Error).message).not.toContain(raw)
  })

  it('rejects an empty or blank value', () => {
    expect(() => normalizePrivateKey('   \n ')).toThrow(/Input "private-key": is empty/)
  })

  it('never puts key material in the error for a damaged PEM', () => {
    const inner = body(pem)
    const damaged = `-----BEGIN PRIVATE KEY-----\n${inner}\n` // no END line
    expect(() => normalizePrivateKey(damaged)).toThrow(InputError)
    try {
      normalizePrivateKey(damaged)
    } catch (e) {
      expect((e as Error).message).not.toContain(inner.slice(0, 16))
    }
  })
})

describe('validateApiKey', () => {
  it('accepts a team key and an individual key', () => {
    expect(() => validateApiKey({ issuerId: ISSUER, keyId: KEY_ID, privateKeyPem: pem })).not.toThrow()
    expect(() => validateApiKey({ issuerId: ISSUER.toUpperCase(), keyId: KEY_ID, privateKeyPem: pem })).not.toThrow()
    expect(() => validateApiKey({ keyId: KEY_ID, privateKeyPem: pem })).not.toThrow()
  })

  it.each(['not-a-uuid', '57246542-96fe-1a63-e053-0824d011072', '', '57246542 96fe 1a63 e053 0824d011072a'])(
    'rejects issuer id %p with an InputError naming issuer-id',
    issuerId => {
      let err: unknown
      try {
        validateApiKey({ issuerId, keyId: KEY_ID, privateKeyPem: pem })
      } catch (e) {
        err = e
      }
      expect(err).toBeInstanceOf(InputError)
      expect((err as InputError).input).toBe('issuer-id')
      expect((err as Error).message).toMatch(/^Input "issuer-id": .*not a UUID/)
    }
  )

  it.each(['abc123defg', 'ABC123DEF', 'ABC123DEFGH', 'ABC-23DEFG', ''])('rejects key id %p with an InputError naming key-id', keyId => {
    let err: unknown
    try {
      validateApiKey({ issuerId: ISSUER, keyId, privateKeyPem: pem })
    } catch (e) {
      err = e
    }
    expect(err).toBeInstanceOf(InputError)
    expect((err as InputError).input).toBe('key-id')
    expect((err as Error).message).toContain('key-id')
  })
})
