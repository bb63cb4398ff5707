/**
 * Rate limit and bounded waits. With a small hourly budget announced by X-Rate-Limit the run stays
 * inside it, and when the budget cannot cover the plan it says so before the first write. No wait,
 * poll or retry loop runs forever: each ends at an input or a documented default with a clear message.
 */
import { rm } from 'node:fs/promises'
import { RateLimiter } from '../../src/asc/rate-limiter.js'
import { estimateRequests, budgetProblem } from '../../src/plan/request-budget.js'
import { startSandbox, type Sandbox } from '../../src/sandbox/index.js'
import { IPHONE, writePng } from '../e2e/harness.js'
import { CONVERGED, convergedState, runOnce, standardWorkspace, writes } from './helpers.js'

describe('hourly request budget', () => {
  let sandbox: Sandbox
  let ws: string
  beforeEach(async () => {
    ws = await standardWorkspace()
  })
  afterEach(async () => {
    await sandbox?.close()
    await rm(ws, { recursive: true, force: true })
  })

  it('a budget that covers the plan: the run finishes inside it and never meets a 429', async () => {
    sandbox = await startSandbox({ processingMs: 30, hourlyRequestLimit: 60 })
    const run = await runOnce(sandbox, ws, { inputs: { concurrency: '16' } })
    expect(run.error).toBeUndefined()
    expect(convergedState(sandbox)).toEqual(CONVERGED)
    const api = sandbox.requests.filter(r => r.host === 'api')
    expect(api.length).toBeLessThanOrEqual(60)
    expect(api.filter(r => r.status === 429)).toEqual([])
    expect(run.result?.stats?.throttled).toBe(0)
  })

  it('a budget that cannot cover the plan: fails before the first write, giving both numbers', async () => {
    sandbox = await startSandbox({ processingMs: 30, hourlyRequestLimit: 20 })
    const run = await runOnce(sandbox, ws)
    // Five reads were made (app, version, three set listings): 15 of 20 remain; the writes need 27.
    expect(run.error?.message).toBe(
      'The API key has 15 of its 20 hourly App Store Connect requests left, but this plan needs at least 27 ' +
        '(3 set creations, 9 reservations, 9 commits, at least 6 processing checks); nothing was changed on App Store Connect. ' +
        'Run again when the hourly budget has recovered, use another API key, or deliver fewer files per run (the locales input).'
    )
    expect(writes(sandbox)).toBe(0)
    expect(sandbox.requests.filter(r => r.status === 429)).toEqual([])
  })

  it('a second run in the same hour sees what the first one spent, and refuses a plan the rest cannot cover', async () => {
    sandbox = await startSandbox({ processingMs: 30, hourlyRequestLimit: 3600 })
    const first = await runOnce(sandbox, ws)
    expect(first.error).toBeUndefined()
    const spent = sandbox.requests.filter(r => r.host === 'api').length
    // Every screenshot changes: 8 replacements need 8 reservations, 8 commits and 8 deletions.
    for (const locale of ['en-US', 'de-DE']) for (let n = 1; n <= 4; n++) await writePng(ws, `shots/${locale}/${n}.png`, IPHONE[0], IPHONE[1], 200 + n + (locale === 'de-DE' ? 9 : 0))
    // Another job used the key meanwhile: what is left after this run's five reads is 20.
    const limit = spent + 5 + 20
    sandbox.setOptions({ hourlyRequestLimit: limit })
    sandbox.resetLog()
    const second = await runOnce(sandbox, ws)
    expect(second.error?.message).toMatch(new RegExp(`^The API key has 20 of its ${limit} hourly App Store Connect requests left, but this plan needs at least 28 \\(8 reservations, 8 commits, 8 deletions, at least 4 processing checks\\); nothing was changed`))
    expect(writes(sandbox)).toBe(0)
  })

  it('estimates the writes of a plan from the plan alone', () => {
    const local = (n: number) => ({ path: `/w/${n}.png`, displayPath: `${n}.png`, fileName: `${n}.png`, size: 1, md5: String(n) })
    const remote = { id: 'r1', kind: 'screenshot' as const, fileName: 'old.png', fileSize: 1, checksum: 'x', state: 'COMPLETE' as const, errors: [] }
    const base = { kind: 'screenshot' as const, platform: 'IOS' as const, locale: 'en-US', localizationId: 'L', setType: 'APP_IPHONE_67', keep: [], remoteOrder: [], source: { file: 'm.yml', pointer: '/screenshots/0' } }
    const plans = [
      { ...base, setId: null, upload: [local(1), local(2)], delete: [], order: [local(1), local(2)], reorder: false },
      { ...base, localizationId: 'M', setId: 'S', upload: [], delete: [{ remote, reason: 'not-in-mapping' as const }], order: [], reorder: true },
      { ...base, localizationId: 'N', setId: 'T', upload: [], delete: [], order: [], reorder: false }
    ]
    const e = estimateRequests(plans, { waitForProcessing: true })
    expect(e).toEqual({ createSets: 1, reservations: 2, commits: 2, deletes: 1, reorders: 1, polling: 2, total: 9 })
    expect(estimateRequests(plans, { waitForProcessing: false }).total).toBe(7)
    expect(budgetProblem(e, undefined)).toBeUndefined()
    expect(budgetProblem(e, { limit: 3600, remaining: 9 })).toBeUndefined()
    expect(budgetProblem(e, { limit: 3600, remaining: 8 })).toMatch(/^The API key has 8 of its 3600 hourly App Store Connect requests left, but this plan needs at least 9 \(1 set creations, 2 reservations, 2 commits, 1 deletions, 1 reorders, at least 2 processing checks\)/)
    expect(budgetProblem(estimateRequests([plans[2]], { waitForProcessing: true }), { limit: 10, remaining: 0 })).toBeUndefined()
  })
})

describe('every wait is bounded', () => {
  let sandbox: Sandbox
  let ws: string
  beforeAll(async () => {
    ws = await standardWorkspace({ previewBytes: 6 * 1024 * 1024 })
  })
  afterAll(() => rm(ws, { recursive: true, force: true }))
  afterEach(() => sandbox?.close())

  it('processing that never ends stops at processing-timeout with a clear message; a later run verifies without uploading again', async () => {
    let offset = 0
    sandbox = await startSandbox({ processingMs: 3_600_000, clock: () => Date.now() + offset })
    const started = Date.now()
    const run = await runOnce(sandbox, ws, { inputs: { 'processing-timeout': '2s', locales: 'en-US' } })
    expect(Date.now() - started).toBeLessThan(10_000)
    expect(run.error).toBeUndefined()
    expect(run.counts.failed).toBe(5)
    for (const e of run.entries.filter(x => x.errors?.length)) {
      expect(e.errors?.[0].description).toMatch(/^still processing when processing-timeout ran out \(state (UPLOAD_COMPLETE|PROCESSING)\); Apple will finish it: run again later to verify\.$/)
    }
    offset = 2 * 3_600_000 // Apple finished meanwhile.
    sandbox.resetLog()
    const later = await runOnce(sandbox, ws, { inputs: { locales: 'en-US' }, now: () => Date.now() + offset })
    expect(later.error).toBeUndefined()
    expect(later.counts).toMatchObject({ uploaded: 0, failed: 0, skipped: 5 })
    expect(writes(sandbox)).toBe(0)
  })

  it('an API that answers 5xx to everything: bounded retries, then a clear failure before any write', async () => {
    sandbox = await startSandbox({ faults: { api5xxRate: 1 }, randomSeed: 5 })
    const started = Date.now()
    const run = await runOnce(sandbox, ws)
    expect(Date.now() - started).toBeLessThan(40_000)
    expect(run.error?.message).toMatch(/^GET http:\/\/127\.0\.0\.1:\d+\/v1\/apps\?<redacted> still failed after 6 attempts \(HTTP 50[03]\); App Store Connect may be having trouble: run again later, the run converges\.$/)
    expect(sandbox.requests).toHaveLength(6)
    expect(writes(sandbox)).toBe(0)
  }, 60_000)

  it('an API that answers 429 to everything: bounded by Retry-After and the attempt limit, clear failure', async () => {
    sandbox = await startSandbox({ faults: { api429Rate: 1 } })
    const started = Date.now()
    const run = await runOnce(sandbox, ws)
    expect(Date.now() - started).toBeLessThan(20_000)
    expect(run.error?.message).toMatch(/still failed after 6 attempts \(HTTP 429\)/)
    expect(writes(sandbox)).toBe(0)
  }, 60_000)

  it('an upload host that resets every connection: bounded part retries, reservations cleaned up, the next run converges', async () => {
    sandbox = await startSandbox({ processingMs: 30, faults: { uploadResetRate: 1 } })
    const started = Date.now()
    const first = await runOnce(sandbox, ws, { inputs: { locales: 'de-DE' } })
    expect(Date.now() - started).toBeLessThan(60_000)
    expect(first.counts.failed).toBe(4)
    for (const e of first.entries.filter(x => x.errors?.length)) expect(e.errors?.[0].description).toMatch(/still failed after 6 attempts/)
    expect(sandbox.store.countAssets('AWAITING_UPLOAD')).toBe(0)
    sandbox.faults.uploadResetRate = 0
    const second = await runOnce(sandbox, ws, { inputs: { locales: 'de-DE' } })
    expect(second.error).toBeUndefined()
    expect(convergedState(sandbox).sets['de-DE APP_IPHONE_67']).toEqual(CONVERGED.sets['de-DE APP_IPHONE_67'])
  }, 90_000)

  it('a spent budget is waited out: after hour/limit one request goes through', async () => {
    const limiter = new RateLimiter({ maxWaitMs: 1000 })
    limiter.update('user-hour-lim:36000;user-hour-rem:0;') // one unit back every 100 ms
    const started = Date.now()
    await limiter.acquire()
    expect(Date.now() - started).toBeLessThan(500)
  })
})
