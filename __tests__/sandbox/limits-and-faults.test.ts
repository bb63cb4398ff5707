import { request } from 'undici'
import { startSandbox, type Sandbox, type SandboxOptions } from '../../src/sandbox/index.js'
import { Client, EN_US, md5, putPart, token } from './client.js'
import { makePng } from './png.js'

async function withSandbox(o: SandboxOptions, fn: (sb: Sandbox, c: Client) => Promise<void>): Promise<void> {
  const sb = await startSandbox(o)
  try {
    await fn(sb, new Client(sb))
  } finally {
    await sb.close()
  }
}

test('X-Rate-Limit decreases per request and the budget refills over a rolling hour', async () => {
  let now = Date.UTC(2030, 0, 1)
  await withSandbox({ hourlyRequestLimit: 3, clock: () => now }, async (sb, c) => {
    const jwt = await token(sb, { now })
    const rem: (string | undefined)[] = []
    for (let i = 0; i < 4; i++) {
      const r = await c.call('GET', '/v1/apps', undefined, jwt)
      rem.push(`${r.status} ${String(r.headers['x-rate-limit'])}`)
    }
    expect(rem).toEqual([
      '200 user-hour-lim:3;user-hour-rem:2;',
      '200 user-hour-lim:3;user-hour-rem:1;',
      '200 user-hour-lim:3;user-hour-rem:0;',
      '429 user-hour-lim:3;user-hour-rem:0;'
    ])
    const setsBefore = sb.store.countSets()
    const blocked = await c.call('POST', '/v1/appScreenshotSets', {
      data: { type: 'appScreenshotSets', attributes: { screenshotDisplayType: 'APP_IPHONE_67' }, relationships: { appStoreVersionLocalization: { data: { type: 'appStoreVersionLocalizations', id: EN_US } } } }
    }, jwt)
    expect(blocked.status).toBe(429)
    expect(blocked.body.errors[0].code).toBe('RATE_LIMIT_EXCEEDED')
    expect(sb.store.countSets()).toBe(setsBefore)
    now += 3_600_001
    const later = await c.call('GET', '/v1/apps', undefined, await token(sb, { now }))
    expect(later.status).toBe(200)
    expect(later.headers['x-rate-limit']).toBe('user-hour-lim:3;user-hour-rem:2;')
  })
})

test('a moved clock drives processing and the late checksum', async () => {
  let now = Date.UTC(2030, 0, 1)
  await withSandbox({ clock: () => now, processingMs: 60_000, checksumDelayMs: 30_000 }, async (sb, c) => {
    c = new Client(sb, { now })
    const setId = await c.createSet(EN_US, 'APP_IPHONE_67')
    const png = makePng(1320, 2868)
    const id = await c.upload(setId, 'late.png', png)
    const read = async () => (await c.get(`/v1/appScreenshots/${id}`)).body.data.attributes
    expect((await read()).assetDeliveryState.state).toBe('UPLOAD_COMPLETE')
    now += 60_000
    expect(await read()).toMatchObject({ assetDeliveryState: { state: 'COMPLETE' }, sourceFileChecksum: null })
    expect(sb.store.findSet(EN_US, 'APP_IPHONE_67')!.items[0]).toMatchObject({ state: 'COMPLETE', sourceFileChecksum: null })
    now += 30_000
    expect((await read()).sourceFileChecksum).toBe(md5(png))
  })
})

test('5xx and 429 faults act before anything happens and are deterministic per seed', async () => {
  const run = async (seed: number): Promise<number[]> => {
    let statuses: number[] = []
    await withSandbox({ randomSeed: seed, faults: { api5xxRate: 0.3, api429Rate: 0.2 } }, async (sb, c) => {
      for (let i = 0; i < 30; i++) statuses.push((await c.get('/v1/apps')).status)
      const failed = sb.requests.filter(r => r.status >= 500).length
      expect(failed).toBeGreaterThan(0)
      const r429 = sb.requests.find(r => r.status === 429)
      expect(r429).toBeDefined()
      statuses = sb.requests.map(r => r.status)
    })
    return statuses
  }
  const a = await run(7)
  expect(await run(7)).toEqual(a)
  expect(await run(8)).not.toEqual(a)
  expect(a.every(s => [200, 429, 500, 503].includes(s))).toBe(true)
})

test('a 429 burst fault carries Retry-After; `only` restricts faults', async () => {
  await withSandbox({ faults: { api429Rate: 1, only: r => r.method === 'POST' } }, async (sb, c) => {
    expect((await c.get('/v1/apps')).status).toBe(200)
    const before = sb.store.countSets()
    const r = await c.call('POST', '/v1/appScreenshotSets', {
      data: { type: 'appScreenshotSets', attributes: { screenshotDisplayType: 'APP_IPHONE_67' }, relationships: { appStoreVersionLocalization: { data: { type: 'appStoreVersionLocalizations', id: EN_US } } } }
    })
    expect(r.status).toBe(429)
    expect(r.headers['retry-after']).toBe('1')
    expect(sb.store.countSets()).toBe(before)
  })
})

test('lost responses: the write happens, the answer is a 500', async () => {
  await withSandbox({ faults: { lostResponseRate: 1 } }, async (sb, c) => {
    const r = await c.call('POST', '/v1/appScreenshotSets', {
      data: { type: 'appScreenshotSets', attributes: { screenshotDisplayType: 'APP_IPHONE_67' }, relationships: { appStoreVersionLocalization: { data: { type: 'appStoreVersionLocalizations', id: EN_US } } } }
    })
    expect(r.status).toBe(500)
    expect(sb.store.findSet(EN_US, 'APP_IPHONE_67')).toBeDefined()
    expect((await c.get('/v1/apps')).status).toBe(200) // reads are not affected
    expect(sb.requests.filter(q => q.method !== 'GET')).toHaveLength(1)
  })
})

test('upload resets drop the connection; the part can be re-sent; injected processing failures', async () => {
  await withSandbox({ faults: { uploadResetRate: 1, processingFailures: ['doomed.png'] }, processingMs: 5 }, async (sb, c) => {
    const setId = await c.createSet(EN_US, 'APP_IPHONE_67')
    const png = makePng(1290, 2796, { padding: 300_000 })
    const r = await c.reserve(setId, 'ok.png', png.length)
    const op = r.body.data.attributes.uploadOperations[0]
    await expect(putPart(op, png)).rejects.toThrow()
    expect(sb.requests.at(-1)).toMatchObject({ host: 'upload', status: 0 })
    sb.faults.uploadResetRate = 0
    expect((await putPart(op, png)).status).toBe(200)
    expect((await c.commit(r.body.data.id, md5(png))).status).toBe(200)
    const doomed = await c.upload(setId, 'doomed.png', png)
    await new Promise(res => setTimeout(res, 20))
    expect(sb.store.fileNames(EN_US, 'APP_IPHONE_67')).toEqual(['ok.png', 'doomed.png'])
    expect(sb.store.findSet(EN_US, 'APP_IPHONE_67')!.items.map(i => i.state)).toEqual(['COMPLETE', 'FAILED'])
    expect(sb.store.assets.get(doomed)!.outcome!.errors[0]!.code).toBe('IMAGE_TOOL_FAILURE')
    const uploads = sb.requests.filter(q => q.host === 'upload')
    expect(uploads.every(q => !q.authorization)).toBe(true)
  })
})

test('latency and bandwidth options apply; setOptions changes them at runtime; keep-alive + close', async () => {
  await withSandbox({ apiLatencyMs: 80 }, async (sb, c) => {
    let t = performance.now()
    await c.get('/v1/apps')
    expect(performance.now() - t).toBeGreaterThanOrEqual(75)
    sb.setOptions({ apiLatencyMs: 0, uploadBandwidthBytesPerSec: 1_000_000, uploadLatencyMs: 50 })
    const setId = await c.createSet(EN_US, 'APP_IPHONE_67')
    const png = makePng(1290, 2796, { padding: 400_000 })
    const r = await c.reserve(setId, 'slow.png', png.length)
    const r2 = await c.reserve(setId, 'slow2.png', png.length)
    t = performance.now()
    // The cap is the link's, shared: two parts of ~400 KB at once at 1 MB/s take ~0.8 s, not ~0.4 s each side by side.
    const statuses = await Promise.all([r, r2].map(x => putPart(x.body.data.attributes.uploadOperations[0], png).then(res => res.status)))
    expect(statuses).toEqual([200, 200])
    expect(performance.now() - t).toBeGreaterThanOrEqual(700)
    // A kept-alive connection does not keep close() waiting.
    const res = await request(`${sb.url}/v1/apps`, { headers: { authorization: `Bearer ${await token(sb)}` } })
    await res.body.text()
    expect(res.headers.connection).toBe('keep-alive')
  })
})
