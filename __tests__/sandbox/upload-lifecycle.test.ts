import { startSandbox, type Sandbox } from '../../src/sandbox/index.js'
import { Client, EN_US, md5, putPart, type Op } from './client.js'
import { makePng } from './png.js'

let sb: Sandbox
let c: Client
beforeAll(async () => {
  sb = await startSandbox({ processingMs: 20 })
})
afterAll(() => sb.close())
beforeEach(() => {
  c = new Client(sb)
})

const sleep = (ms: number) => new Promise(r => setTimeout(r, ms))

async function freshSet(type = 'APP_IPHONE_67'): Promise<string> {
  const existing = sb.store.findSet(EN_US, type)
  if (existing) await c.call('DELETE', `/v1/appScreenshotSets/${existing.id}`)
  return c.createSet(EN_US, type)
}

test('reserve → PUT parts in reverse → commit → COMPLETE with checksum (multi-part file)', async () => {
  const setId = await freshSet()
  const png = makePng(1290, 2796, { padding: 11 * 1024 * 1024 })
  const r = await c.reserve(setId, '01-home.png', png.length)
  expect(r.status).toBe(201)
  const a = r.body.data.attributes
  expect(a).toMatchObject({ fileName: '01-home.png', fileSize: png.length, sourceFileChecksum: null, imageAsset: null, assetType: 'SCREENSHOT' })
  expect(a.assetDeliveryState).toMatchObject({ state: 'AWAITING_UPLOAD', errors: [] })
  const ops: Op[] = a.uploadOperations
  expect(ops.map(o => o.length)).toEqual([5_242_880, 5_242_880, png.length - 2 * 5_242_880])
  expect(ops[2]!.offset).toBe(2 * 5_242_880)
  expect(ops[0]!.requestHeaders).toEqual([{ name: 'Content-Type', value: 'image/png' }])
  expect(new URL(ops[0]!.url).port).not.toBe(new URL(sb.url).port)
  expect(r.body.data.links.self).toBe(`${sb.url}/v1/appScreenshots/${r.body.data.id}`)
  expect(sb.store.fileNames(EN_US, 'APP_IPHONE_67')).toEqual(['01-home.png'])

  for (const op of [...ops].reverse()) expect((await putPart(op, png)).status).toBe(200)
  const commit = await c.commit(r.body.data.id, md5(png))
  expect(commit.status).toBe(200)
  expect(commit.body.data.attributes.uploadOperations).toBeNull()
  expect(commit.body.data.attributes.assetDeliveryState.state).toBe('UPLOAD_COMPLETE')
  await sleep(40)
  const got = await c.get(`/v1/appScreenshots/${r.body.data.id}`)
  expect(got.body.data.attributes.assetDeliveryState.state).toBe('COMPLETE')
  expect(got.body.data.attributes.sourceFileChecksum).toBe(md5(png))
  expect(got.body.data.attributes.imageAsset).toMatchObject({ width: 1290, height: 2796 })
  expect(got.body.data.attributes.imageAsset.templateUrl).toContain('{w}x{h}bb.{f}')

  const again = await c.commit(r.body.data.id, md5(png))
  expect(again.status).toBe(409)
  expect(again.body.errors[0].code).toMatch(/^STATE_ERROR/)
})

test('commit with a wrong MD5 → 409 pointing at sourceFileChecksum', async () => {
  const setId = await freshSet()
  const png = makePng(1290, 2796)
  const r = await c.reserve(setId, 'a.png', png.length)
  for (const op of r.body.data.attributes.uploadOperations) await putPart(op, png)
  const res = await c.commit(r.body.data.id, 'ffffffffffffffffffffffffffffffff')
  expect(res.status).toBe(409)
  expect(res.body.errors[0]).toMatchObject({ status: '409', code: 'ENTITY_ERROR.ATTRIBUTE.INVALID', source: { pointer: '/data/attributes/sourceFileChecksum' } })
  expect(res.headers['content-type']).toContain('application/json')
})

test('commit with a missing part → 409 naming the part', async () => {
  const setId = await freshSet()
  const png = makePng(1290, 2796, { padding: 6 * 1024 * 1024 })
  const r = await c.reserve(setId, 'b.png', png.length)
  const ops: Op[] = r.body.data.attributes.uploadOperations
  expect(ops).toHaveLength(2)
  await putPart(ops[0]!, png)
  const res = await c.commit(r.body.data.id, md5(png))
  expect(res.status).toBe(409)
  expect(res.body.errors[0].detail).toMatch(/part\(s\) 2/)
})

test('upload host: Authorization header → 400, expired URL → 403, bad signature → 403, wrong length → 400', async () => {
  const setId = await freshSet()
  const png = makePng(1290, 2796)
  const r = await c.reserve(setId, 'c.png', png.length)
  const op: Op = r.body.data.attributes.uploadOperations[0]
  expect((await putPart(op, png, { authorization: 'Bearer x' })).status).toBe(400)
  expect((await putPart({ ...op, url: op.url.replace(/Signature=[0-9a-f]{4}/, 'Signature=0000') }, png)).status).toBe(403)
  expect((await putPart({ ...op, length: op.length - 1 }, png)).status).toBe(400)

  sb.faults.expireUploadUrls = true
  try {
    const r2 = await c.reserve(setId, 'd.png', png.length)
    const res = await putPart(r2.body.data.attributes.uploadOperations[0], png)
    expect(res.status).toBe(403)
    expect(res.text).toMatch(/Request has expired/)
  } finally {
    sb.faults.expireUploadUrls = false
  }
  // An upload after commit is refused.
  await putPart(op, png)
  await c.commit(r.body.data.id, md5(png))
  expect((await putPart(op, png)).status).toBe(409)
})

test('processing validates the real bytes', async () => {
  const setId = await freshSet()
  const wrong = await c.upload(setId, 'wrong.png', makePng(1000, 2000))
  const alpha = await c.upload(setId, 'alpha.png', makePng(1290, 2796, { alpha: true }))
  const trns = await c.upload(setId, 'trns.png', makePng(1290, 2796, { trns: true }))
  const notImage = await c.upload(setId, 'text.png', Buffer.from('hello, this is not a png'))
  await sleep(40)
  const code = async (id: string) => (await c.get(`/v1/appScreenshots/${id}`)).body.data.attributes.assetDeliveryState
  expect(await code(wrong)).toEqual({
    state: 'FAILED',
    warnings: [],
    errors: [{ code: 'IMAGE_INCORRECT_DIMENSIONS', description: 'The dimensions of one or more screenshots are wrong.' }]
  })
  expect((await code(alpha)).errors[0].code).toBe('IMAGE_ALPHA_NOT_ALLOWED')
  expect((await code(trns)).errors[0].code).toBe('IMAGE_ALPHA_NOT_ALLOWED')
  expect((await code(notImage)).errors[0].code).toBe('IMAGE_TOOL_FAILURE')
})

test('11th screenshot reservation → 409; reservations count', async () => {
  const setId = await freshSet('APP_IPHONE_65')
  for (let i = 0; i < 10; i++) expect((await c.reserve(setId, `s${i}.png`, 100)).status).toBe(201)
  const eleventh = await c.reserve(setId, 's10.png', 100)
  expect(eleventh.status).toBe(409)
  expect(eleventh.body.errors[0].code).toMatch(/^ENTITY_ERROR/)
  expect(sb.store.findSet(EN_US, 'APP_IPHONE_65')!.items.every(i => i.state === 'AWAITING_UPLOAD')).toBe(true)
})

test('reorder: a permutation is accepted; anything else is 409', async () => {
  const setId = await freshSet()
  const ids: string[] = []
  for (const n of ['a', 'b', 'c']) ids.push((await c.reserve(setId, `${n}.png`, 10)).body.data.id)
  const body = (list: string[]) => ({ data: list.map(id => ({ type: 'appScreenshots', id })) })
  const ok = await c.call('PATCH', `/v1/appScreenshotSets/${setId}/relationships/appScreenshots`, body([ids[2]!, ids[0]!, ids[1]!]))
  expect(ok.status).toBe(204)
  expect(sb.store.fileNames(EN_US, 'APP_IPHONE_67')).toEqual(['c.png', 'a.png', 'b.png'])
  const listed = await c.get(`/v1/appScreenshotSets/${setId}/appScreenshots`)
  expect(listed.body.data.map((d: { id: string }) => d.id)).toEqual([ids[2], ids[0], ids[1]])
  const linkages = await c.get(`/v1/appScreenshotSets/${setId}/relationships/appScreenshots`)
  expect(linkages.body.data).toEqual([ids[2], ids[0], ids[1]].map(id => ({ type: 'appScreenshots', id })))

  const missing = await c.call('PATCH', `/v1/appScreenshotSets/${setId}/relationships/appScreenshots`, body([ids[0]!, ids[1]!]))
  expect(missing.status).toBe(409)
  expect(missing.body.errors[0].code).toBe('ENTITY_ERROR.RELATIONSHIP.INVALID')
  const dup = await c.call('PATCH', `/v1/appScreenshotSets/${setId}/relationships/appScreenshots`, body([ids[0]!, ids[1]!, ids[1]!, ids[2]!]))
  expect(dup.status).toBe(409)
})

test('sets: one per display type, platform must match, delete removes items', async () => {
  const setId = await freshSet()
  await c.reserve(setId, 'x.png', 10)
  const dup = await c.call('POST', '/v1/appScreenshotSets', {
    data: { type: 'appScreenshotSets', attributes: { screenshotDisplayType: 'APP_IPHONE_67' }, relationships: { appStoreVersionLocalization: { data: { type: 'appStoreVersionLocalizations', id: EN_US } } } }
  })
  expect(dup.status).toBe(409)
  const desktop = await c.call('POST', '/v1/appScreenshotSets', {
    data: { type: 'appScreenshotSets', attributes: { screenshotDisplayType: 'APP_DESKTOP' }, relationships: { appStoreVersionLocalization: { data: { type: 'appStoreVersionLocalizations', id: EN_US } } } }
  })
  expect(desktop.status).toBe(409)
  expect(desktop.body.errors[0].source.pointer).toBe('/data/attributes/screenshotDisplayType')
  const before = sb.store.countAssets()
  expect((await c.call('DELETE', `/v1/appScreenshotSets/${setId}`)).status).toBe(204)
  expect(sb.store.countAssets()).toBe(before - 1)
  expect(sb.store.findSet(EN_US, 'APP_IPHONE_67')).toBeUndefined()
})
