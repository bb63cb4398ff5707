import { startSandbox, type Sandbox } from '../../src/sandbox/index.js'
import { Client, EN_US, MAC_EN_US, OLD_EN_US, md5, token } from './client.js'
import { makePng } from './png.js'

let sb: Sandbox
let c: Client
beforeAll(async () => {
  sb = await startSandbox({ processingMs: 10 })
})
afterAll(() => sb.close())
beforeEach(() => {
  c = new Client(sb)
})

describe('tokens', () => {
  const status = async (jwt: string) => (await c.call('GET', '/v1/apps', undefined, jwt)).status

  test('team key with iss and individual key with sub=user are accepted', async () => {
    expect(await status(await token(sb))).toBe(200)
    expect(await status(await token(sb, { individual: true }))).toBe(200)
  })

  test('bad aud, too long a lifetime, unknown kid, individual key with iss, future iat → 401', async () => {
    const r = await c.call('GET', '/v1/apps', undefined, await token(sb, { aud: 'appstoreconnect-v2' }))
    expect(r.status).toBe(401)
    expect(r.body.errors[0]).toMatchObject({ status: '401', code: 'NOT_AUTHORIZED', title: 'Authentication credentials are missing or invalid.' })
    expect(await status(await token(sb, { lifetimeSeconds: 1201 }))).toBe(401)
    expect(await status(await token(sb, { lifetimeSeconds: 1200 }))).toBe(200)
    expect(await status(await token(sb, { kid: 'ABCDEFGHIJ' }))).toBe(401)
    expect(await status(await token(sb, { individual: true, issuer: sb.keys.issuerId }))).toBe(401)
    expect(await status(await token(sb, { issuer: 'someone-else' }))).toBe(401)
    expect(await status(await token(sb, { iatOffsetSeconds: 600, lifetimeSeconds: 300 }))).toBe(401)
    expect(await status(await token(sb, { iatOffsetSeconds: -1000, lifetimeSeconds: 900 }))).toBe(401) // expired
    expect(await status('not-a-jwt')).toBe(401)
    const none = await fetch(`${sb.url}/v1/apps`)
    expect(none.status).toBe(401)
  })
})

describe('routing and query validation', () => {
  test('unknown path → 404 PATH_ERROR, wrong method → 405', async () => {
    const r = await c.get('/v1/nothing')
    expect(r.status).toBe(404)
    expect(r.body.errors[0].code).toBe('PATH_ERROR')
    const m = await c.call('DELETE', '/v1/apps/1234567890')
    expect(m.status).toBe(405)
    expect(m.body.errors[0].code).toBe('METHOD_NOT_ALLOWED')
  })

  test('unknown parameter → ILLEGAL, bad include / fields / filter enum → INVALID, limit over max → 400', async () => {
    const illegal = await c.get('/v1/apps?filter[colour]=red')
    expect(illegal.status).toBe(400)
    expect(illegal.body.errors[0]).toMatchObject({ code: 'PARAMETER_ERROR.ILLEGAL', source: { parameter: 'filter[colour]' } })
    for (const q of ['include=appScreenshotSets.appScreenshots', 'fields[appScreenshotSets]=nope', 'filter[screenshotDisplayType]=APP_IPHONE_99', 'limit=201', 'limit[appScreenshots]=51', 'limit=abc']) {
      const r = await c.get(`/v1/appStoreVersionLocalizations/${EN_US}/appScreenshotSets?${q}`)
      expect([q, r.status, r.body.errors[0].code]).toEqual([q, 400, 'PARAMETER_ERROR.INVALID'])
    }
    expect((await c.get(`/v1/appStoreVersionLocalizations/${EN_US}/appScreenshotSets?limit=200&limit[appScreenshots]=50`)).status).toBe(200)
  })
})

describe('reading the parent chain', () => {
  test('apps by bundle id, versions with included localizations', async () => {
    const apps = await c.get('/v1/apps?filter[bundleId]=com.example.aurora&fields[apps]=bundleId,name')
    expect(apps.body.data).toHaveLength(1)
    expect(apps.body.data[0]).toMatchObject({ type: 'apps', id: '1234567890', attributes: { bundleId: 'com.example.aurora', name: 'Aurora' } })
    expect(Object.keys(apps.body.data[0].attributes)).toEqual(['name', 'bundleId'])
    expect(apps.body.links.self).toBe(`${sb.url}/v1/apps?filter[bundleId]=com.example.aurora&fields[apps]=bundleId,name`)

    const v = await c.get(
      '/v1/apps/1234567890/appStoreVersions?filter[platform]=IOS&filter[appVersionState]=PREPARE_FOR_SUBMISSION,DEVELOPER_REJECTED&include=appStoreVersionLocalizations&limit[appStoreVersionLocalizations]=2&fields[appStoreVersionLocalizations]=locale'
    )
    expect(v.status).toBe(200)
    expect(v.body.data).toHaveLength(1)
    const rel = v.body.data[0].relationships.appStoreVersionLocalizations
    expect(rel.meta.paging).toEqual({ total: 3, limit: 2 })
    expect(rel.data).toHaveLength(2)
    expect(rel.links.related).toBe(`${sb.url}/v1/appStoreVersions/${v.body.data[0].id}/appStoreVersionLocalizations`)
    expect(v.body.included.map((i: { attributes: object }) => i.attributes)).toEqual([{ locale: 'en-US' }, { locale: 'de-DE' }])
  })

  test('sets with included screenshots in display order', async () => {
    const setId = await c.createSet(EN_US, 'APP_IPAD_PRO_3GEN_129')
    const ids = [(await c.reserve(setId, 'p1.png', 10)).body.data.id, (await c.reserve(setId, 'p2.png', 10)).body.data.id]
    const r = await c.get(
      `/v1/appStoreVersionLocalizations/${EN_US}/appScreenshotSets?filter[screenshotDisplayType]=APP_IPAD_PRO_3GEN_129&include=appScreenshots&limit[appScreenshots]=50&fields[appScreenshots]=fileName,assetDeliveryState`
    )
    expect(r.body.data).toHaveLength(1)
    expect(r.body.data[0].relationships.appScreenshots.data).toEqual(ids.map(id => ({ type: 'appScreenshots', id })))
    expect(r.body.data[0].relationships.appScreenshots.meta.paging.total).toBe(2)
    expect(r.body.included.map((i: { attributes: { fileName: string } }) => i.attributes.fileName)).toEqual(['p1.png', 'p2.png'])
    expect(Object.keys(r.body.included[0].attributes)).toEqual(['fileName', 'assetDeliveryState'])
    await c.call('DELETE', `/v1/appScreenshotSets/${setId}`)
  })

  test('pagination follows links.next with an opaque cursor', async () => {
    const setId = await c.createSet(EN_US, 'APP_IPHONE_55')
    for (let i = 0; i < 5; i++) await c.reserve(setId, `n${i}.png`, 10)
    const seen: string[] = []
    let next: string | undefined = `/v1/appScreenshotSets/${setId}/appScreenshots?limit=2&fields[appScreenshots]=fileName`
    let pages = 0
    while (next) {
      const r = await c.get(next)
      expect(r.status).toBe(200)
      expect(r.body.meta.paging).toMatchObject({ total: 5, limit: 2 })
      seen.push(...r.body.data.map((d: { attributes: { fileName: string } }) => d.attributes.fileName))
      next = r.body.links.next
      if (next) expect(next.startsWith(sb.url)).toBe(true)
      pages++
    }
    expect(pages).toBe(3)
    expect(seen).toEqual(['n0.png', 'n1.png', 'n2.png', 'n3.png', 'n4.png'])
    expect((await c.get(`/v1/appScreenshotSets/${setId}/appScreenshots?cursor=garbage`)).status).toBe(400)
    await c.call('DELETE', `/v1/appScreenshotSets/${setId}`)
  })
})

describe('request bodies and business rules', () => {
  test('body validated against the spec: missing fileName → 409 with pointer', async () => {
    const setId = await c.createSet(EN_US, 'APP_IPHONE_61')
    const r = await c.call('POST', '/v1/appScreenshots', {
      data: { type: 'appScreenshots', attributes: { fileSize: 10 }, relationships: { appScreenshotSet: { data: { type: 'appScreenshotSets', id: setId } } } }
    })
    expect(r.status).toBe(409)
    expect(r.body.errors[0]).toMatchObject({ code: 'ENTITY_ERROR.ATTRIBUTE.REQUIRED', source: { pointer: '/data/attributes/fileName' } })
    const noRel = await c.call('POST', '/v1/appScreenshots', { data: { type: 'appScreenshots', attributes: { fileSize: 10, fileName: 'a.png' } } })
    expect(noRel.body.errors[0]).toMatchObject({ code: 'ENTITY_ERROR.RELATIONSHIP.REQUIRED', source: { pointer: '/data/relationships' } })
    const wrongType = await c.call('POST', '/v1/appScreenshots', {
      data: { type: 'appScreenshots', attributes: { fileSize: '10', fileName: 'a.png' }, relationships: { appScreenshotSet: { data: { type: 'appScreenshotSets', id: setId } } } }
    })
    expect(wrongType.status).toBe(409)
    expect(wrongType.body.errors[0].source.pointer).toBe('/data/attributes/fileSize')
    const badEnum = await c.call('POST', '/v1/appScreenshotSets', { data: { type: 'appScreenshotSets', attributes: { screenshotDisplayType: 'APP_IPHONE_99' } } })
    expect(badEnum.status).toBe(409)
    expect(badEnum.body.errors[0].source.pointer).toBe('/data/attributes/screenshotDisplayType')
    const notJson = await fetch(`${sb.url}/v1/appScreenshots`, { method: 'POST', headers: { authorization: `Bearer ${await token(sb)}` }, body: '{' })
    expect(notJson.status).toBe(400)
    // nullable attributes accept null
    const id = (await c.reserve(setId, 'z.png', 10)).body.data.id
    const nulls = await c.call('PATCH', `/v1/appScreenshots/${id}`, { data: { type: 'appScreenshots', id, attributes: { uploaded: null, sourceFileChecksum: null } } })
    expect(nulls.status).toBe(200)
  })

  test('a version that is not editable refuses media writes with 409 STATE_ERROR', async () => {
    const sb2 = await startSandbox({
      seed: {
        apps: [
          {
            id: '1',
            bundleId: 'b',
            name: 'B',
            primaryLocale: 'en-US',
            appStoreVersions: [
              {
                id: 'v1',
                platform: 'IOS',
                versionString: '1.0',
                appVersionState: 'READY_FOR_DISTRIBUTION',
                localizations: [{ id: 'l1', locale: 'en-US', screenshotSets: [{ id: 's1', type: 'APP_IPHONE_67', assets: [{ id: 'x1', fileName: 'a.png', fileSize: 3, sourceFileChecksum: md5(Buffer.from('abc')) }] }] }]
              }
            ]
          }
        ]
      }
    })
    try {
      const c2 = new Client(sb2)
      const reserve = await c2.reserve('s1', 'b.png', 10)
      expect(reserve.status).toBe(409)
      expect(reserve.body.errors[0].code).toBe('STATE_ERROR')
      expect(reserve.body.errors[0].detail).toMatch(/READY_FOR_DISTRIBUTION/)
      expect((await c2.call('DELETE', '/v1/appScreenshots/x1')).status).toBe(409)
      expect((await c2.call('DELETE', '/v1/appScreenshotSets/s1')).status).toBe(409)
      const set = await c2.call('POST', '/v1/appScreenshotSets', {
        data: { type: 'appScreenshotSets', attributes: { screenshotDisplayType: 'APP_IPHONE_65' }, relationships: { appStoreVersionLocalization: { data: { type: 'appStoreVersionLocalizations', id: 'l1' } } } }
      })
      expect(set.status).toBe(409)
      const got = await c2.get('/v1/appScreenshots/x1')
      expect(got.body.data.attributes).toMatchObject({ sourceFileChecksum: md5(Buffer.from('abc')), assetDeliveryState: { state: 'COMPLETE' } })
      expect(sb2.store.countAssets()).toBe(1)
    } finally {
      await sb2.close()
    }
  })

  test('also the live 1.1.0 of the default seed; the macOS version takes APP_DESKTOP only', async () => {
    const setRes = await c.call('POST', '/v1/appScreenshotSets', {
      data: { type: 'appScreenshotSets', attributes: { screenshotDisplayType: 'APP_IPHONE_67' }, relationships: { appStoreVersionLocalization: { data: { type: 'appStoreVersionLocalizations', id: OLD_EN_US } } } }
    })
    expect(setRes.status).toBe(409)
    expect(setRes.body.errors[0].code).toBe('STATE_ERROR')
    await expect(c.createSet(MAC_EN_US, 'APP_DESKTOP')).resolves.toEqual(expect.any(String))
    await expect(c.createSet(MAC_EN_US, 'APP_IPHONE_67')).rejects.toThrow(/409/)
  })
})

describe('previews', () => {
  test('reserve, upload, commit: videoDeliveryState goes through PROCESSING; not a movie → FAILED', async () => {
    // A hand-moved clock makes the processing stages deterministic however loaded the machine is.
    let now = Date.now()
    const sb3 = await startSandbox({ processingMs: 200, clock: () => now })
    try {
      const c3 = new Client(sb3)
      const setId = await c3.createSet(EN_US, 'IPHONE_67', 'preview')
      const ftyp = Buffer.concat([Buffer.from([0, 0, 0, 24]), Buffer.from('ftypisom'), Buffer.alloc(12), Buffer.alloc(5000, 1)])
      const r = await c3.reserve(setId, 'intro.mp4', ftyp.length, 'preview')
      expect(r.body.data.attributes.uploadOperations[0].requestHeaders[0].value).toBe('video/mp4')
      expect(r.body.data.attributes.videoDeliveryState.state).toBe('AWAITING_UPLOAD')
      const good = await c3.upload(setId, 'intro.mp4', ftyp, 'preview')
      const bad = await c3.upload(setId, 'bad.mov', makePng(10, 10), 'preview')
      const first = await c3.get(`/v1/appPreviews/${good}`)
      expect(first.body.data.attributes.videoDeliveryState.state).toBe('UPLOAD_COMPLETE')
      now += 120
      expect((await c3.get(`/v1/appPreviews/${good}`)).body.data.attributes.videoDeliveryState.state).toBe('PROCESSING')
      now += 120
      // The bytes are examined asynchronously after the commit: give that real work a bounded moment.
      let done = (await c3.get(`/v1/appPreviews/${good}`)).body.data.attributes
      for (let i = 0; i < 50 && done.videoDeliveryState.state !== 'COMPLETE'; i++) {
        await new Promise(res => setTimeout(res, 20))
        done = (await c3.get(`/v1/appPreviews/${good}`)).body.data.attributes
      }
      expect(done.videoDeliveryState.state).toBe('COMPLETE')
      expect(done.assetDeliveryState.state).toBe('COMPLETE')
      expect(done.sourceFileChecksum).toBe(md5(ftyp))
      expect(done.videoUrl).toEqual(expect.any(String))
      expect((await c3.get(`/v1/appPreviews/${bad}`)).body.data.attributes.videoDeliveryState.errors[0].code).toBe('VIDEO_INVALID_FORMAT')
      expect(sb3.store.fileNames(EN_US, 'IPHONE_67')).toEqual(['intro.mp4', 'intro.mp4', 'bad.mov'])
      expect(sb3.store.countAssets('AWAITING_UPLOAD')).toBe(1)
    } finally {
      await sb3.close()
    }
  })
})

describe('single resources', () => {
  test('GET/DELETE an asset; 404 Apple-shaped for unknown ids; set include', async () => {
    const setId = await c.createSet(EN_US, 'APP_IPHONE_58')
    const id = (await c.reserve(setId, 'gone.png', 10)).body.data.id
    const set = await c.get(`/v1/appScreenshotSets/${setId}?include=appScreenshots,appStoreVersionLocalization`)
    expect(set.body.data.relationships.appScreenshots.data).toEqual([{ type: 'appScreenshots', id }])
    expect(set.body.data.relationships.appStoreVersionLocalization.data).toEqual({ type: 'appStoreVersionLocalizations', id: EN_US })
    expect(set.body.included.map((i: { type: string }) => i.type).sort()).toEqual(['appScreenshots', 'appStoreVersionLocalizations'])
    const one = await c.get(`/v1/appScreenshots/${id}?include=appScreenshotSet`)
    expect(one.body.data.relationships.appScreenshotSet.data).toEqual({ type: 'appScreenshotSets', id: setId })
    expect((await c.call('DELETE', `/v1/appScreenshots/${id}`)).status).toBe(204)
    const missing = await c.get(`/v1/appScreenshots/${id}`)
    expect(missing.status).toBe(404)
    expect(missing.body.errors[0]).toMatchObject({ status: '404', code: 'NOT_FOUND' })
    expect(sb.store.fileNames(EN_US, 'APP_IPHONE_58')).toEqual([])
    const loc = await c.get(`/v1/appStoreVersionLocalizations/${EN_US}?include=appScreenshotSets`)
    expect(loc.body.data.relationships.appScreenshotSets.data).toContainEqual({ type: 'appScreenshotSets', id: setId })
  })
})
