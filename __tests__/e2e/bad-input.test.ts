/**
 * Bad input is refused with a message that names the file and field, before any write.
 */
import { rm } from 'node:fs/promises'
import { startSandbox, type Sandbox } from '../../src/sandbox/index.js'
import { IPHONE, runDelivery, runOnce, tempWorkspace, writeMapping, writePng, writes } from './harness.js'

describe('bad input gives a clear error and zero writes', () => {
  let sandbox: Sandbox
  let ws: string

  beforeAll(async () => {
    sandbox = await startSandbox()
  })
  afterAll(() => sandbox.close())
  beforeEach(async () => {
    sandbox.resetLog()
    ws = await tempWorkspace()
    await writePng(ws, 'shots/en-US/1.png', IPHONE[0], IPHONE[1], 1)
  })
  afterEach(() => rm(ws, { recursive: true, force: true }))

  it('a mapping file with a YAML syntax error names the file, line and column', async () => {
    await writeMapping(ws, 'screenshots:\n  - files: "shots/{locale}/*.png"\n    display-type: [APP_IPHONE_67\n')
    const run = await runDelivery(sandbox, ws)
    expect(run.error?.message).toMatch(/app-store-assets\.yml:\d+:\d+: /)
    expect(run.error?.message).toContain('nothing was changed on App Store Connect')
    // Only the app and version lookups (reads) may have left; nothing was written.
    expect(writes(sandbox)).toBe(0)
  })

  it('an unknown display type names the entry, the value and what is accepted', async () => {
    await writeMapping(ws, 'screenshots:\n  - files: "shots/{locale}/*.png"\n    display-type: APP_IPHONE_99\n')
    const run = await runDelivery(sandbox, ws)
    expect(run.error?.message).toContain('app-store-assets.yml:3:19: screenshots[0].display-type: "APP_IPHONE_99" is not a display type; accepted: APP_IPHONE_67')
    // Only the app and version lookups (reads) may have left; nothing was written.
    expect(writes(sandbox)).toBe(0)
  })

  it('a wrong-size image names the file, its size and the accepted sizes', async () => {
    await writePng(ws, 'shots/en-US/2.png', 1000, 2000, 2)
    await writeMapping(ws, 'screenshots:\n  - files: "shots/{locale}/*.png"\n    display-type: APP_IPHONE_67\n')
    const run = await runDelivery(sandbox, ws)
    expect(run.error?.message).toContain('shots/en-US/2.png: is 1000×2000; APP_IPHONE_67 accepts 1260×2736, 1290×2796, 1320×2868')
    // The app and version are read while the files are checked; nothing is written.
    expect(writes(sandbox)).toBe(0)
  })

  it('every problem is reported together', async () => {
    await writePng(ws, 'shots/en-US/2.png', 1000, 2000, 2)
    await writePng(ws, 'shots/en-US/3.png', IPHONE[0], IPHONE[1], 3, true)
    await writeMapping(ws, 'screenshots:\n  - files: "shots/{locale}/*.png"\n    display-type: APP_IPHONE_67\n')
    const run = await runDelivery(sandbox, ws)
    expect(run.error?.message).toMatch(/problems \(2\)/)
    expect(run.error?.message).toContain('shots/en-US/3.png: has an alpha channel')
    expect(writes(sandbox)).toBe(0)
  })

  it('a mapping mistake is reported rather than the rejected key whose lookup ran meanwhile', async () => {
    await writeMapping(ws, 'screenshots:\n  - files: "shots/{locale}/*.png"\n    display-type: APP_IPHONE_99\n')
    // As in the action, the app lookup leaves first; here it is answered (401) before the mapping is even read.
    const run = await runOnce(sandbox, ws, { inputs: { 'private-key': sandbox.keys.individualPrivateKeyPem }, lookupFirst: true })
    expect(new Set(sandbox.requests.map(r => `${r.method} ${r.path} ${r.status}`))).toEqual(new Set(['GET /v1/apps 401']))
    expect(run.error?.message).toContain('screenshots[0].display-type: "APP_IPHONE_99" is not a display type')
    expect(run.error?.message).not.toMatch(/401/)
  })

  it('a key App Store Connect rejects gives a 401 explanation and no writes', async () => {
    await writeMapping(ws, 'screenshots:\n  - files: "shots/{locale}/*.png"\n    display-type: APP_IPHONE_67\n')
    const run = await runDelivery(sandbox, ws, { 'private-key': sandbox.keys.individualPrivateKeyPem })
    expect(run.error?.message).toMatch(/rejected GET \/v1\/apps: 401 NOT_AUTHORIZED/)
    expect(run.error?.message).toContain('Check key-id, issuer-id')
    expect(writes(sandbox)).toBe(0)
  })

  it('a private key that is not PEM is refused before any request, without echoing it', async () => {
    await writeMapping(ws, 'screenshots:\n  - files: "shots/{locale}/*.png"\n    display-type: APP_IPHONE_67\n')
    const run = await runDelivery(sandbox, ws, { 'private-key': 'not-a-key-at-all-SECRETISH' })
    expect(run.error?.message).toMatch(/^Input "private-key": is not a PEM private key/)
    expect(run.error?.message).not.toContain('SECRETISH')
    // Only the app and version lookups (reads) may have left; nothing was written.
    expect(writes(sandbox)).toBe(0)
  })

  it('a version that is not editable is named with its state and nothing is written', async () => {
    await writeMapping(ws, 'screenshots:\n  - files: "shots/{locale}/*.png"\n    display-type: APP_IPHONE_67\n')
    const run = await runDelivery(sandbox, ws, { version: '1.1.0' })
    expect(run.error?.message).toMatch(/IOS version 1\.1\.0 \(READY_FOR_DISTRIBUTION\) cannot be changed/)
    expect(writes(sandbox)).toBe(0)
  })

  it('a missing version lists the versions that exist', async () => {
    await writeMapping(ws, 'screenshots:\n  - files: "shots/{locale}/*.png"\n    display-type: APP_IPHONE_67\n')
    const run = await runDelivery(sandbox, ws, { version: '9.9.9' })
    expect(run.error?.message).toMatch(/IOS version 9\.9\.9 was not found\. Versions found: .*1\.2\.0 \(PREPARE_FOR_SUBMISSION\).*1\.1\.0/)
  })

  it('a locale with files that the version lacks is named', async () => {
    await writePng(ws, 'shots/fr-FR/1.png', IPHONE[0], IPHONE[1], 4)
    await writeMapping(ws, 'screenshots:\n  - files: "shots/{locale}/*.png"\n    display-type: APP_IPHONE_67\n')
    const run = await runDelivery(sandbox, ws)
    expect(run.error?.message).toMatch(/locale "fr-FR" has files but version 1\.2\.0 has no fr-FR localization/)
    expect(writes(sandbox)).toBe(0)
  })

  it('an unknown bundle id says so', async () => {
    await writeMapping(ws, 'screenshots:\n  - files: "shots/{locale}/*.png"\n    display-type: APP_IPHONE_67\n')
    const run = await runDelivery(sandbox, ws, { 'bundle-id': 'com.example.nope' })
    expect(run.error?.message).toMatch(/No app with bundle id "com\.example\.nope"/)
  })

  it('a missing mapping file says where it looked and how to fix it', async () => {
    const run = await runDelivery(sandbox, ws, { mapping: 'nope.yml' })
    expect(run.error?.message).toMatch(/nope\.yml not found/)
    expect(writes(sandbox)).toBe(0)
  })
})
