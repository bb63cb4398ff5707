/**
 * src/asc/undici-slim.ts loads undici's Agent and request API from undici's lib/ files so that start-up
 * does not evaluate all of undici. These check that they are undici's own and that `request` behaves as
 * the index's `request(url, options)`.
 */
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import { execFile } from 'node:child_process'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import * as undici from 'undici'
import { Agent, request } from '../../src/asc/undici-slim.js'

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
const ORIGIN = 'https://api.example.test'

let agent: undici.MockAgent
beforeEach(() => {
  agent = new undici.MockAgent()
  agent.disableNetConnect()
})
afterEach(async () => {
  await agent.close()
})

async function outcome(send: () => Promise<undici.Dispatcher.ResponseData>): Promise<unknown> {
  try {
    const res = await send()
    return { status: res.statusCode, headers: res.headers, text: await res.body.text() }
  } catch (err) {
    return { error: (err as Error).constructor.name, message: (err as Error).message }
  }
}

describe('undici-slim', () => {
  it("exports undici's Agent", () => {
    expect(Agent).toBe(undici.Agent)
  })

  it('sends what undici.request sends, with the same origin, path, query, method, headers and body', async () => {
    const seen: unknown[] = []
    agent
      .get(ORIGIN)
      .intercept({ path: /.*/, method: /.*/ })
      .reply(opts => {
        seen.push({ path: opts.path, method: opts.method, headers: opts.headers, body: opts.body })
        return { statusCode: 201, data: '{"ok":true}', responseOptions: { headers: { 'x-rate-limit': 'user-hour-lim:3600;user-hour-rem:3599;' } } }
      })
      .times(6)
    const cases: [string, Omit<Parameters<typeof request>[1], 'dispatcher'>][] = [
      [`${ORIGIN}/v1/apps?filter[bundleId]=a.b&limit=200`, { method: 'GET', headers: { authorization: 'Bearer x' } }],
      [`${ORIGIN}/v1/appScreenshots`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"data":{}}' }],
      [`${ORIGIN}/upload/part-1`, { body: Buffer.from('bytes') }]
    ]
    for (const [url, opts] of cases) {
      const mine = await outcome(() => request(url, { ...opts, dispatcher: agent }))
      const theirs = await outcome(() => undici.request(url, { ...opts, dispatcher: agent }))
      expect(mine).toEqual(theirs)
    }
    expect(seen).toHaveLength(6)
    for (let i = 0; i < seen.length; i += 2) expect(seen[i + 1]).toEqual(seen[i])
    expect(seen[0]).toMatchObject({ path: '/v1/apps?filter[bundleId]=a.b&limit=200', method: 'GET', headers: { authorization: 'Bearer x' } })
    expect(seen[2]).toMatchObject({ path: '/v1/appScreenshots', method: 'POST', body: '{"data":{}}' })
    expect(seen[4]).toMatchObject({ path: '/upload/part-1', method: 'PUT' })
  })

  it('fails as undici.request does: invalid URLs, network errors', async () => {
    agent.get(ORIGIN).intercept({ path: '/down', method: 'GET' }).replyWithError(new Error('socket hang up')).times(2)
    for (const url of ['not a url', 'ftp://example.test/x', `${ORIGIN}/down`]) {
      const mine = await outcome(() => request(url, { method: 'GET', dispatcher: agent }))
      const theirs = await outcome(() => undici.request(url, { method: 'GET', dispatcher: agent }))
      expect([url, mine]).toEqual([url, theirs])
    }
  })

  it("does not load undici's index", async () => {
    const script =
      "import { createRequire } from 'node:module';" +
      "await import('./src/asc/undici-slim.ts');" +
      "const loaded = Object.keys(createRequire(import.meta.url).cache).filter(f => f.includes('undici'));" +
      'console.log(JSON.stringify(loaded))'
    const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { cwd: ROOT })
    // Paths inside the undici package, e.g. lib/dispatcher/agent.js.
    const loaded = (JSON.parse(stdout) as string[]).map(f => f.split(path.sep).join('/').replace(/^.*\/node_modules\/undici\//, ''))
    expect(loaded).toContain('lib/dispatcher/agent.js')
    expect(loaded).not.toContain('index.js')
    expect(loaded.filter(f => f.startsWith('lib/web/'))).toEqual([])
  })
})
