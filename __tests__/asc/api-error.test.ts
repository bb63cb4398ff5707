import { describe, expect, it } from '@jest/globals'
import { AppleApiError } from '../../src/asc/api-error.js'
import { ActionError } from '../../src/errors.js'
import { clearSecrets, registerSecret } from '../../src/report/redact.js'

describe('AppleApiError', () => {
  it('reads a plain-text 406 body', () => {
    const err = AppleApiError.fromResponse(406, 'Not Acceptable: the Accept header must be application/json\n', 'GET', '/v1/apps')
    expect(err).toBeInstanceOf(ActionError)
    expect(err.name).toBe('AppleApiError')
    expect(err.status).toBe(406)
    expect(err.errors).toEqual([{ code: 'HTTP_406', title: 'Not Acceptable: the Accept header must be application/json' }])
    expect(err.message).toBe('App Store Connect rejected GET /v1/apps: 406 HTTP_406: Not Acceptable: the Accept header must be application/json')
    expect(err.hasCode('HTTP_406')).toBe(true)
  })

  it('truncates a long plain-text body', () => {
    const err = AppleApiError.fromResponse(502, `<html>${'x'.repeat(1000)}</html>`, 'GET', '/v1/apps')
    expect(err.errors[0].title.length).toBe(300)
  })

  it('says so when there is no error body', () => {
    expect(AppleApiError.fromResponse(500, '', 'DELETE', '/v1/x/1').message).toBe('App Store Connect rejected DELETE /v1/x/1: HTTP 500 with no error body')
    expect(AppleApiError.fromResponse(500, '{}', 'DELETE', '/v1/x/1').errors).toEqual([])
  })

  it('lists every error and adds the hint for the status', () => {
    const body = JSON.stringify({
      errors: [
        { code: 'FORBIDDEN_ERROR', title: 'No access', detail: 'The API key lacks a role.' },
        { status: '403', code: 'FORBIDDEN_ERROR.AGREEMENT', title: 'Agreement', source: { parameter: 'filter[app]' } }
      ]
    })
    const err = AppleApiError.fromResponse(403, body, 'PATCH', '/v1/appScreenshotSets/1')
    expect(err.message.split('\n')).toEqual([
      'App Store Connect rejected PATCH /v1/appScreenshotSets/1: 403 FORBIDDEN_ERROR: No access — The API key lacks a role.',
      '403 FORBIDDEN_ERROR.AGREEMENT: Agreement (source: filter[app])',
      expect.stringContaining('App Manager or Admin')
    ])
    expect(err.hasCode('FORBIDDEN_ERROR')).toBe(true)
  })

  it('keeps registered secrets and URL query strings out of the message', () => {
    registerSecret('super-secret-token-value')
    try {
      const err = AppleApiError.fromResponse(400, 'bad token super-secret-token-value at https://x.test/p?sig=abc', 'GET', '/v1/apps')
      expect(err.message).not.toContain('super-secret-token-value')
      expect(err.message).not.toContain('sig=abc')
    } finally {
      clearSecrets()
    }
  })
})
