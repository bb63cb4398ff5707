/**
 * The core promise, end to end against the sandbox: fresh upload, idempotent re-run, minimal
 * change, processing failure, dry run.
 */
import { rm, unlink } from 'node:fs/promises'
import path from 'node:path'
import { startSandbox, type Sandbox } from '../../src/sandbox/index.js'
import { IPAD, IPHONE, runDelivery, setContents, tempWorkspace, writeMapping, writePng, writePreview, writes } from './harness.js'

const MAPPING = `screenshots:
  - files: "shots/{locale}/iphone/*.png"
    display-type: APP_IPHONE_67
  - files: "shots/{locale}/ipad/*.png"
    display-type: APP_IPAD_PRO_3GEN_129
previews:
  - files: "previews/{locale}/*.mp4"
    preview-type: IPHONE_67
    frame-time-code: "00:00:05:00"
`

describe('delivery end to end', () => {
  let sandbox: Sandbox
  let ws: string

  beforeEach(async () => {
    sandbox = await startSandbox({ processingMs: 40 })
    ws = await tempWorkspace()
    await writeMapping(ws, MAPPING)
    let seed = 1
    for (const locale of ['en-US', 'de-DE', 'ja']) {
      for (const n of [1, 2, 3, 10]) await writePng(ws, `shots/${locale}/iphone/${n}.png`, IPHONE[0], IPHONE[1], seed++)
      for (const n of [1, 2]) await writePng(ws, `shots/${locale}/ipad/${n}.png`, IPAD[0], IPAD[1], seed++)
    }
    // 12 MB: the sandbox splits it into three 5 MiB parts.
    await writePreview(ws, 'previews/en-US/intro.mp4', 12 * 1024 * 1024)
  })

  afterEach(async () => {
    await sandbox.close()
    await rm(ws, { recursive: true, force: true })
  })

  it('uploads several locales × display types plus a multi-part preview, in natural order, and verifies them', async () => {
    const run = await runDelivery(sandbox, ws)
    expect(run.error).toBeUndefined()
    expect(run.counts).toMatchObject({ uploaded: 19, skipped: 0, deleted: 0, failed: 0 })
    for (const locale of ['en-US', 'de-DE', 'ja']) {
      expect(setContents(sandbox, locale, 'APP_IPHONE_67')).toEqual(['1.png:COMPLETE', '2.png:COMPLETE', '3.png:COMPLETE', '10.png:COMPLETE'])
      expect(setContents(sandbox, locale, 'APP_IPAD_PRO_3GEN_129')).toEqual(['1.png:COMPLETE', '2.png:COMPLETE'])
    }
    expect(setContents(sandbox, 'en-US', 'IPHONE_67')).toEqual(['intro.mp4:COMPLETE'])
    const previewParts = sandbox.requests.filter(r => r.host === 'upload' && r.bodyBytes > 4 * 1024 * 1024)
    expect(previewParts.length).toBe(2)
    expect(sandbox.requests.filter(r => r.host === 'upload').length).toBe(18 + 3)
    // Upload URLs carry no token.
    expect(sandbox.requests.filter(r => r.host === 'upload' && r.authorization)).toEqual([])
    const report = run.entries.find(e => e.file === 'previews/en-US/intro.mp4')
    expect(report).toMatchObject({ kind: 'preview', locale: 'en-US', setType: 'IPHONE_67', action: 'upload', state: 'COMPLETE', bytes: 12 * 1024 * 1024 })
    expect(report?.assetId).toBeTruthy()
    expect(report?.checksum).toMatch(/^[0-9a-f]{32}$/)
  })

  it('a second run with no change makes no writes', async () => {
    await runDelivery(sandbox, ws)
    sandbox.resetLog()
    const again = await runDelivery(sandbox, ws)
    expect(again.error).toBeUndefined()
    expect(again.counts).toMatchObject({ uploaded: 0, skipped: 19, deleted: 0, failed: 0, reordered: 0 })
    expect(writes(sandbox)).toBe(0)
    // app + version + (screenshot sets per locale) + (preview sets for en-US)
    expect(sandbox.requests.length).toBe(2 + 3 + 1)
    // Kept files still show what is on the store (the summary's thumbnails).
    const kept = again.entries.find(e => e.file === 'shots/ja/iphone/1.png')
    expect(kept).toMatchObject({ action: 'keep', state: 'COMPLETE' })
    expect(kept?.templateUrl).toMatch(/\{w\}x\{h\}bb\.\{f\}$/)
  })

  it('one changed, one removed and one reordered file give one upload, one removal and one reorder', async () => {
    await runDelivery(sandbox, ws)
    // Changed: the last file, so the new version lands where the old one was and needs no reorder.
    await writePng(ws, 'shots/de-DE/iphone/10.png', IPHONE[0], IPHONE[1], 999)
    await unlink(path.join(ws, 'shots/de-DE/iphone/3.png')) // removed
    // Reordered: swap the contents of ja's 1.png and 2.png, so natural order now wants them swapped.
    const ja = (n: number) => path.join(ws, `shots/ja/iphone/${n}.png`)
    const { rename } = await import('node:fs/promises')
    await rename(ja(1), ja(99))
    await rename(ja(2), ja(1))
    await rename(ja(99), ja(2))
    sandbox.resetLog()
    const run = await runDelivery(sandbox, ws)
    expect(run.error).toBeUndefined()
    expect(run.counts).toMatchObject({ uploaded: 1, deleted: 1, reordered: 1, failed: 0 })
    const api = sandbox.requests.filter(r => r.host === 'api')
    expect(api.filter(r => r.method === 'POST').map(r => r.path)).toEqual(['/v1/appScreenshots'])
    // Two DELETE requests: the removed file, and the changed file's old version (part of its replace).
    expect(api.filter(r => r.method === 'DELETE')).toHaveLength(2)
    const reorders = api.filter(r => r.method === 'PATCH' && r.path.includes('/relationships/'))
    expect(reorders).toHaveLength(1)
    expect(setContents(sandbox, 'de-DE', 'APP_IPHONE_67')).toEqual(['1.png:COMPLETE', '2.png:COMPLETE', '10.png:COMPLETE'])
    const changed = run.entries.find(e => e.file === 'shots/de-DE/iphone/10.png')
    expect(changed?.action).toBe('replace')
    expect(run.entries.filter(e => e.action === 'delete').map(e => e.file)).toEqual(['3.png'])
  })

  it('reports a FAILED processing result with Apple\'s code, retries once, and leaves no FAILED asset behind', async () => {
    sandbox.faults.processingFailures = ['10.png']
    const run = await runDelivery(sandbox, ws, { locales: 'en-US' })
    expect(run.error).toBeUndefined()
    expect(run.counts.failed).toBe(1)
    const entry = run.entries.find(e => e.file === 'shots/en-US/iphone/10.png')
    expect(entry?.state).toBe('FAILED')
    expect(entry?.errors?.[0].description).toContain('IMAGE_TOOL_FAILURE')
    // Reserved twice (first try and the one retry), and both failed attempts were deleted.
    expect(sandbox.requests.filter(r => r.method === 'POST' && r.path === '/v1/appScreenshots').length).toBe(4 + 2 + 1)
    expect(setContents(sandbox, 'en-US', 'APP_IPHONE_67')).toEqual(['1.png:COMPLETE', '2.png:COMPLETE', '3.png:COMPLETE'])
    expect(run.logs.join('\n')).toMatch(/processing FAILED \(IMAGE_TOOL_FAILURE/)
  })

  it('dry-run prints the plan and writes nothing', async () => {
    const run = await runDelivery(sandbox, ws, { 'dry-run': 'true' })
    expect(run.error).toBeUndefined()
    expect(writes(sandbox)).toBe(0)
    expect(run.entries.filter(e => e.action === 'upload' && e.state === 'PLANNED')).toHaveLength(19)
    expect(run.logs.join('\n')).toContain('en-US APP_IPHONE_67: upload 4')
  })

  it('append uploads what is missing and deletes nothing; replace re-uploads everything', async () => {
    await runDelivery(sandbox, ws, { locales: 'en-US' })
    await unlink(path.join(ws, 'shots/en-US/iphone/3.png'))
    const appended = await runDelivery(sandbox, ws, { locales: 'en-US', mode: 'append' })
    expect(appended.counts).toMatchObject({ uploaded: 0, deleted: 0 })
    expect(setContents(sandbox, 'en-US', 'APP_IPHONE_67')).toHaveLength(4)
    const replaced = await runDelivery(sandbox, ws, { locales: 'en-US', mode: 'replace' })
    expect(replaced.error).toBeUndefined()
    expect(replaced.counts.uploaded).toBe(3 + 2 + 1)
    expect(setContents(sandbox, 'en-US', 'APP_IPHONE_67')).toEqual(['1.png:COMPLETE', '2.png:COMPLETE', '10.png:COMPLETE'])
  })

  it('does not upload again an asset that is COMPLETE while Apple has not published its checksum yet', async () => {
    sandbox.setOptions({ checksumDelayMs: 60_000 })
    await runDelivery(sandbox, ws, { locales: 'ja' })
    sandbox.resetLog()
    const again = await runDelivery(sandbox, ws, { locales: 'ja' })
    expect(again.error).toBeUndefined()
    expect(again.counts).toMatchObject({ uploaded: 0, skipped: 6, deleted: 0 })
    expect(writes(sandbox)).toBe(0)
  })
})
