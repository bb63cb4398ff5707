/**
 * The fault matrix, against the sandbox, seeded and repeatable. For every fault the run either ends
 * in exactly the local files or fails with a clear message, and in both cases the next run converges
 * (and a run after convergence writes nothing).
 */
import { rm } from 'node:fs/promises'
import { startSandbox, type Sandbox } from '../../src/sandbox/index.js'
import { CONVERGED, convergedState, onRequest, runOnce, standardWorkspace, writes, type Outcome, type RunOptions } from './helpers.js'

/** Seeds of the randomized matrix; each is one independent sandbox and workspace state. */
export const MATRIX_SEEDS = [11, 12, 13, 14, 15, 16, 17, 18, 19, 20]
const MATRIX = { api5xxRate: 0.1, api429Rate: 0.05, uploadResetRate: 0.1, lostResponseRate: 0.1 }

/** A failure a release engineer can act on: a sentence about App Store Connect, not a stack trace. */
function expectClearFailure(run: Outcome): void {
  const texts = [run.error?.message, ...run.entries.flatMap(e => e.errors?.map(x => x.description) ?? [])].filter((t): t is string => !!t)
  expect(texts.length).toBeGreaterThan(0)
  for (const t of texts) {
    expect(t).not.toMatch(/undefined|\[object |TypeError|ReferenceError|^\s*at /)
    expect(t).toMatch(/App Store Connect|run again|Run again|converges|HTTP \d{3}|expired/)
  }
}

/** Runs until success (at most `max` runs); every failed run must fail clearly. */
async function runUntilConverged(sandbox: Sandbox, ws: string, options: RunOptions = {}, max = 4): Promise<Outcome[]> {
  const runs: Outcome[] = []
  for (let i = 0; i < max; i++) {
    const run = await runOnce(sandbox, ws, options)
    runs.push(run)
    if (!run.error && !run.counts.failed) break
    expectClearFailure(run)
  }
  return runs
}

describe('fault matrix (seeded)', () => {
  let sandbox: Sandbox
  let ws: string
  beforeAll(async () => {
    ws = await standardWorkspace()
  })
  afterAll(() => rm(ws, { recursive: true, force: true }))
  afterEach(() => sandbox?.close())

  for (const seed of MATRIX_SEEDS) {
    it(`5xx 10%, 429 5%, resets mid-part 10%, lost answers 10% (seed ${seed}): succeeds exactly or fails clearly, and converges`, async () => {
      sandbox = await startSandbox({ processingMs: 30, randomSeed: seed, faults: MATRIX })
      const runs = await runUntilConverged(sandbox, ws)
      const last = runs.at(-1) as Outcome
      expect(last.error?.message).toBeUndefined()
      expect(last.counts.failed).toBe(0)
      expect(convergedState(sandbox)).toEqual(CONVERGED)
      expect(sandbox.requests.filter(r => r.status === 429 || r.status >= 500 || r.status === 0).length).toBeGreaterThan(0)
      // Converged means converged: one more run (faults still on) changes nothing.
      sandbox.faults = { ...sandbox.faults, api5xxRate: 0, api429Rate: 0, lostResponseRate: 0, uploadResetRate: 0 }
      sandbox.resetLog()
      const again = await runOnce(sandbox, ws)
      expect(again.error).toBeUndefined()
      expect(writes(sandbox)).toBe(0)
    })
  }

  it('every write answer lost (the write took effect, the client saw 500): no duplicates, exact state', async () => {
    sandbox = await startSandbox({ processingMs: 30, randomSeed: 3, faults: { lostResponseRate: 1, only: r => r.method !== 'GET' && r.method !== 'PUT' } })
    const runs = await runUntilConverged(sandbox, ws)
    expect(runs.at(-1)?.error).toBeUndefined()
    expect(convergedState(sandbox)).toEqual(CONVERGED)
  })

  it('reservations expire mid-run (upload host refuses the URL): deleted and reserved again', async () => {
    let offset = 0
    sandbox = await startSandbox({ processingMs: 30, uploadUrlTtlSeconds: 120, clock: () => Date.now() + offset })
    let reservations = 0
    onRequest(sandbox, r => {
      // After the second reservation, ten minutes pass on Apple's side: every URL issued so far is stale.
      if (r.method === 'POST' && r.path === '/v1/appScreenshots' && ++reservations === 2) offset = 10 * 60_000
    })
    const runs = await runUntilConverged(sandbox, ws)
    expect(runs.at(-1)?.error).toBeUndefined()
    expect(sandbox.requests.some(r => r.host === 'upload' && r.status === 403)).toBe(true)
    expect(convergedState(sandbox)).toEqual(CONVERGED)
  })

  it('reservations expire mid-run (client clock moves too): the client sees it before sending and reserves again', async () => {
    let offset = 0
    const now = () => Date.now() + offset
    sandbox = await startSandbox({ processingMs: 30, uploadUrlTtlSeconds: 120, clock: now })
    let reservations = 0
    onRequest(sandbox, r => {
      if (r.method === 'POST' && r.path === '/v1/appScreenshots' && ++reservations === 3) offset += 5 * 60_000
    })
    const runs = await runUntilConverged(sandbox, ws, { now })
    expect(runs.at(-1)?.error).toBeUndefined()
    expect(convergedState(sandbox)).toEqual(CONVERGED)
    expect(sandbox.requests.filter(r => r.method === 'DELETE').length).toBeGreaterThan(0)
  })

  it('processing fails for chosen files: reported with Apple\'s code, retried once, nothing FAILED left; the next run converges', async () => {
    sandbox = await startSandbox({ processingMs: 30, faults: { processingFailures: ['2.png'] } })
    const first = await runOnce(sandbox, ws)
    expect(first.error).toBeUndefined()
    expect(first.counts.failed).toBe(2)
    const failed = first.entries.filter(e => e.errors?.length)
    expect(failed.map(e => e.file).sort()).toEqual(['shots/de-DE/2.png', 'shots/en-US/2.png'])
    for (const e of failed) expect(e.errors?.[0].description).toMatch(/^App Store Connect could not process it: IMAGE_TOOL_FAILURE/)
    expect(sandbox.store.countAssets('FAILED')).toBe(0)
    expect(convergedState(sandbox).sets['en-US APP_IPHONE_67']).toEqual(['1.png:COMPLETE', '3.png:COMPLETE', '4.png:COMPLETE'])
    sandbox.faults.processingFailures = []
    const second = await runOnce(sandbox, ws)
    expect(second.error).toBeUndefined()
    expect(second.counts).toMatchObject({ uploaded: 2, failed: 0 })
    expect(convergedState(sandbox)).toEqual(CONVERGED)
  })

  it('a token expires during a long processing wait (Apple\'s clock 20 minutes on, ours 15): one 401, a new token, success', async () => {
    let client = 0
    let server = 0
    sandbox = await startSandbox({ processingMs: 30, clock: () => Date.now() + server })
    let commits = 0
    let jumped = false
    onRequest(sandbox, r => {
      if (r.method === 'PATCH' && /^\/v1\/app(Screenshots|Previews)\//.test(r.path)) commits++
      // The first listing after a commit is the processing wait: time passes there.
      if (!jumped && commits > 0 && r.method === 'GET' && /\/appStoreVersionLocalizations\//.test(r.path)) {
        jumped = true
        server = 20 * 60_000
        client = 15 * 60_000
      }
    })
    const run = await runOnce(sandbox, ws, { now: () => Date.now() + client })
    expect(run.error).toBeUndefined()
    expect(jumped).toBe(true)
    expect(sandbox.requests.filter(r => r.status === 401).length).toBeGreaterThanOrEqual(1)
    expect(convergedState(sandbox)).toEqual(CONVERGED)
  })

  it('a token lifetime Apple does not accept (the sandbox accepts only 10 minutes): clear 401 failure, no write; then converges', async () => {
    sandbox = await startSandbox({ processingMs: 30, tokenMaxLifetimeSeconds: 600 })
    const first = await runOnce(sandbox, ws)
    expect(first.error?.message).toBe(
      'App Store Connect rejected GET /v1/apps: 401 NOT_AUTHORIZED: Authentication credentials are missing or invalid. — The token lifetime (exp - iat = 1140s) exceeds 600 seconds.\n' +
        'Check key-id, issuer-id (omit it for an individual key) and private-key, and that the key has not been revoked.'
    )
    expect(writes(sandbox)).toBe(0)
    sandbox.setOptions({ tokenMaxLifetimeSeconds: 1200 })
    const second = await runOnce(sandbox, ws)
    expect(second.error).toBeUndefined()
    expect(convergedState(sandbox)).toEqual(CONVERGED)
  })
})
