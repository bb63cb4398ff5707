/**
 * The sandbox's surfaces beyond version localizations, by raw HTTP: App Clip header images (to-one,
 * second reservation refused), advanced experience images (no parent, attached by PATCH, no DELETE),
 * review details and attachments, routing coverage (GeoJSON checked at processing), and custom
 * product page / PPO treatment localizations owning screenshot sets.
 */
import { startSandbox, type Sandbox } from '../../src/sandbox/index.js'
import { Client, md5, putPart } from './client.js'
import { makePng } from './png.js'

const CLIP = 'a1b2c3d4-c11p-4000-8000-000000000001'
const CLIP_EN = 'a1b2c3d4-c11p-4000-8000-0000000000e1'
const EXPERIENCE = 'a1b2c3d4-c11p-4000-8000-0000000000ad'
const IOS = 'a1b2c3d4-0120-4000-8000-000000000001'
const TV = 'a1b2c3d4-0712-4000-8000-000000000001'
const CPP_EN = 'a1b2c3d4-c990-4000-8000-0000000000e1'
const PPO_EN = 'a1b2c3d4-e990-4000-8000-0000000000e1'

let sb: Sandbox
let c: Client
beforeEach(async () => {
  sb = await startSandbox({ processingMs: 10 })
  c = new Client(sb)
})
afterEach(() => sb.close())

const body = (type: string, fileName: string, size: number, rel?: [string, string, string]) => ({
  data: { type, attributes: { fileName, fileSize: size }, ...(rel ? { relationships: { [rel[0]]: { data: { type: rel[1], id: rel[2] } } } } : {}) }
})

async function uploadTo(type: string, bytes: Buffer, fileName: string, rel?: [string, string, string]): Promise<{ id: string; status: number; reply: unknown }> {
  const r = await c.call('POST', `/v1/${type}`, body(type, fileName, bytes.length, rel))
  if (r.status !== 201) return { id: '', status: r.status, reply: r.body }
  for (const op of r.body.data.attributes.uploadOperations) expect((await putPart(op, bytes)).status).toBe(200)
  const commit = await c.call('PATCH', `/v1/${type}/${r.body.data.id}`, { data: { type, id: r.body.data.id, attributes: { uploaded: true, sourceFileChecksum: md5(bytes) } } })
  expect(commit.status).toBe(200)
  return { id: r.body.data.id, status: 201, reply: commit.body }
}

const settle = () => new Promise(res => setTimeout(res, 40))

test('App Clip chain: clips → default experience released with iOS 1.2.0 → localizations with their to-one header image', async () => {
  const clips = await c.get(`/v1/apps/1234567890/appClips?fields[appClips]=bundleId`)
  expect(clips.body.data.map((x: { id: string }) => x.id)).toEqual([CLIP])
  const experiences = await c.get(`/v1/appClips/${CLIP}/appClipDefaultExperiences?include=releaseWithAppStoreVersion,appClipDefaultExperienceLocalizations&fields[appClipDefaultExperienceLocalizations]=locale`)
  expect(experiences.body.data[0].relationships.releaseWithAppStoreVersion.data.id).toBe(IOS)
  expect(experiences.body.included.filter((r: { type: string }) => r.type === 'appClipDefaultExperienceLocalizations').map((r: { attributes: { locale: string } }) => r.attributes.locale).sort()).toEqual(['de-DE', 'en-US'])
  // Nothing yet: the to-one GET answers 404 (SILENT in the spec; documented choice).
  expect((await c.get(`/v1/appClipDefaultExperienceLocalizations/${CLIP_EN}/appClipHeaderImage`)).status).toBe(404)
  const rel: [string, string, string] = ['appClipDefaultExperienceLocalization', 'appClipDefaultExperienceLocalizations', CLIP_EN]
  const first = await uploadTo('appClipHeaderImages', makePng(1800, 1200), 'header.png', rel)
  // A second reservation while one exists is refused: the client must delete first.
  const second = await c.call('POST', '/v1/appClipHeaderImages', body('appClipHeaderImages', 'other.png', 100, rel))
  expect(second.status).toBe(409)
  expect(second.body.errors[0].code).toBe('STATE_ERROR')
  await settle()
  const got = await c.get(`/v1/appClipDefaultExperienceLocalizations/${CLIP_EN}/appClipHeaderImage?fields[appClipHeaderImages]=fileName,assetDeliveryState,sourceFileChecksum`)
  expect(got.body.data).toMatchObject({ id: first.id, attributes: { fileName: 'header.png', assetDeliveryState: { state: 'COMPLETE' } } })
  expect((await c.call('DELETE', `/v1/appClipHeaderImages/${first.id}`)).status).toBe(204)
  // Wrong size → FAILED with Apple's code.
  const wrong = await uploadTo('appClipHeaderImages', makePng(1200, 800), 'small.png', rel)
  await settle()
  const failed = await c.get(`/v1/appClipHeaderImages/${wrong.id}`)
  expect(failed.body.data.attributes.assetDeliveryState).toMatchObject({ state: 'FAILED', errors: [{ code: 'IMAGE_INCORRECT_DIMENSIONS' }] })
})

test('advanced experience images: created without a parent, attached by PATCHing the experience, never deleted', async () => {
  const image = await uploadTo('appClipAdvancedExperienceImages', makePng(1800, 1200), 'card.png')
  expect(image.status).toBe(201)
  await settle()
  const patch = await c.call('PATCH', `/v1/appClipAdvancedExperiences/${EXPERIENCE}`, {
    data: { type: 'appClipAdvancedExperiences', id: EXPERIENCE, relationships: { headerImage: { data: { type: 'appClipAdvancedExperienceImages', id: image.id } } } }
  })
  expect(patch.status).toBe(200)
  const x = await c.get(`/v1/appClipAdvancedExperiences/${EXPERIENCE}?include=headerImage&fields[appClipAdvancedExperienceImages]=fileName,assetDeliveryState`)
  expect(x.body.data.relationships.headerImage.data.id).toBe(image.id)
  expect(x.body.included[0]).toMatchObject({ type: 'appClipAdvancedExperienceImages', attributes: { fileName: 'card.png', assetDeliveryState: { state: 'COMPLETE' } } })
  // The spec has no DELETE for these images.
  expect((await c.call('DELETE', `/v1/appClipAdvancedExperienceImages/${image.id}`)).status).toBe(405)
})

test('review details: 404 when a version has none, created with no attributes, attachments listed and deleted', async () => {
  expect((await c.get(`/v1/appStoreVersions/${TV}/appStoreReviewDetail`)).status).toBe(404)
  const created = await c.call('POST', '/v1/appStoreReviewDetails', { data: { type: 'appStoreReviewDetails', relationships: { appStoreVersion: { data: { type: 'appStoreVersions', id: TV } } } } })
  expect(created.status).toBe(201)
  expect((await c.call('POST', '/v1/appStoreReviewDetails', { data: { type: 'appStoreReviewDetails', relationships: { appStoreVersion: { data: { type: 'appStoreVersions', id: TV } } } } })).status).toBe(409)
  const detail = created.body.data.id
  const rel: [string, string, string] = ['appStoreReviewDetail', 'appStoreReviewDetails', detail]
  const a = await uploadTo('appStoreReviewAttachments', Buffer.from('%PDF-1.4 hello'), 'a.pdf', rel)
  await uploadTo('appStoreReviewAttachments', Buffer.from('notes'), 'b.txt', rel)
  await settle()
  const list = await c.get(`/v1/appStoreReviewDetails/${detail}/appStoreReviewAttachments?fields[appStoreReviewAttachments]=fileName,assetDeliveryState&limit=200`)
  expect(list.body.data.map((r: { attributes: { fileName: string } }) => r.attributes.fileName)).toEqual(['a.pdf', 'b.txt'])
  expect((await c.call('DELETE', `/v1/appStoreReviewAttachments/${a.id}`)).status).toBe(204)
  expect((await c.get(`/v1/appStoreReviewDetails/${detail}/appStoreReviewAttachments`)).body.data).toHaveLength(1)
  // A version no longer editable refuses new attachments.
  sb.store.setVersionState(TV, 'WAITING_FOR_REVIEW')
  expect((await c.call('POST', '/v1/appStoreReviewAttachments', body('appStoreReviewAttachments', 'c.txt', 5, rel))).status).toBe(409)
})

test('routing coverage: to-one on the version, GeoJSON checked at processing', async () => {
  expect((await c.get(`/v1/appStoreVersions/${IOS}/routingAppCoverage`)).status).toBe(404)
  const rel: [string, string, string] = ['appStoreVersion', 'appStoreVersions', IOS]
  expect((await c.call('POST', '/v1/routingAppCoverages', body('routingAppCoverages', 'coverage.json', 10, rel))).status).toBe(409)
  const bad = await uploadTo('routingAppCoverages', Buffer.from('{"type":"Point","coordinates":[1,2]}'), 'coverage.geojson', rel)
  await settle()
  const got = await c.get(`/v1/appStoreVersions/${IOS}/routingAppCoverage`)
  expect(got.body.data.attributes.assetDeliveryState).toMatchObject({ state: 'FAILED', errors: [{ code: 'INVALID_GEOJSON' }] })
  expect((await c.call('POST', '/v1/routingAppCoverages', body('routingAppCoverages', 'coverage.geojson', 10, rel))).status).toBe(409)
  expect((await c.call('DELETE', `/v1/routingAppCoverages/${bad.id}`)).status).toBe(204)
})

test('custom product pages and PPO treatments own screenshot sets like version localizations', async () => {
  const pages = await c.get('/v1/apps/1234567890/appCustomProductPages?fields[appCustomProductPages]=name')
  expect(pages.body.data[0].attributes.name).toBe('Summer campaign')
  const versions = await c.get(`/v1/appCustomProductPages/${pages.body.data[0].id}/appCustomProductPageVersions?filter[state]=PREPARE_FOR_SUBMISSION,REJECTED&include=appCustomProductPageLocalizations`)
  expect(versions.body.included.map((l: { attributes: { locale: string } }) => l.attributes.locale).sort()).toEqual(['de-DE', 'en-US'])
  const experiments = await c.get('/v1/apps/1234567890/appStoreVersionExperimentsV2?fields[appStoreVersionExperiments]=name,state,platform')
  expect(experiments.body.data[0].attributes).toEqual({ name: 'New icon test', state: 'PREPARE_FOR_SUBMISSION', platform: 'IOS' })
  const treatments = await c.get(`/v2/appStoreVersionExperiments/${experiments.body.data[0].id}/appStoreVersionExperimentTreatments?include=appStoreVersionExperimentTreatmentLocalizations`)
  expect(treatments.body.data[0].attributes.name).toBe('Treatment A')
  for (const [parent, rel] of [
    [CPP_EN, 'appCustomProductPageLocalization'],
    [PPO_EN, 'appStoreVersionExperimentTreatmentLocalization']
  ] as const) {
    const type = `${rel}s`
    const r = await c.call('POST', '/v1/appScreenshotSets', { data: { type: 'appScreenshotSets', attributes: { screenshotDisplayType: 'APP_IPHONE_67' }, relationships: { [rel]: { data: { type, id: parent } } } } })
    expect(r.status).toBe(201)
    expect(sb.store.sets.get(r.body.data.id)).toMatchObject({ parentType: type, localizationId: parent })
    const id = await c.upload(r.body.data.id, '1.png', makePng(1320, 2868))
    const sets = await c.get(`/v1/${type}/${parent}/appScreenshotSets?include=appScreenshots`)
    expect(sets.body.data[0].relationships.appScreenshots.data).toEqual([{ type: 'appScreenshots', id }])
  }
  // The experiment is for iOS: a Mac display type is refused; a page that is no longer editable refuses changes.
  const mac = await c.call('POST', '/v1/appScreenshotSets', { data: { type: 'appScreenshotSets', attributes: { screenshotDisplayType: 'APP_DESKTOP' }, relationships: { appStoreVersionExperimentTreatmentLocalization: { data: { type: 'appStoreVersionExperimentTreatmentLocalizations', id: PPO_EN } } } } })
  expect(mac.status).toBe(409)
  sb.store.pageVersions.get('a1b2c3d4-c990-4000-8000-0000000000v1')!.state = 'WAITING_FOR_REVIEW'
  const frozen = await c.call('POST', '/v1/appPreviewSets', { data: { type: 'appPreviewSets', attributes: { previewType: 'IPHONE_67' }, relationships: { appCustomProductPageLocalization: { data: { type: 'appCustomProductPageLocalizations', id: CPP_EN } } } } })
  expect(frozen.status).toBe(409)
  expect(frozen.body.errors[0].code).toBe('STATE_ERROR')
})
