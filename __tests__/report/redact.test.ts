import { afterEach, describe, expect, it, jest } from '@jest/globals'
import { clearSecrets, onSecretRegistered, redact, redactUrl, registerSecret } from '../../src/report/redact.js'

afterEach(() => {
  clearSecrets()
  onSecretRegistered(undefined)
})

const PEM = [
  '-----BEGIN PRIVATE KEY-----',
  'MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQgevZzL1gdAFr88hb2',
  'OF/2NxApJCzGCEDdfSp6VQO30hyhRANCAAQRWz+jn65BtOMvdyHKcvjBeBSDZH2r',
  '1RTwjmYSi9R/zpBnuQ4EiMnCqfMPWiZqB4QdbAd0E7oH50VpuZ1P087G',
  '-----END PRIVATE KEY-----'
].join('\n')

describe('redactUrl', () => {
  it('drops the query string of a URL', () => {
    expect(redactUrl('https://upload.example/p/1?X-Amz-Signature=secret&a=b')).toBe('https://upload.example/p/1?<redacted>')
    expect(redactUrl('https://api.example/v1/apps')).toBe('https://api.example/v1/apps')
  })
})

describe('redact', () => {
  it('removes query strings from URLs anywhere in the text', () => {
    const out = redact('PUT https://upload.example/part/1?Signature=secret&Expires=1 failed; see "https://b.example/x?token=t2".')
    expect(out).toBe('PUT https://upload.example/part/1?<redacted> failed; see "https://b.example/x?<redacted>".')
    expect(out).not.toContain('secret')
    expect(out).not.toContain('t2')
  })

  it('leaves URLs without a query and ordinary text alone', () => {
    const text = 'GET https://api.appstoreconnect.apple.com/v1/apps answered 200. Why? Because.'
    expect(redact(text)).toBe(text)
  })

  it('masks registered secrets wherever they appear', () => {
    registerSecret('hunter2-very-secret')
    expect(redact('password hunter2-very-secret and again hunter2-very-secret.')).toBe('password *** and again ***.')
  })

  it('ignores secrets too short to mask safely, and empty ones', () => {
    registerSecret('abc')
    registerSecret('')
    registerSecret(undefined)
    expect(redact('abc is fine')).toBe('abc is fine')
  })

  it('masks a registered PEM whole and line by line', () => {
    registerSecret(PEM)
    expect(redact(`key:\n${PEM}\nend`)).toBe('key:\n***\nend')
    const lines = PEM.split('\n')
    expect(redact(`partial: ${lines[2]}`)).toBe('partial: ***')
    expect(redact(`${lines[1]}\n${lines[3]}`)).toBe('***\n***')
    // The armour lines are not secrets.
    expect(redact(lines[0])).toBe(lines[0])
  })

  it('masks JWT-shaped strings even when they were never registered', () => {
    const jwt = 'eyJhbGciOiJFUzI1NiIsImtpZCI6IkFCQyJ9.eyJpc3MiOiJ4IiwiYXVkIjoiYXBwc3RvcmVjb25uZWN0LXYxIn0.c2lnbmF0dXJlLWJ5dGVzLWhlcmU'
    expect(redact(`authorization: Bearer ${jwt}`)).toBe('authorization: Bearer ***')
  })

  it('clearSecrets forgets every registered secret', () => {
    registerSecret('forget-me-please')
    expect(redact('forget-me-please')).toBe('***')
    clearSecrets()
    expect(redact('forget-me-please')).toBe('forget-me-please')
  })

  it('tells a listener about secrets, past and future, once each', () => {
    registerSecret('registered-before')
    const seen: string[] = []
    onSecretRegistered(s => seen.push(s))
    registerSecret('registered-after')
    registerSecret('registered-after')
    expect(seen).toEqual(['registered-before', 'registered-after'])
  })

  it('forwards each PEM line to the listener too', () => {
    const listener = jest.fn<(s: string) => void>()
    onSecretRegistered(listener)
    registerSecret(PEM)
    const calls = listener.mock.calls.map(c => c[0])
    expect(calls[0]).toBe(PEM)
    expect(calls).toEqual(expect.arrayContaining(PEM.split('\n').slice(1, 4)))
    expect(calls.slice(1).some(c => c.startsWith('-----'))).toBe(false)
  })
})
