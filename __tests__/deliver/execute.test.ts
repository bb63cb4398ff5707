/**
 * How the upload phase spends its slots. A set's reservations follow one another (so the set's order
 * is the local order), so a file waiting for its turn must not hold one of the few slots meanwhile:
 * with many files per set, the sets would then go one or two at a time.
 */
import { rm } from 'node:fs/promises'
import { startSandbox, type Sandbox } from '../../src/sandbox/index.js'
import { peakOverlap, type RequestRecord } from '../../src/sandbox/request-log.js'
import { IPAD, IPHONE, runDelivery, setContents, tempWorkspace, writeMapping, writePng } from '../e2e/harness.js'

const MAPPING = `screenshots:
  - files: "shots/{locale}/iphone/*.png"
    display-type: APP_IPHONE_67
  - files: "shots/{locale}/ipad/*.png"
    display-type: APP_IPAD_PRO_3GEN_129
`

const FILES_PER_SET = 6
const NAMES = Array.from({ length: FILES_PER_SET }, (_, i) => `${i + 1}.png`)


describe('upload phase scheduling', () => {
  let sandbox: Sandbox
  let ws: string

  beforeAll(async () => {
    ws = await tempWorkspace()
    await writeMapping(ws, MAPPING)
    let seed = 1
    for (const locale of ['en-US', 'de-DE']) {
      for (const name of NAMES) await writePng(ws, `shots/${locale}/iphone/${name}`, IPHONE[0], IPHONE[1], seed++)
      for (const name of NAMES) await writePng(ws, `shots/${locale}/ipad/${name}`, IPAD[0], IPAD[1], seed++)
    }
  })

  afterAll(async () => {
    await rm(ws, { recursive: true, force: true })
  })

  afterEach(async () => {
    await sandbox?.close()
  })

  it('reserves in every set side by side, up to `concurrency`, and keeps each set in local order', async () => {
    // Round trips long enough that requests started together visibly overlap.
    sandbox = await startSandbox({ processingMs: 20, apiLatencyMs: 60 })
    const run = await runDelivery(sandbox, ws, { concurrency: '4' })
    expect(run.error).toBeUndefined()
    expect(run.counts).toMatchObject({ uploaded: 24, failed: 0 })
    // Four sets, six files each, four API slots: a reservation is in flight in each set at once. When
    // waiting files held slots, the first set's six files and two of the next took all eight, and
    // at most two sets reserved at a time.
    const reservations = (r: RequestRecord) => r.method === 'POST' && r.path === '/v1/appScreenshots'
    expect(peakOverlap(sandbox.requests.filter(reservations))).toBe(4)
    for (const locale of ['en-US', 'de-DE']) {
      for (const type of ['APP_IPHONE_67', 'APP_IPAD_PRO_3GEN_129']) expect(setContents(sandbox, locale, type)).toEqual(NAMES.map(n => `${n}:COMPLETE`))
    }
    // Local order came from the reservations' order: no reorder was needed.
    expect(sandbox.requests.filter(r => r.method === 'PATCH' && r.path.includes('/relationships/'))).toEqual([])
  })
})
