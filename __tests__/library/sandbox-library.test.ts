/**
 * The sandbox's App Asset Library: reserve → upload → commit (uploaded only) → PREPARE_FOR_SUBMISSION
 * with a specId matched from the real pixels, placements (editable parent, type/group/spec checks,
 * per-group limits), ordering requests, and the deletion rule ASSET_HAS_PLACEMENTS.
 */
import { setTimeout as sleep } from 'node:timers/promises'
import { request } from 'undici'
import { encodePng } from '../../src/media/png-writer.js'
import { startSandbox, type Sandbox } from '../../src/sandbox/index.js'
import { libraryOf } from '../../src/sandbox/library/index.js'
import { Client } from '../sandbox/client.js'

const APP = '1234567890'
const EN = 'a1b2c3d4-0120-4000-8000-0000000000e1'
const OLD_EN = 'a1b2c3d4-0110-4000-8000-0000000000e1'
const GROUP = 'IPHONE_DYNAMIC_ISLAND_LARGE_PROFILE'

function png(width: number, height: number, seed = 1, alpha = false): Buffer {
  return encodePng({ width, height, alpha, level: 1, fill: [seed % 256, 40, 90] })
}

async function upload(c: Client, bytes: Buffer, fileName = 'shot.png', referenceName?: string): Promise<string> {
  const r = await c.call('POST', '/v1/appAssetLibraryImages', {
    data: {
      type: 'appAssetLibraryImages',
      attributes: { fileName, fileSize: bytes.length, category: 'APP_SCREENSHOTS_AND_PREVIEWS', ...(referenceName ? { referenceName } : {}) },
      relationships: { assetLibrary: { data: { type: 'appAssetLibraries', id: APP } } }
    }
  })
  expect(r.status).toBe(201)
  expect(r.body.data.attributes).toMatchObject({ state: 'AWAITING_UPLOAD', specId: null, imageAsset: null })
  for (const op of r.body.data.attributes.uploadOperations) {
    const res = await request(op.url, { method: 'PUT', body: bytes.subarray(op.offset, op.offset + op.length), headers: Object.fromEntries(op.requestHeaders.map((h: { name: string; value: string }) => [h.name, h.value])) })
    await res.body.text()
    expect(res.statusCode).toBe(200)
  }
  const id = r.body.data.id
  const commit = await c.call('PATCH', `/v1/appAssetLibraryImages/${id}`, { data: { type: 'appAssetLibraryImages', id, attributes: { uploaded: true } } })
  expect(commit.status).toBe(200)
  expect(commit.body.data.attributes.state).toBe('UPLOAD_COMPLETE')
  return id
}

async function settled(c: Client, id: string): Promise<any> { // eslint-disable-line @typescript-eslint/no-explicit-any
  for (let i = 0; i < 50; i++) {
    const r = await c.get(`/v1/appAssetLibraryImages/${id}`)
    if (!['AWAITING_UPLOAD', 'UPLOAD_COMPLETE'].includes(r.body.data.attributes.state)) return r.body.data
    await sleep(10)
  }
  throw new Error('never processed')
}

const place = (c: Client, imageId: string, group = GROUP, loc = EN, type = 'APP_SCREENSHOT') =>
  c.call('POST', '/v1/appAssetLibraryPlacements', {
    data: {
      type: 'appAssetLibraryPlacements',
      attributes: { placementType: type, placementGroup: group },
      relationships: { image: { data: { type: 'appAssetLibraryImages', id: imageId } }, appStoreVersionLocalization: { data: { type: 'appStoreVersionLocalizations', id: loc } } }
    }
  })

describe('sandbox: App Asset Library', () => {
  let sb: Sandbox
  let c: Client
  beforeEach(async () => {
    sb = await startSandbox({ processingMs: 10 })
    c = new Client(sb)
  })
  afterEach(() => sb.close())

  it('serves the library (id = app id), its linkage and the reference data', async () => {
    const link = await c.get(`/v1/apps/${APP}/relationships/assetLibrary`)
    expect(link.body.data).toEqual({ type: 'appAssetLibraries', id: APP })
    const lib = await c.get(`/v1/apps/${APP}/assetLibrary`)
    expect(lib.body.data).toMatchObject({ type: 'appAssetLibraries', id: APP })
    const ref = await c.get('/v1/appAssetLibraryRefData?filter[features]=APP_STORE_VERSIONS')
    expect(ref.status).toBe(200)
    const datum = ref.body.data[0].attributes
    expect(datum.features.map((f: { featureId: string }) => f.featureId)).toEqual(['APP_STORE_VERSIONS'])
    expect(datum.placementProfileGroups).toContainEqual({ placementProfileGroupId: GROUP, platform: 'IPHONE_APP_STORE', displayClassId: 'IPHONE_DYNAMIC_ISLAND_LARGE_DISPLAY' })
    expect(datum.imageSpecs.find((s: { shortName: string }) => s.shortName === 'i1290x2796a0')).toMatchObject({ dimensions: { minWidth: 1290, maxWidth: 1290, minHeight: 2796, maxHeight: 2796 }, alphaAllowed: false, aspectRatio: '6:13' })
    expect(datum.videoSpecs.find((s: { shortName: string }) => s.shortName === 'v886x1920')).toMatchObject({ duration: { min: 'PT15S', max: 'PT30S' }, audioRequired: true })
    expect(ref.body.meta.paging).toEqual({ total: 1, limit: 50 })
    // No limit parameter on the ref data.
    expect((await c.get('/v1/appAssetLibraryRefData?limit=10')).status).toBe(400)
  })

  it('processes an upload to PREPARE_FOR_SUBMISSION with the specId of its real pixel size; the commit takes uploaded only', async () => {
    const bytes = png(1290, 2796)
    const r = await c.call('POST', '/v1/appAssetLibraryImages', {
      data: { type: 'appAssetLibraryImages', attributes: { fileName: 'a.png', fileSize: bytes.length, category: 'APP_SCREENSHOTS_AND_PREVIEWS' }, relationships: { assetLibrary: { data: { type: 'appAssetLibraries', id: APP } } } }
    })
    const id = r.body.data.id
    const checksum = await c.call('PATCH', `/v1/appAssetLibraryImages/${id}`, { data: { type: 'appAssetLibraryImages', id, attributes: { uploaded: true, sourceFileChecksum: 'abc' } } })
    expect(checksum.status).toBe(409)
    expect(checksum.body.errors[0].code).toBe('ENTITY_ERROR.ATTRIBUTE.UNKNOWN')
    const early = await c.call('PATCH', `/v1/appAssetLibraryImages/${id}`, { data: { type: 'appAssetLibraryImages', id, attributes: { uploaded: true } } })
    expect(early.status).toBe(409) // no bytes yet
    await c.call('DELETE', `/v1/appAssetLibraryImages/${id}`)
    const done = await settled(c, await upload(c, bytes, 'b.png', 'sha256:abc'))
    const spec = libraryOf(sb.store).refData.imageSpecs.find(s => s.shortName === 'i1290x2796a0')!
    expect(done.attributes).toMatchObject({ state: 'PREPARE_FOR_SUBMISSION', specId: spec.specId, referenceName: 'sha256:abc', imageAsset: { width: 1290, height: 2796 } })
    const found = await c.get(`/v1/appAssetLibraries/${APP}/images?filter[referenceName]=sha256:zzz,sha256:abc`)
    expect(found.body.data.map((d: { id: string }) => d.id)).toEqual([done.id])
  })

  it('fails processing when no spec matches, with stateDetails', async () => {
    const bad = await settled(c, await upload(c, png(1000, 1000)))
    expect(bad.attributes.state).toBe('FAILED')
    expect(bad.attributes.stateDetails[0].code).toBe('IMAGE_INCORRECT_DIMENSIONS')
    const alpha = await settled(c, await upload(c, png(1290, 2796, 3, true), 'alpha.png'))
    expect(alpha.attributes.stateDetails[0].code).toBe('IMAGE_ALPHA_NOT_ALLOWED')
  })

  it('validates placements: exactly one asset and one localization, type/group, spec, editable parent, limit of 10', async () => {
    const id = (await settled(c, await upload(c, png(1290, 2796)))).id
    const noLoc = await c.call('POST', '/v1/appAssetLibraryPlacements', {
      data: { type: 'appAssetLibraryPlacements', attributes: { placementType: 'APP_SCREENSHOT', placementGroup: GROUP }, relationships: { image: { data: { type: 'appAssetLibraryImages', id } } } }
    })
    expect(noLoc.body.errors[0].code).toBe('ENTITY_ERROR.RELATIONSHIP.REQUIRED')
    const mismatch = await place(c, id, GROUP, EN, 'APP_PREVIEW')
    expect(mismatch.status).toBe(409)
    expect(mismatch.body.errors[0]).toMatchObject({ code: 'ENTITY_ERROR.ATTRIBUTE.INVALID', source: { pointer: '/data/attributes/placementType' } })
    expect((await place(c, id, 'IPAD_13_PROFILE')).body.errors[0].code).toBe('ENTITY_ERROR.ATTRIBUTE.INVALID')
    const frozen = await place(c, id, GROUP, OLD_EN)
    expect(frozen.status).toBe(409)
    expect(frozen.body.errors[0]).toMatchObject({ code: 'STATE_ERROR.INVALID_STATE', meta: { state: 'READY_FOR_DISTRIBUTION', feature: 'APP_STORE_VERSIONS' } })
    for (let i = 0; i < 10; i++) expect((await place(c, id)).status).toBe(201)
    const eleventh = await place(c, id)
    expect(eleventh.status).toBe(409)
    expect(libraryOf(sb.store).group(EN, GROUP)).toHaveLength(10)
  })

  it('orders a group with one ordering request and reads it back with sort=placementGroupPosition', async () => {
    const a = (await settled(c, await upload(c, png(1290, 2796, 1), 'a.png'))).id
    const b = (await settled(c, await upload(c, png(1290, 2796, 2), 'b.png'))).id
    const pa = (await place(c, a)).body.data
    const pb = (await place(c, b)).body.data
    expect(pa.relationships.image.data).toEqual({ type: 'appAssetLibraryImages', id: a })
    expect(pa.attributes.state).toBe('PARENT_PREPARE_FOR_SUBMISSION')
    const order = (ids: string[]) =>
      c.call('POST', '/v1/appAssetLibraryPlacementOrderingRequests', {
        data: {
          type: 'appAssetLibraryPlacementOrderingRequests',
          attributes: { placementGroup: GROUP },
          relationships: { orderedPlacements: { data: ids.map(id => ({ type: 'appAssetLibraryPlacements', id })) }, appStoreVersionLocalization: { data: { type: 'appStoreVersionLocalizations', id: EN } } }
        }
      })
    expect((await order([pb.id])).status).toBe(409) // partial list: SILENT at Apple, strict here
    const ok = await order([pb.id, pa.id])
    expect(ok.status).toBe(201)
    expect(ok.body.data.relationships.orderedPlacements.data.map((d: { id: string }) => d.id)).toEqual([pb.id, pa.id])
    const listed = await c.get(`/v1/appStoreVersionLocalizations/${EN}/placements?sort=placementGroupPosition&include=image&fields[appAssetLibraryImages]=fileName,state`)
    expect(listed.body.data.map((d: { id: string }) => d.id)).toEqual([pb.id, pa.id])
    expect(listed.body.included.map((i: { attributes: object }) => Object.keys(i.attributes).sort())).toEqual([['fileName', 'state'], ['fileName', 'state']])
    expect(libraryOf(sb.store).fileNames(EN, GROUP)).toEqual(['b.png', 'a.png'])
  })

  it('refuses to delete an asset that still has placements; placements first, then the asset', async () => {
    const id = (await settled(c, await upload(c, png(1290, 2796)))).id
    const p = (await place(c, id)).body.data.id
    const refused = await c.call('DELETE', `/v1/appAssetLibraryImages/${id}`)
    expect(refused.status).toBe(409)
    expect(refused.body.errors[0].code).toBe('STATE_ERROR.ASSET_HAS_PLACEMENTS')
    expect((await c.get(`/v1/appAssetLibraryImages/${id}/relationships/placements`)).body.data).toEqual([{ type: 'appAssetLibraryPlacements', id: p }])
    expect((await c.call('DELETE', `/v1/appAssetLibraryPlacements/${p}`)).status).toBe(204)
    expect((await c.call('DELETE', `/v1/appAssetLibraryImages/${id}`)).status).toBe(204)
    expect(libraryOf(sb.store).list()).toEqual([])
  })

  it('archives only approved assets', async () => {
    const id = (await settled(c, await upload(c, png(1290, 2796)))).id
    const body = { data: { type: 'appAssetLibraryImages', id, attributes: { archived: true } } }
    expect((await c.call('PATCH', `/v1/appAssetLibraryImages/${id}`, body)).body.errors[0].code).toBe('STATE_ERROR.INVALID_ASSET_STATE')
    libraryOf(sb.store).forceState(id, 'APPROVED')
    const ok = await c.call('PATCH', `/v1/appAssetLibraryImages/${id}`, body)
    expect(ok.body.data.attributes.state).toBe('ARCHIVED')
  })
})
