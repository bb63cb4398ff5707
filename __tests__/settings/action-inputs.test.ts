import { afterEach, describe, expect, it } from '@jest/globals'
import * as core from '@actions/core'
import { generateKeyPairSync } from 'node:crypto'
import { getInput, getInputs, INPUT_NAMES } from '../../src/settings/action-inputs.js'
import { clearSecrets, redact } from '../../src/report/redact.js'

const saved = { ...process.env }
afterEach(() => {
  for (const k of Object.keys(process.env)) if (!(k in saved)) delete process.env[k]
  Object.assign(process.env, saved)
  clearSecrets()
})

describe('getInput', () => {
  it('reads INPUT_* exactly as @actions/core does (upper-case, spaces as _, trimmed, empty when unset)', () => {
    process.env['INPUT_DRY-RUN'] = '  true \n'
    process.env.INPUT_MY_INPUT = ' x '
    process.env['INPUT_API-BASE-URL'] = ''
    for (const name of ['dry-run', 'my input', 'api-base-url', 'not-set', ...INPUT_NAMES]) expect(getInput(name)).toBe(core.getInput(name))
  })
})

describe('getInputs', () => {
  it('builds Settings from the environment and registers the private key as a secret before validating', () => {
    const pem = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString()
    const env = {
      'INPUT_ISSUER-ID': '57246542-96fe-1a63-e053-0824d011072a',
      'INPUT_KEY-ID': 'ABC123DEFG',
      'INPUT_PRIVATE-KEY': pem,
      'INPUT_APP-ID': '1234567890',
      INPUT_CONCURRENCY: ' 4 ',
      GITHUB_WORKSPACE: '/tmp/ws',
      RUNNER_TEMP: '/tmp/rt'
    }
    const settings = getInputs(env)
    expect(settings.appId).toBe('1234567890')
    expect(settings.concurrency).toBe(4)
    expect(settings.mappingPath).toBe('/tmp/ws/app-store-assets.yml')
    expect(redact(pem.trim())).toBe('***')
    expect(() => getInputs({ ...env, INPUT_CONCURRENCY: 'lots' })).toThrow(/concurrency/)
  })
})
