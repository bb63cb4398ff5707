/**
 * media-api: library for custom product pages and experiment treatments: one screenshot used by the
 * version (en-US), by "Summer campaign" (en-US, de-DE) and by "New icon test" / "Treatment A" (en-US)
 * is uploaded once and placed four times; a re-run makes no writes; a non-editable parent stops the
 * run before any write; the sandbox refuses placements on a non-editable CPP version or experiment
 * with 409 STATE_ERROR.INVALID_STATE and the feature in `meta`.
 */
import { rm } from 'node:fs/promises'
import { startSandbox, type Sandbox } from '../../src/sandbox/index.js'
import { libraryOf } from '../../src/sandbox/library/index.js'
import { IPHONE, runDelivery, tempWorkspace, writeMapping, writePng, writes } from '../e2e/harness.js'
import { Client } from '../sandbox/client.js'

const GROUP = 'IPHONE_DYNAMIC_ISLAND_LARGE_PROFILE'
const IOS_EN = 'a1b2c3d4-0120-4000-8000-0000000000e1'
const CPP_VERSION = 'a1b2c3d4-c990-4000-8000-0000000000v1'
const CPP_EN = 'a1b2c3d4-c990-4000-8000-0000000000e1'
const CPP_DE = 'a1b2c3d4-c990-4000-8000-0000000000d1'
const EXPERIMENT = 'a1b2c3d4-e990-4000-8000-000000000001'
const PPO_EN = 'a1b2c3d4-e990-4000-8000-0000000000e1'
const library = { 'media-api': 'library' }

const MAPPING = `screenshots:
  - files: "shots/{locale}/*.png"
    display-type: APP_IPHONE_67
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

const posts = (sb: Sandbox, path: string) => sb.requests.filter(r => r.method === 'POST' && r.path === path)

describe('media-api: library on custom product pages and experiment treatments', () => {
  let sandbox: Sandbox
  let ws: string

  beforeEach(async () => {
    sandbox = await startSandbox({ processingMs: 30 })
    ws = await tempWorkspace()
    await writeMapping(ws, MAPPING)
    // The same bytes everywhere: one library asset.
    for (const rel of ['shots/en-US/1.png', 'cpp/en-US/1.png', 'cpp/de-DE/1.png', 'ppo/en-US/1.png']) await writePng(ws, rel, IPHONE[0], IPHONE[1], 7)
  })

  afterEach(async () => {
    await sandbox.close()
    await rm(ws, { recursive: true, force: true })
  })

  it('uploads a file shared by the version, a custom product page and a treatment once and places it four times; a re-run makes no writes', async () => {
    const run = await runDelivery(sandbox, ws, library)
    expect(run.error).toBeUndefined()
    const lib = libraryOf(sandbox.store)
    expect(lib.list()).toHaveLength(1)
    expect(lib.list()[0]).toMatchObject({ state: 'PREPARE_FOR_SUBMISSION', placements: 4 })
    expect(posts(sandbox, '/v1/appAssetLibraryImages')).toHaveLength(1)
    expect(sandbox.requests.filter(r => r.host === 'upload')).toHaveLength(1)
    expect(posts(sandbox, '/v1/appAssetLibraryPlacements')).toHaveLength(4)
    for (const loc of [IOS_EN, CPP_EN, CPP_DE, PPO_EN]) expect(lib.fileNames(loc, GROUP)).toEqual(['1.png'])
    expect([...lib.placements.values()].map(p => p.parentRelationship).sort()).toEqual([
      'appCustomProductPageLocalization',
      'appCustomProductPageLocalization',
      'appStoreVersionExperimentTreatmentLocalization',
      'appStoreVersionLocalization'
    ])
    // Nothing went through the deprecated set-based resources.
    expect(sandbox.store.countSets()).toBe(0)
    expect(sandbox.requests.filter(r => /appScreenshot|appPreview/.test(r.path))).toHaveLength(0)
    // The placement lists of the CPP and treatment localizations were read (one request each).
    expect(sandbox.requests.filter(r => r.method === 'GET' && r.path === `/v1/appCustomProductPageLocalizations/${CPP_EN}/placements`)).toHaveLength(1)
    expect(sandbox.requests.filter(r => r.method === 'GET' && r.path === `/v1/appStoreVersionExperimentTreatmentLocalizations/${PPO_EN}/placements`)).toHaveLength(1)
    expect(run.counts).toMatchObject({ uploaded: 1, failed: 0 })
    expect(run.entries.map(e => [e.surface, e.target ?? null, e.locale, e.action]).sort()).toEqual(
      [
        ['version', null, 'en-US', 'upload'],
        ['custom-product-page', 'Summer campaign', 'en-US', 'keep'],
        ['custom-product-page', 'Summer campaign', 'de-DE', 'keep'],
        ['experiment', 'New icon test / Treatment A', 'en-US', 'keep']
      ].sort()
    )

    sandbox.resetLog()
    const again = await runDelivery(sandbox, ws, library)
    expect(again.error).toBeUndefined()
    expect(writes(sandbox)).toBe(0)
    expect(lib.list()).toHaveLength(1)
  })

  it('orders a custom product page group with one ordering request on its localization', async () => {
    await writePng(ws, 'cpp/en-US/2.png', IPHONE[0], IPHONE[1], 8)
    const run = await runDelivery(sandbox, ws, library)
    expect(run.error).toBeUndefined()
    expect(libraryOf(sandbox.store).fileNames(CPP_EN, GROUP)).toEqual(['1.png', '2.png'])
    const orders = posts(sandbox, '/v1/appAssetLibraryPlacementOrderingRequests')
    expect(orders).toHaveLength(1)
    expect(posts(sandbox, '/v1/appAssetLibraryImages')).toHaveLength(2)
  })

  it('a custom product page with no editable version stops the run before any write', async () => {
    sandbox.store.pageVersions.get(CPP_VERSION)!.state = 'READY_FOR_REVIEW'
    const run = await runDelivery(sandbox, ws, library)
    expect(run.error?.name).toBe('ValidationError')
    expect(run.error?.message).toMatch(/custom product page "Summer campaign" has no editable version/)
    expect(writes(sandbox)).toBe(0)
    expect(libraryOf(sandbox.store).list()).toHaveLength(0)
  })

  it('an experiment that is not editable stops the run before any write', async () => {
    sandbox.store.experiments.get(EXPERIMENT)!.state = 'IN_REVIEW'
    const run = await runDelivery(sandbox, ws, library)
    expect(run.error?.name).toBe('ValidationError')
    expect(run.error?.message).toMatch(/experiment "New icon test" is IN_REVIEW/)
    expect(writes(sandbox)).toBe(0)
  })

  it('the sandbox refuses placements, deletions and ordering on a non-editable CPP version or experiment (409 INVALID_STATE with the feature)', async () => {
    expect((await runDelivery(sandbox, ws, library)).error).toBeUndefined()
    const lib = libraryOf(sandbox.store)
    const assetId = lib.list()[0]!.id
    const c = new Client(sandbox)
    const place = (rel: string, type: string, id: string) =>
      c.call('POST', '/v1/appAssetLibraryPlacements', {
        data: {
          type: 'appAssetLibraryPlacements',
          attributes: { placementType: 'APP_SCREENSHOT', placementGroup: GROUP },
          relationships: { image: { data: { type: 'appAssetLibraryImages', id: assetId } }, [rel]: { data: { type, id } } }
        }
      })

    sandbox.store.pageVersions.get(CPP_VERSION)!.state = 'READY_FOR_REVIEW'
    sandbox.store.experiments.get(EXPERIMENT)!.state = 'IN_REVIEW'
    const cpp = await place('appCustomProductPageLocalization', 'appCustomProductPageLocalizations', CPP_EN)
    expect(cpp.status).toBe(409)
    expect(cpp.body.errors[0]).toMatchObject({ code: 'STATE_ERROR.INVALID_STATE', meta: { state: 'READY_FOR_REVIEW', feature: 'ASC_FEATURE_CUSTOM_PRODUCT_PAGES' } })
    const ppo = await place('appStoreVersionExperimentTreatmentLocalization', 'appStoreVersionExperimentTreatmentLocalizations', PPO_EN)
    expect(ppo.status).toBe(409)
    expect(ppo.body.errors[0]).toMatchObject({ code: 'STATE_ERROR.INVALID_STATE', meta: { state: 'IN_REVIEW', feature: 'ASC_FEATURE_PRODUCT_PAGE_OPTIMIZATIONS' } })
    const placed = lib.group(CPP_EN, GROUP)[0]!
    const del = await c.call('DELETE', `/v1/appAssetLibraryPlacements/${placed.id}`)
    expect(del.status).toBe(409)
    const order = await c.call('POST', '/v1/appAssetLibraryPlacementOrderingRequests', {
      data: {
        type: 'appAssetLibraryPlacementOrderingRequests',
        attributes: { placementGroup: GROUP },
        relationships: { orderedPlacements: { data: [{ type: 'appAssetLibraryPlacements', id: placed.id }] }, appCustomProductPageLocalization: { data: { type: 'appCustomProductPageLocalizations', id: CPP_EN } } }
      }
    })
    expect(order.status).toBe(409)
    expect(order.body.errors[0].code).toBe('STATE_ERROR.INVALID_STATE')

    // The placement lists of both localization types answer (with the parent relationship); placement state follows the parent.
    const list = await c.get(`/v1/appCustomProductPageLocalizations/${CPP_EN}/placements?sort=placementGroupPosition&include=image`)
    expect(list.status).toBe(200)
    expect(list.body.data).toHaveLength(1)
    expect(list.body.data[0]).toMatchObject({ attributes: { placementGroup: GROUP, state: 'PARENT_READY_FOR_REVIEW' }, relationships: { appCustomProductPageLocalization: { links: expect.anything() } } })
    const treatment = await c.get(`/v1/appStoreVersionExperimentTreatmentLocalizations/${PPO_EN}/placements`)
    expect(treatment.body.data.map((p: { id: string }) => p.id)).toEqual(lib.group(PPO_EN, GROUP).map(p => p.id))
    expect((await c.get('/v1/appCustomProductPageLocalizations/nope/placements')).status).toBe(404)

    // Editable again: the CPP takes a placement up to the CUSTOM_PRODUCT_PAGES limit of the reference data.
    sandbox.store.pageVersions.get(CPP_VERSION)!.state = 'PREPARE_FOR_SUBMISSION'
    const feature = lib.refData.features.find(f => f.featureId === 'CUSTOM_PRODUCT_PAGES')!
    const limit = feature.placementPolicies.find(p => p.placementType === 'APP_SCREENSHOT')!.groupLimits.find(l => l.groupIds.includes(GROUP))!
    expect(limit.maxCount).toBe(10)
    limit.maxCount = 2
    expect((await place('appCustomProductPageLocalization', 'appCustomProductPageLocalizations', CPP_EN)).status).toBe(201)
    const over = await place('appCustomProductPageLocalization', 'appCustomProductPageLocalizations', CPP_EN)
    expect(over.status).toBe(409)
    expect(over.body.errors[0].detail).toMatch(/maximum of 2 APP_SCREENSHOT/)
    // The version's own limit (APP_STORE_VERSIONS) is separate: the version localization still takes one.
    expect((await place('appStoreVersionLocalization', 'appStoreVersionLocalizations', IOS_EN)).status).toBe(201)
  })
})
