import { beforeAll, describe, expect, it } from '@jest/globals'
import path from 'node:path'
import { exportPKCS8, generateKeyPair } from 'jose'
import { InputError } from '../../src/errors.js'
import { duration, parseSettings, versionFromRef, type RawSettings } from '../../src/settings/settings.js'

const ISSUER = '57246542-96fe-1a63-e053-0824d011072a'
const ctx = { workspace: '/tmp/ws', tempDir: '/tmp/runner-temp' }
let pem: string

beforeAll(async () => {
  const { privateKey } = await generateKeyPair('ES256', { extractable: true })
  pem = await exportPKCS8(privateKey)
})

const base = (): RawSettings => ({ 'issuer-id': ISSUER, 'key-id': 'ABC123DEFG', 'private-key': pem, 'app-id': '1234567890' })

function inputError(fn: () => unknown): InputError {
  try {
    fn()
  } catch (e) {
    expect(e).toBeInstanceOf(InputError)
    return e as InputError
  }
  throw new Error('expected an InputError')
}

describe('parseSettings', () => {
  it('fills in the defaults', () => {
    const s = parseSettings(base(), ctx)
    expect(s.platform).toBe('IOS')
    expect(s.mode).toBe('sync')
    expect(s.concurrency).toBe(8)
    expect(s.processingTimeoutMs).toBe(900_000)
    expect(s.dryRun).toBe(false)
    expect(s.waitForProcessing).toBe(true)
    expect(s.workspace).toBe(path.resolve('/tmp/ws'))
    expect(s.mappingPath).toBe(path.resolve('/tmp/ws', 'app-store-assets.yml'))
    expect(s.reportPath).toBe(path.resolve('/tmp/runner-temp', 'app-store-media-report.json'))
    expect(s.apiBaseUrl).toBe('https://api.appstoreconnect.apple.com')
    expect(s.version).toBeUndefined()
    expect(s.locales).toBeUndefined()
    expect(s.onEmptyGlob).toBe('error')
    expect(s.appId).toBe('1234567890')
    expect(s.bundleId).toBeUndefined()
    expect(s.apiKey).toEqual({ issuerId: ISSUER, keyId: 'ABC123DEFG', privateKeyPem: pem.trim() })
  })

  it('treats empty and blank strings as unset', () => {
    const s = parseSettings({ ...base(), platform: '', mode: '  ', concurrency: '', 'issuer-id': '' }, ctx)
    expect(s.platform).toBe('IOS')
    expect(s.mode).toBe('sync')
    expect(s.concurrency).toBe(8)
    expect(s.apiKey.issuerId).toBeUndefined()
  })

  it('resolves a relative mapping path in the workspace', () => {
    expect(parseSettings({ ...base(), mapping: 'store/assets.yml' }, ctx).mappingPath).toBe(path.resolve('/tmp/ws/store/assets.yml'))
    expect(parseSettings({ ...base(), 'report-path': 'out/report.json' }, ctx).reportPath).toBe(path.resolve('/tmp/ws/out/report.json'))
  })

  it('accepts other values, case-insensitively where it makes sense', () => {
    const s = parseSettings(
      { ...base(), platform: 'mac_os', mode: 'REPLACE', 'dry-run': 'yes', 'wait-for-processing': 'false', concurrency: '64', 'processing-timeout': '1h30m', 'on-empty-glob': 'WARN' },
      ctx
    )
    expect(s.platform).toBe('MAC_OS')
    expect(s.mode).toBe('replace')
    expect(s.dryRun).toBe(true)
    expect(s.waitForProcessing).toBe(false)
    expect(s.concurrency).toBe(64)
    expect(s.processingTimeoutMs).toBe(5_400_000)
    expect(s.onEmptyGlob).toBe('warn')
  })

  it('normalizes a private key given as base64', () => {
    const s = parseSettings({ ...base(), 'private-key': Buffer.from(pem).toString('base64') }, ctx)
    expect(s.apiKey.privateKeyPem).toBe(pem.trim())
  })

  it('takes the version from a tag ref, and an explicit version wins', () => {
    expect(parseSettings(base(), { ...ctx, ref: 'refs/tags/v1.2.0' }).version).toBe('1.2.0')
    expect(parseSettings({ ...base(), version: '2.0' }, { ...ctx, ref: 'refs/tags/v1.2.0' }).version).toBe('2.0')
    expect(parseSettings(base(), { ...ctx, ref: 'refs/heads/main' }).version).toBeUndefined()
  })

  it('uses bundle-id when there is no app-id, and app-id wins over bundle-id', () => {
    const { 'app-id': _, ...noApp } = base()
    const s = parseSettings({ ...noApp, 'bundle-id': 'com.example.app' }, ctx)
    expect(s.appId).toBeUndefined()
    expect(s.bundleId).toBe('com.example.app')
    const both = parseSettings({ ...base(), 'bundle-id': 'com.example.app' }, ctx)
    expect(both.appId).toBe('1234567890')
    expect(both.bundleId).toBeUndefined()
  })

  it('parses the locales list, splitting on commas and whitespace, without duplicates', () => {
    expect(parseSettings({ ...base(), locales: 'en-US, de-DE\nfr-FR  ja,en-US,' }, ctx).locales).toEqual(['en-US', 'de-DE', 'fr-FR', 'ja'])
    expect(parseSettings({ ...base(), locales: ' , ' }, ctx).locales).toBeUndefined()
  })

  it('accepts https base URLs and plain http only to a local host', () => {
    expect(parseSettings({ ...base(), 'api-base-url': 'https://asc.example.com/' }, ctx).apiBaseUrl).toBe('https://asc.example.com')
    expect(parseSettings({ ...base(), 'api-base-url': 'http://127.0.0.1:8080/' }, ctx).apiBaseUrl).toBe('http://127.0.0.1:8080')
    expect(parseSettings({ ...base(), 'api-base-url': 'http://localhost:9000/api/' }, ctx).apiBaseUrl).toBe('http://localhost:9000/api')
    expect(parseSettings({ ...base(), 'api-base-url': 'http://[::1]:8080' }, ctx).apiBaseUrl).toBe('http://[::1]:8080')
  })

  it.each<[string, RawSettings, RegExp?]>([
    ['mode', { mode: 'merge' }, /"merge" is not accepted; use one of sync, append, replace/],
    ['platform', { platform: 'android' }, /"ANDROID" is not accepted/],
    ['dry-run', { 'dry-run': 'maybe' }, /not a boolean/],
    ['wait-for-processing', { 'wait-for-processing': '2' }, /not a boolean/],
    ['concurrency', { concurrency: '0' }, /from 1 to 64/],
    ['concurrency', { concurrency: '100' }, /from 1 to 64/],
    ['concurrency', { concurrency: '2.5' }, /from 1 to 64/],
    ['concurrency', { concurrency: 'many' }, /from 1 to 64/],
    ['processing-timeout', { 'processing-timeout': 'soon' }, /"soon" is not a duration/],
    ['on-empty-glob', { 'on-empty-glob': 'ignore' }, /not accepted/],
    ['app-id', { 'app-id': 'com.example.app' }, /is not an Apple ID/],
    ['api-base-url', { 'api-base-url': 'http://api.example.com' }, /must use https/],
    ['api-base-url', { 'api-base-url': 'http://127.0.0.1.example.com' }, /must use https/],
    ['api-base-url', { 'api-base-url': 'ftp://127.0.0.1' }, /must use https/],
    ['api-base-url', { 'api-base-url': 'not a url' }, /is not a URL/],
    ['issuer-id', { 'issuer-id': 'team' }, /not a UUID/],
    ['key-id', { 'key-id': 'short' }, /not an App Store Connect key id/],
    ['private-key', { 'private-key': 'nonsense' }, /not a PEM private key/]
  ])('an error names %s for %p', (input, override, message) => {
    const err = inputError(() => parseSettings({ ...base(), ...override }, ctx))
    expect(err.input).toBe(input)
    expect(err.message.startsWith(`Input "${input}": `)).toBe(true)
    if (message) expect(err.message).toMatch(message)
  })

  it('requires key-id and private-key', () => {
    const { 'key-id': _k, ...noKeyId } = base()
    expect(inputError(() => parseSettings(noKeyId, ctx)).input).toBe('key-id')
    expect(inputError(() => parseSettings({ ...base(), 'key-id': ' ' }, ctx)).input).toBe('key-id')
    const { 'private-key': _p, ...noPem } = base()
    expect(inputError(() => parseSettings(noPem, ctx)).input).toBe('private-key')
  })

  it('requires app-id or bundle-id', () => {
    const { 'app-id': _, ...noApp } = base()
    const err = inputError(() => parseSettings(noApp, ctx))
    expect(err.input).toBe('app-id')
    expect(err.message).toContain('bundle-id')
  })

  it('never puts the private key in an error message', () => {
    const inner = pem.split('\n').filter(l => l && !l.startsWith('-----'))
    const sec1 = pem.replace(/PRIVATE KEY/g, 'EC PRIVATE KEY')
    const err = inputError(() => parseSettings({ ...base(), 'private-key': sec1 }, ctx))
    expect(err.input).toBe('private-key')
    for (const line of inner) expect(err.message).not.toContain(line)
  })
})

describe('versionFromRef', () => {
  it.each([
    ['refs/tags/v1.2.0', '1.2.0'],
    ['refs/tags/1.2', '1.2'],
    ['refs/tags/release-2.0', '2.0'],
    ['refs/tags/v3', '3'],
    ['refs/heads/main', undefined],
    ['refs/tags/v1.2.0-beta', undefined],
    ['refs/tags/v1.2.3.4', undefined],
    [undefined, undefined]
  ])('%p → %p', (ref, version) => {
    expect(versionFromRef(ref)).toBe(version)
  })
})

describe('duration', () => {
  it.each([
    ['15m', 900_000],
    ['90s', 90_000],
    ['1h30m', 5_400_000],
    ['1h 30m 15s', 5_415_000],
    ['2H', 7_200_000],
    ['600', 600_000],
    [' 6h ', 21_600_000]
  ])('%p → %p ms', (value, ms) => {
    expect(duration(value, 'processing-timeout')).toBe(ms)
  })

  it.each(['soon', '', '0', '0m', '7h', '1.5h', '-5', '15 minutes', 'm'])('rejects %p naming the input', value => {
    const err = inputError(() => duration(value, 'processing-timeout'))
    expect(err.input).toBe('processing-timeout')
    expect(err.message).toContain('is not a duration')
  })
})
