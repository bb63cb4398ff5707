/**
 * Every asset kind, every surface, every platform in one run, against the sandbox: App Clip header
 * and advanced experience images, review attachments, routing coverage, custom product pages, PPO
 * treatments and Mac / TV / Vision / watch / iMessage screenshots. A second run writes nothing, a
 * changed file replaces only itself, and bad input fails before any write, naming the file.
 */
import { mkdir, rm, unlink, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { buildReport } from '../../src/report/report-file.js'
import { startSandbox, type Sandbox } from '../../src/sandbox/index.js'
import { IPHONE, runDelivery, tempWorkspace, writeMapping, writePng, writes } from './harness.js'

const EXPERIENCE = 'a1b2c3d4-c11p-4000-8000-0000000000ad'
const IOS_VERSION = 'a1b2c3d4-0120-4000-8000-000000000001'
const TV_VERSION = 'a1b2c3d4-0712-4000-8000-000000000001'
const IOS_REVIEW = 'a1b2c3d4-0120-4000-8000-0000000000r1'
const CLIP_EN = 'a1b2c3d4-c11p-4000-8000-0000000000e1'
const CLIP_DE = 'a1b2c3d4-c11p-4000-8000-0000000000d1'
const CPP_EN = 'a1b2c3d4-c990-4000-8000-0000000000e1'
const CPP_DE = 'a1b2c3d4-c990-4000-8000-0000000000d1'
const PPO_EN = 'a1b2c3d4-e990-4000-8000-0000000000e1'
const MAC_EN = 'a1b2c3d4-0c12-4000-8000-0000000000e1'
const TV_EN = 'a1b2c3d4-0712-4000-8000-0000000000e1'
const VISION_EN = 'a1b2c3d4-0a12-4000-8000-0000000000e1'
const IOS_EN = 'a1b2c3d4-0120-4000-8000-0000000000e1'

export const MAPPING = `screenshots:
  - files: "shots/{locale}/iphone/*.png"
    display-type: APP_IPHONE_67
  - files: "mac/{locale}/*.png"
    display-type: APP_DESKTOP
  - files: "tv/{locale}/*.png"
    display-type: APP_APPLE_TV
  - files: "vision/{locale}/*.png"
    display-type: APP_APPLE_VISION_PRO
  - files: "watch/{locale}/*.png"
    display-type: APP_WATCH_ULTRA
  - files: "imessage/{locale}/*.png"
    display-type: IMESSAGE_APP_IPHONE_67
app-clip-header-images:
  - files: "appclip/{locale}/header.png"
app-clip-advanced-experience-images:
  - experience: "${EXPERIENCE}"
    files: "appclip/advanced/card.png"
review-attachments:
  files: "review/*"
routing-app-coverage: "routing/coverage.geojson"
custom-product-pages:
  - name: "Summer campaign"
    screenshots:
      - files: "cpp/{locale}/*.png"
        display-type: APP_IPHONE_67
experiments:
  - name: "New icon test"
    treatment: "Treatment A"
    screenshots:
      - files: "ppo/{locale}/*.png"
        display-type: APP_IPHONE_67
`

export const COVERAGE = JSON.stringify({
  type: 'FeatureCollection',
  features: [{ type: 'Feature', properties: {}, geometry: { type: 'MultiPolygon', coordinates: [[[[-122.5, 37.7], [-122.3, 37.7], [-122.3, 37.8], [-122.5, 37.8], [-122.5, 37.7]]]] } }]
})

async function write(ws: string, rel: string, content: string | Buffer): Promise<void> {
  await mkdir(path.dirname(path.join(ws, rel)), { recursive: true })
  await writeFile(path.join(ws, rel), content)
}

/** Writes the files of MAPPING. */
export async function writeAll(ws: string): Promise<void> {
  let seed = 1
  for (const locale of ['en-US', 'de-DE']) {
    for (const n of [1, 2]) await writePng(ws, `shots/${locale}/iphone/${n}.png`, IPHONE[0], IPHONE[1], seed++)
    await writePng(ws, `appclip/${locale}/header.png`, 1800, 1200, seed++)
    await writePng(ws, `cpp/${locale}/1.png`, IPHONE[0], IPHONE[1], seed++)
  }
  await writePng(ws, 'mac/en-US/1.png', 1280, 800, seed++)
  await writePng(ws, 'tv/en-US/1.png', 1920, 1080, seed++)
  await writePng(ws, 'vision/en-US/1.png', 3840, 2160, seed++)
  await writePng(ws, 'watch/en-US/1.png', 410, 502, seed++)
  await writePng(ws, 'imessage/en-US/1.png', IPHONE[0], IPHONE[1], seed++)
  await writePng(ws, 'ppo/en-US/1.png', IPHONE[0], IPHONE[1], seed++)
  await writePng(ws, 'appclip/advanced/card.png', 1800, 1200, seed++)
  await write(ws, 'review/demo-account.pdf', '%PDF-1.4 demo account steps\n')
  await write(ws, 'review/walkthrough.txt', 'Tap the aurora to start.\n')
  await write(ws, 'routing/coverage.geojson', COVERAGE)
}

const names = (sandbox: Sandbox, locId: string, setType: string) => sandbox.store.findSet(locId, setType)?.items.map(i => `${i.fileName}:${i.state}`) ?? []

describe('every kind, surface and platform in one run', () => {
  let sandbox: Sandbox
  let ws: string

  beforeEach(async () => {
    sandbox = await startSandbox({ processingMs: 30 })
    ws = await tempWorkspace()
    await writeMapping(ws, MAPPING)
    await writeAll(ws)
  })

  afterEach(async () => {
    await sandbox.close()
    await rm(ws, { recursive: true, force: true })
  })

  it('delivers every kind and surface to every platform, then a second run makes no writes', async () => {
    const run = await runDelivery(sandbox, ws)
    expect(run.error).toBeUndefined()
    expect(run.counts).toMatchObject({ uploaded: 4 + 2 + 5 + 1 + 2 + 1 + 2 + 1, failed: 0, deleted: 0 })
    const s = sandbox.store
    // Platforms: each display type went to its platform's version.
    expect(names(sandbox, IOS_EN, 'APP_IPHONE_67')).toEqual(['1.png:COMPLETE', '2.png:COMPLETE'])
    expect(names(sandbox, MAC_EN, 'APP_DESKTOP')).toEqual(['1.png:COMPLETE'])
    expect(names(sandbox, TV_EN, 'APP_APPLE_TV')).toEqual(['1.png:COMPLETE'])
    expect(names(sandbox, VISION_EN, 'APP_APPLE_VISION_PRO')).toEqual(['1.png:COMPLETE'])
    expect(names(sandbox, IOS_EN, 'APP_WATCH_ULTRA')).toEqual(['1.png:COMPLETE'])
    expect(names(sandbox, IOS_EN, 'IMESSAGE_APP_IPHONE_67')).toEqual(['1.png:COMPLETE'])
    // Surfaces.
    expect(names(sandbox, CPP_EN, 'APP_IPHONE_67')).toEqual(['1.png:COMPLETE'])
    expect(names(sandbox, CPP_DE, 'APP_IPHONE_67')).toEqual(['1.png:COMPLETE'])
    expect(names(sandbox, PPO_EN, 'APP_IPHONE_67')).toEqual(['1.png:COMPLETE'])
    expect(s.childNames('app-clip-header-image', CLIP_EN)).toEqual(['header.png:COMPLETE'])
    expect(s.childNames('app-clip-header-image', CLIP_DE)).toEqual(['header.png:COMPLETE'])
    expect(s.childNames('review-attachment', IOS_REVIEW).sort()).toEqual(['demo-account.pdf:COMPLETE', 'walkthrough.txt:COMPLETE'])
    expect(s.childNames('routing-coverage', IOS_VERSION)).toEqual(['coverage.geojson:COMPLETE'])
    const image = s.assets.get(s.advancedExperiences.get(EXPERIENCE)!.headerImageId!)
    expect(image && `${image.fileName}:${s.deliveryState(image)}`).toBe('card.png:COMPLETE')
    // The advanced image was reserved without a parent, then attached through the experience.
    const reserve = sandbox.requests.filter(r => r.method === 'POST' && r.path === '/v1/appClipAdvancedExperienceImages')
    expect(reserve).toHaveLength(1)
    expect(sandbox.requests.filter(r => r.method === 'PATCH' && r.path === `/v1/appClipAdvancedExperiences/${EXPERIENCE}`)).toHaveLength(1)
    // No review detail field changed, and none was created (iOS 1.2.0 has one).
    expect(s.reviewDetails.get(IOS_REVIEW)).toMatchObject({ notes: 'Sign in with the demo account.', contactEmail: 'review@example.com' })
    expect(sandbox.requests.filter(r => r.path.startsWith('/v1/appStoreReviewDetails') && r.method !== 'GET')).toEqual([])
    // Report: every entry names its surface, platform and locale.
    const bySurface = (surface: string) => run.entries.filter(e => e.surface === surface).map(e => `${e.platform}|${e.locale}|${e.setType}|${e.target ?? ''}`)
    expect(bySurface('app-clip').sort()).toEqual(['IOS|de-DE|APP_CLIP_HEADER_IMAGE|', 'IOS|en-US|APP_CLIP_HEADER_IMAGE|', `IOS||APP_CLIP_ADVANCED_EXPERIENCE_IMAGE|${EXPERIENCE}`])
    expect(bySurface('custom-product-page').sort()).toEqual(['IOS|de-DE|APP_IPHONE_67|Summer campaign', 'IOS|en-US|APP_IPHONE_67|Summer campaign'])
    expect(bySurface('experiment')).toEqual(['IOS|en-US|APP_IPHONE_67|New icon test / Treatment A'])
    expect(bySurface('review')).toEqual(['IOS||REVIEW_ATTACHMENT|', 'IOS||REVIEW_ATTACHMENT|'])
    expect(bySurface('routing')).toEqual(['IOS||ROUTING_APP_COVERAGE|'])
    expect(run.entries.filter(e => e.platform === 'TV_OS').map(e => e.file)).toEqual(['tv/en-US/1.png'])
    expect(Object.keys(run.result!.versions!).sort()).toEqual(['IOS', 'MAC_OS', 'TV_OS', 'VISION_OS'])
    // The JSON report groups by platform, surface (with its page / experiment / experience) and locale.
    const report = buildReport(run.result, run.entries, run.counts)
    expect(report.groups?.map(g => [g.platform, g.surface, g.target ?? '', g.locale, g.uploaded].join('|'))).toEqual([
      'IOS|version||de-DE|2',
      'IOS|version||en-US|4',
      'IOS|custom-product-page|Summer campaign|de-DE|1',
      'IOS|custom-product-page|Summer campaign|en-US|1',
      'IOS|experiment|New icon test / Treatment A|en-US|1',
      'IOS|app-clip||de-DE|1',
      'IOS|app-clip||en-US|1',
      `IOS|app-clip|${EXPERIENCE}||1`,
      'IOS|review|||2',
      'IOS|routing|||1',
      'MAC_OS|version||en-US|1',
      'TV_OS|version||en-US|1',
      'VISION_OS|version||en-US|1'
    ])
    expect(Object.keys(report.versions ?? {}).sort()).toEqual(['IOS', 'MAC_OS', 'TV_OS', 'VISION_OS'])

    sandbox.resetLog()
    const again = await runDelivery(sandbox, ws)
    expect(again.error).toBeUndefined()
    expect(again.counts).toMatchObject({ uploaded: 0, deleted: 0, failed: 0, reordered: 0, skipped: run.counts.uploaded })
    expect(writes(sandbox)).toBe(0)
  })

  it('replaces only what changed: a header image, the advanced image, a review attachment and the routing file', async () => {
    await runDelivery(sandbox, ws)
    const oldImage = sandbox.store.advancedExperiences.get(EXPERIENCE)!.headerImageId
    await writePng(ws, 'appclip/de-DE/header.png', 1800, 1200, 777)
    await writePng(ws, 'appclip/advanced/card.png', 1800, 1200, 778)
    await unlink(path.join(ws, 'review/walkthrough.txt'))
    await write(ws, 'review/notes.txt', 'New notes for the reviewer.\n')
    const moved = JSON.parse(COVERAGE)
    moved.features[0].geometry.coordinates[0][0][2] = [-122.3, 37.9]
    await write(ws, 'routing/coverage.geojson', JSON.stringify(moved))
    sandbox.resetLog()
    const run = await runDelivery(sandbox, ws)
    expect(run.error).toBeUndefined()
    expect(run.counts).toMatchObject({ uploaded: 4, failed: 0 })
    const s = sandbox.store
    const api = sandbox.requests.filter(r => r.host === 'api' && r.method !== 'GET').map(r => `${r.method} ${r.path.replace(/\/[0-9a-f-]{36}$/, '/{id}').replace(/\/a1b2c3d4-[^/]+$/, '/{id}')}`)
    expect(api.sort()).toEqual(
      [
        'DELETE /v1/appClipHeaderImages/{id}',
        'POST /v1/appClipHeaderImages',
        'PATCH /v1/appClipHeaderImages/{id}',
        'POST /v1/appClipAdvancedExperienceImages',
        'PATCH /v1/appClipAdvancedExperienceImages/{id}',
        'PATCH /v1/appClipAdvancedExperiences/{id}',
        'POST /v1/appStoreReviewAttachments',
        'PATCH /v1/appStoreReviewAttachments/{id}',
        'DELETE /v1/appStoreReviewAttachments/{id}',
        'DELETE /v1/routingAppCoverages/{id}',
        'POST /v1/routingAppCoverages',
        'PATCH /v1/routingAppCoverages/{id}'
      ].sort()
    )
    // To-one parents: the old file was deleted before the new one was reserved.
    const order = sandbox.requests.filter(r => r.path.startsWith('/v1/routingAppCoverages') && r.method !== 'GET').map(r => r.method)
    expect(order.slice(0, 2)).toEqual(['DELETE', 'POST'])
    expect(s.childNames('app-clip-header-image', CLIP_DE)).toEqual(['header.png:COMPLETE'])
    expect(s.childNames('review-attachment', IOS_REVIEW).sort()).toEqual(['demo-account.pdf:COMPLETE', 'notes.txt:COMPLETE'])
    expect(s.childNames('routing-coverage', IOS_VERSION)).toEqual(['coverage.geojson:COMPLETE'])
    const newImage = s.advancedExperiences.get(EXPERIENCE)!.headerImageId
    expect(newImage).not.toBe(oldImage)
    // No DELETE exists for advanced experience images: the old one stays, orphaned, by Apple's design.
    expect(s.assets.has(oldImage!)).toBe(true)
    expect(run.entries.find(e => e.file === 'routing/coverage.geojson')).toMatchObject({ action: 'replace', state: 'COMPLETE', surface: 'routing' })
  })

  it('creates the review detail (with no attributes) only when a version without one gets attachments', async () => {
    await writeMapping(ws, 'review-attachments:\n  files: "review/*"\n  platform: TV_OS\n')
    const run = await runDelivery(sandbox, ws)
    expect(run.error).toBeUndefined()
    const created = sandbox.requests.filter(r => r.method === 'POST' && r.path === '/v1/appStoreReviewDetails')
    expect(created).toHaveLength(1)
    const detail = [...sandbox.store.reviewDetails.values()].find(d => d.versionId === TV_VERSION)!
    expect(detail).toMatchObject({ notes: null, contactEmail: null })
    expect(sandbox.store.childNames('review-attachment', detail.id)).toHaveLength(2)
    expect(run.result?.version?.platform).toBe('IOS')
    expect(run.result?.versions?.TV_OS?.id).toBe(TV_VERSION)
    sandbox.resetLog()
    const again = await runDelivery(sandbox, ws)
    expect(again.counts).toMatchObject({ uploaded: 0, skipped: 2 })
    expect(writes(sandbox)).toBe(0)
  })

  it('sync deletes review attachments with no local file; append keeps them', async () => {
    await writeMapping(ws, 'review-attachments:\n  files: "review/*.pdf"\n')
    sandbox.store.reviewDetails.get(IOS_REVIEW)
    await runDelivery(sandbox, ws)
    await writeMapping(ws, 'review-attachments:\n  files: "review/*.txt"\n')
    const appended = await runDelivery(sandbox, ws, { mode: 'append' })
    expect(appended.counts).toMatchObject({ uploaded: 1, deleted: 0 })
    expect(sandbox.store.childNames('review-attachment', IOS_REVIEW)).toHaveLength(2)
    const synced = await runDelivery(sandbox, ws)
    expect(synced.counts).toMatchObject({ uploaded: 0, deleted: 1, skipped: 1 })
    expect(sandbox.store.childNames('review-attachment', IOS_REVIEW)).toEqual(['walkthrough.txt:COMPLETE'])
    // Attachments have no order: nothing is ever reordered.
    expect(sandbox.requests.filter(r => r.path.includes('/relationships/'))).toEqual([])
  })

  describe('fails cleanly with zero writes', () => {
    const failsWith = async (pattern: RegExp, file?: string) => {
      const run = await runDelivery(sandbox, ws)
      expect(run.error?.message).toMatch(pattern)
      if (file) expect(run.error?.message).toContain(file)
      expect(writes(sandbox)).toBe(0)
      return run
    }

    it('on a wrong-size header image', async () => {
      await writePng(ws, 'appclip/de-DE/header.png', 1200, 800, 5)
      await failsWith(/is 1200×800; App Clip header images must be exactly 1800×1200/, 'appclip/de-DE/header.png')
      // Local checks fail before any write (the app and versions are read while the files are checked).
      expect(sandbox.requests.every(r => r.method === 'GET')).toBe(true)
    })

    it('on an invalid GeoJSON file', async () => {
      await write(ws, 'routing/coverage.geojson', '{"type": "FeatureCollection", "features": [{"type": "Feature", "geometry": {"type": "Point", "coordinates": [1, 2]}}]}')
      await failsWith(/features\[0\]\.geometry is a Point; routing app coverage takes only Polygon or MultiPolygon/, 'routing/coverage.geojson')
      await write(ws, 'routing/coverage.geojson', '{"type": "FeatureCollection", ')
      await failsWith(/is not valid JSON/, 'routing/coverage.geojson')
      expect(sandbox.requests.every(r => r.method === 'GET')).toBe(true)
    })

    it('on an unknown custom product page', async () => {
      await writeMapping(ws, MAPPING.replace('Summer campaign', 'Winter campaign'))
      await failsWith(/custom product page "Winter campaign" was not found \(the app has "Summer campaign"\)/, 'app-store-assets.yml')
    })

    it('on an unknown experiment or treatment', async () => {
      await writeMapping(ws, MAPPING.replace('New icon test', 'Old icon test'))
      await failsWith(/experiment "Old icon test" was not found \(the app has "New icon test"\)/, 'app-store-assets.yml')
      await writeMapping(ws, MAPPING.replace('Treatment A', 'Treatment B'))
      await failsWith(/experiment "New icon test" has no treatment "Treatment B" \(it has "Treatment A"\)/, 'app-store-assets.yml')
    })

    it('on an unknown advanced App Clip experience', async () => {
      await writeMapping(ws, MAPPING.replace(EXPERIENCE, 'no-such-experience'))
      await failsWith(/advanced App Clip experience "no-such-experience" was not found/, 'app-store-assets.yml')
    })

    it('on a display type on the wrong platform', async () => {
      await writeMapping(ws, MAPPING.replace('    display-type: APP_DESKTOP\n', '    display-type: APP_DESKTOP\n    platform: IOS\n'))
      const run = await failsWith(/APP_DESKTOP is a MAC_OS display type, not IOS/, 'app-store-assets.yml')
      expect(run.error?.message).toMatch(/line \d+|:\d+/)
      expect(writes(sandbox)).toBe(0)
    })

    it('on an experiment whose platform differs from the display type', async () => {
      await writeMapping(ws, MAPPING.replace('      - files: "ppo/{locale}/*.png"\n        display-type: APP_IPHONE_67', '      - files: "mac/{locale}/*.png"\n        display-type: APP_DESKTOP'))
      await failsWith(/APP_DESKTOP is a MAC_OS display type, but experiment "New icon test" is for IOS/)
    })
  })
})
