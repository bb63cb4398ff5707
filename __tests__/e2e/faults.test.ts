/**
 * Injected 5xx, 429, lost answers, connection resets and expired upload URLs: the run converges to
 * exactly the local files with no duplicates, or a re-run does.
 */
import { rm } from 'node:fs/promises'
import { startSandbox, type Sandbox } from '../../src/sandbox/index.js'
import { IPHONE, runDelivery, setContents, tempWorkspace, writeMapping, writePng, writePreview } from './harness.js'

const MAPPING = `screenshots:
  - files: "shots/{locale}/*.png"
    display-type: APP_IPHONE_67
previews:
  - files: "previews/{locale}/*.mp4"
    preview-type: IPHONE_67
`
const EXPECTED = ['1.png:COMPLETE', '2.png:COMPLETE', '3.png:COMPLETE', '4.png:COMPLETE', '5.png:COMPLETE']

describe('convergence under faults', () => {
  let sandbox: Sandbox
  let ws: string

  beforeAll(async () => {
    ws = await tempWorkspace()
    await writeMapping(ws, MAPPING)
    for (const locale of ['en-US', 'de-DE']) for (let n = 1; n <= 5; n++) await writePng(ws, `shots/${locale}/${n}.png`, IPHONE[0], IPHONE[1], n + (locale === 'de-DE' ? 50 : 0))
    await writePreview(ws, 'previews/en-US/a.mp4', 11 * 1024 * 1024)
  })
  afterAll(() => rm(ws, { recursive: true, force: true }))
  afterEach(() => sandbox.close())

  for (const seed of [1, 2, 3]) {
    it(`5xx, 429, lost answers and mid-upload resets (seed ${seed}) end in exactly the local files`, async () => {
      sandbox = await startSandbox({ processingMs: 30, randomSeed: seed, faults: { api5xxRate: 0.1, api429Rate: 0.05, lostResponseRate: 0.1, uploadResetRate: 0.1 } })
      let run = await runDelivery(sandbox, ws)
      // A run may fail cleanly when retries run out; the next run must then converge.
      for (let i = 0; i < 3 && (run.error || run.counts.failed); i++) run = await runDelivery(sandbox, ws)
      expect(run.error?.message).toBeUndefined()
      for (const locale of ['en-US', 'de-DE']) expect(setContents(sandbox, locale, 'APP_IPHONE_67')).toEqual(EXPECTED)
      expect(setContents(sandbox, 'en-US', 'IPHONE_67')).toEqual(['a.mp4:COMPLETE'])
      expect(sandbox.store.countAssets('AWAITING_UPLOAD')).toBe(0)
      expect(sandbox.store.countAssets('FAILED')).toBe(0)
      // The faults really happened (which ones depends on the seed).
      expect(sandbox.requests.filter(r => r.status === 429 || r.status >= 500 || r.status === 0).length).toBeGreaterThan(2)
    })
  }

  it('a reservation whose answer was lost is adopted, not duplicated', async () => {
    sandbox = await startSandbox({ processingMs: 30, faults: { lostResponseRate: 1, only: r => r.method === 'POST' && r.path === '/v1/appScreenshots' } })
    const run = await runDelivery(sandbox, ws, { locales: 'en-US' })
    expect(run.error).toBeUndefined()
    expect(setContents(sandbox, 'en-US', 'APP_IPHONE_67')).toEqual(EXPECTED)
    expect(sandbox.requests.filter(r => r.method === 'POST' && r.path === '/v1/appScreenshots')).toHaveLength(5)
    expect(run.logs.join('\n')).toMatch(/adopted the reservation/)
  })

  it('expired upload URLs lead to delete and reserve again', async () => {
    sandbox = await startSandbox({ processingMs: 30, faults: { expireUploadUrls: true } })
    const first = await runDelivery(sandbox, ws, { locales: 'de-DE' })
    expect(first.counts.failed).toBe(5)
    expect(sandbox.store.countAssets('AWAITING_UPLOAD')).toBe(0)
    sandbox.faults.expireUploadUrls = false
    const second = await runDelivery(sandbox, ws, { locales: 'de-DE' })
    expect(second.error).toBeUndefined()
    expect(setContents(sandbox, 'de-DE', 'APP_IPHONE_67')).toEqual(EXPECTED)
  })
})
