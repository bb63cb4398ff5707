/**
 * media-api: library end to end against the sandbox — the "Done when" list: one upload
 * placed in ten localizations, a re-run with no writes, a reorder as one ordering request per
 * affected group, a removed file removing its placements and then its asset, and a file that fails
 * the reference data's specs stopping the run before any write.
 */
import { rename, rm, unlink } from 'node:fs/promises'
import path from 'node:path'
import { startSandbox, defaultSeed, type Sandbox } from '../../src/sandbox/index.js'
import { libraryOf } from '../../src/sandbox/library/index.js'
import { IPHONE, runDelivery, tempWorkspace, writeMapping, writePng, writePreview, writes } from '../e2e/harness.js'

const GROUP = 'IPHONE_DYNAMIC_ISLAND_LARGE_PROFILE'
const LOCALES = ['en-US', 'de-DE', 'ja', 'fr-FR', 'es-ES', 'it', 'pt-BR', 'ko', 'zh-Hans', 'nl-NL']
const MAPPING = `screenshots:
  - files: "shots/{locale}/*.png"
    display-type: APP_IPHONE_67
`

function tenLocaleSeed() {
  const seed = defaultSeed()
  const v = seed.apps[0]!.appStoreVersions[0]!
  v.localizations = LOCALES.map((locale, i) => ({ id: `a1b2c3d4-0120-4000-8000-${String(i).padStart(12, '0')}`, locale }))
  return seed
}

const locId = (i: number) => `a1b2c3d4-0120-4000-8000-${String(i).padStart(12, '0')}`
const library = { 'media-api': 'library' }

describe('media-api: library end to end', () => {
  let sandbox: Sandbox
  let ws: string

  beforeEach(async () => {
    sandbox = await startSandbox({ processingMs: 30, seed: tenLocaleSeed() })
    ws = await tempWorkspace()
    await writeMapping(ws, MAPPING)
  })

  afterEach(async () => {
    await sandbox.close()
    await rm(ws, { recursive: true, force: true })
  })

  it('uploads a screenshot shared by ten localizations once and places it ten times; a re-run makes no writes', async () => {
    for (const locale of LOCALES) await writePng(ws, `shots/${locale}/1.png`, IPHONE[0], IPHONE[1], 7)
    const run = await runDelivery(sandbox, ws, library)
    expect(run.error).toBeUndefined()
    const lib = libraryOf(sandbox.store)
    expect(lib.list()).toHaveLength(1)
    expect(lib.list()[0]).toMatchObject({ state: 'PREPARE_FOR_SUBMISSION', placements: 10 })
    expect(lib.list()[0]!.referenceName).toMatch(/^sha256:[0-9a-f]{64}$/)
    expect(sandbox.requests.filter(r => r.method === 'POST' && r.path === '/v1/appAssetLibraryImages')).toHaveLength(1)
    expect(sandbox.requests.filter(r => r.host === 'upload')).toHaveLength(1)
    expect(sandbox.requests.filter(r => r.method === 'POST' && r.path === '/v1/appAssetLibraryPlacements')).toHaveLength(10)
    // One placement per group: nothing to order.
    expect(sandbox.requests.filter(r => r.path === '/v1/appAssetLibraryPlacementOrderingRequests')).toHaveLength(0)
    for (let i = 0; i < 10; i++) expect(lib.fileNames(locId(i), GROUP)).toEqual(['1.png'])
    expect(run.counts).toMatchObject({ uploaded: 1, failed: 0 })
    // No set-based resources were touched.
    expect(sandbox.store.countSets()).toBe(0)

    sandbox.resetLog()
    const again = await runDelivery(sandbox, ws, library)
    expect(again.error).toBeUndefined()
    expect(writes(sandbox)).toBe(0)
    expect(lib.list()).toHaveLength(1)
  })

  it('a reorder is one ordering request per affected group; a removed file removes its placements, then its asset', async () => {
    for (const locale of ['en-US', 'de-DE']) for (const n of [1, 2, 3]) await writePng(ws, `shots/${locale}/${n}.png`, IPHONE[0], IPHONE[1], n + (locale === 'en-US' ? 0 : 10))
    for (const locale of LOCALES.slice(2)) await writePng(ws, `shots/${locale}/1.png`, IPHONE[0], IPHONE[1], 1)
    const first = await runDelivery(sandbox, ws, library)
    expect(first.error).toBeUndefined()
    const lib = libraryOf(sandbox.store)
    expect(lib.list()).toHaveLength(6)
    expect(lib.fileNames(locId(0), GROUP)).toEqual(['1.png', '2.png', '3.png'])
    const before = lib.group(locId(0), GROUP).map(p => p.assetId)

    // Swap 1 and 3 in en-US only.
    const dir = path.join(ws, 'shots/en-US')
    await rename(path.join(dir, '1.png'), path.join(dir, 'x.png'))
    await rename(path.join(dir, '3.png'), path.join(dir, '1.png'))
    await rename(path.join(dir, 'x.png'), path.join(dir, '3.png'))
    sandbox.resetLog()
    const reordered = await runDelivery(sandbox, ws, library)
    expect(reordered.error).toBeUndefined()
    expect(sandbox.requests.filter(r => r.method !== 'GET').map(r => `${r.method} ${r.path}`)).toEqual(['POST /v1/appAssetLibraryPlacementOrderingRequests'])
    expect(lib.group(locId(0), GROUP).map(p => p.assetId)).toEqual([before[2], before[1], before[0]])

    // Remove en-US 2.png (its content is used nowhere else).
    await unlink(path.join(dir, '2.png'))
    const gone = before[1]!
    sandbox.resetLog()
    const removed = await runDelivery(sandbox, ws, library)
    expect(removed.error).toBeUndefined()
    const w = sandbox.requests.filter(r => r.method !== 'GET').map(r => `${r.method} ${r.path.replace(/[0-9a-f-]{36}/, '{id}')}`)
    expect(w).toEqual(['DELETE /v1/appAssetLibraryPlacements/{id}', 'DELETE /v1/appAssetLibraryImages/{id}'])
    expect(lib.list().map(a => a.id)).not.toContain(gone)
    expect(lib.list()).toHaveLength(5)
    expect(lib.group(locId(0), GROUP)).toHaveLength(2)
  })

  it('delivers a multi-part preview through the library (video spec matched from the real movie)', async () => {
    await writeMapping(ws, `${MAPPING}previews:\n  - files: "previews/{locale}/*.mp4"\n    preview-type: IPHONE_67\n    frame-time-code: "00:00:05:00"\n`)
    await writePng(ws, 'shots/en-US/1.png', IPHONE[0], IPHONE[1], 1)
    await writePreview(ws, 'previews/en-US/intro.mp4', 12 * 1024 * 1024)
    const run = await runDelivery(sandbox, ws, library)
    expect(run.error).toBeUndefined()
    const videos = libraryOf(sandbox.store).list().filter(a => a.mediaType === 'VIDEO')
    expect(videos).toEqual([expect.objectContaining({ fileName: 'intro.mp4', state: 'PREPARE_FOR_SUBMISSION', placements: 1 })])
    expect(sandbox.requests.filter(r => r.host === 'upload')).toHaveLength(1 + 3)
    expect(libraryOf(sandbox.store).fileNames(locId(0), GROUP)).toEqual(['1.png'])
    expect(libraryOf(sandbox.store).fileNames(locId(0), GROUP, 'APP_PREVIEW')).toEqual(['intro.mp4'])
  })

  it('maps a placement-group with no display type (iPhone Duo): uploads and places the files; the reference data checks their sizes', async () => {
    await writeMapping(
      ws,
      `${MAPPING}  - files: "duo/{locale}/*.png"\n    placement-group: IPHONE_DUO_PROFILE\npreviews:\n  - files: "duo-previews/{locale}/*.mp4"\n    placement-group: IPHONE_DUO_PROFILE\n`
    )
    await writePng(ws, 'shots/en-US/1.png', IPHONE[0], IPHONE[1], 1)
    // 1398×2034 is in no display type of specs.ts: only the reference data knows it.
    await writePng(ws, 'duo/en-US/1.png', 1398, 2034, 2)
    await writePng(ws, 'duo/en-US/2.png', 2034, 1398, 3)
    await writePreview(ws, 'duo-previews/en-US/intro.mp4')
    const run = await runDelivery(sandbox, ws, library)
    expect(run.error).toBeUndefined()
    const lib = libraryOf(sandbox.store)
    expect(lib.fileNames(locId(0), 'IPHONE_DUO_PROFILE')).toEqual(['1.png', '2.png'])
    expect(lib.fileNames(locId(0), 'IPHONE_DUO_PROFILE', 'APP_PREVIEW')).toEqual(['intro.mp4'])
    expect(lib.fileNames(locId(0), GROUP)).toEqual(['1.png'])
    expect(lib.list()).toHaveLength(4)
    expect(lib.list().every(a => a.state === 'PREPARE_FOR_SUBMISSION' && a.placements === 1)).toBe(true)
    expect(run.entries.filter(e => e.setType === 'IPHONE_DUO_PROFILE').map(e => [e.file, e.action, e.platform])).toEqual([
      ['duo/en-US/1.png', 'upload', 'IOS'],
      ['duo/en-US/2.png', 'upload', 'IOS'],
      ['duo-previews/en-US/intro.mp4', 'upload', 'IOS']
    ])
    expect(sandbox.store.countSets()).toBe(0)

    // A size the group does not take stops the run before any write, named by the reference data.
    await writePng(ws, 'duo/en-US/2.png', IPHONE[0], IPHONE[1], 4)
    sandbox.resetLog()
    const bad = await runDelivery(sandbox, ws, library)
    expect(bad.error?.name).toBe('ValidationError')
    const problems = (bad.error as unknown as { problems: { file: string; message: string }[] }).problems
    expect(problems.map(p => [p.file, p.message])).toEqual([['duo/en-US/2.png', expect.stringMatching(/1320×2868; the group accepts 1398×2034, 2034×1398, .*\(APP_SCREENSHOT IPHONE_DUO_PROFILE, en-US\)/)]])
    expect(writes(sandbox)).toBe(0)
  })

  it('media-api sets refuses a placement-group-only entry at its line, before any write', async () => {
    await writeMapping(ws, `${MAPPING}  - files: "duo/{locale}/*.png"\n    placement-group: IPHONE_DUO_PROFILE\n`)
    await writePng(ws, 'shots/en-US/1.png', IPHONE[0], IPHONE[1], 1)
    await writePng(ws, 'duo/en-US/1.png', 1398, 2034, 2)
    const run = await runDelivery(sandbox, ws, { 'media-api': 'sets' })
    expect(run.error?.name).toBe('ValidationError')
    const problems = (run.error as unknown as { problems: { file: string; line?: number; message: string }[] }).problems
    expect(problems).toEqual([
      expect.objectContaining({ file: 'app-store-assets.yml', line: 4, message: 'screenshots[1] (line 4): placement-group needs media-api: library; with sets, give display-type' })
    ])
    expect(writes(sandbox)).toBe(0)

    // In library mode a custom product page's group-only entry passes the mapping check (the library
    // places it); an unknown page name is then reported at its line, before any write.
    await writeMapping(ws, `${MAPPING}custom-product-pages:\n  - name: Summer\n    screenshots:\n      - files: "duo/{locale}/*.png"\n        placement-group: IPHONE_DUO_PROFILE\n`)
    const cpp = await runDelivery(sandbox, ws, library)
    const cppProblems = (cpp.error as unknown as { problems: { line?: number; message: string }[] }).problems
    expect(cppProblems.map(p => [p.line, p.message])).toEqual([[7, expect.stringMatching(/^custom product page "Summer" was not found \(the app has "Summer campaign"\)/)]])
    expect(writes(sandbox)).toBe(0)
  })

  it("stops before any write when a file fails the reference data's specs, reporting every problem", async () => {
    // The reference data no longer accepts 1320×2868 for the 6.9" group (specs.ts still does).
    const ref = libraryOf(sandbox.store).refData
    const spec = ref.imageSpecs.find(s => s.shortName === 'i1320x2868a0')!
    for (const m of ref.placementTypes.find(t => t.placementTypeId === 'APP_SCREENSHOT')!.specMappings) m.specs = m.specs.filter(id => id !== spec.specId)
    await writePng(ws, 'shots/en-US/1.png', IPHONE[0], IPHONE[1], 1)
    await writePng(ws, 'shots/de-DE/1.png', IPHONE[0], IPHONE[1], 2)
    await writePng(ws, 'shots/ja/1.png', 1290, 2796, 3)
    const run = await runDelivery(sandbox, ws, library)
    expect(run.error?.name).toBe('ValidationError')
    const problems = (run.error as unknown as { problems: { file: string; message: string }[] }).problems
    expect(problems.map(p => p.file).sort()).toEqual(['shots/de-DE/1.png', 'shots/en-US/1.png'])
    expect(problems[0]!.message).toMatch(/1320×2868; the group accepts .*1290×2796/)
    expect(writes(sandbox)).toBe(0)
  })
})
