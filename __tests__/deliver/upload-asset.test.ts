/**
 * The upload engine against the sandbox, for what only shows mid-run: a file that changes after it
 * was checked is not uploaded half-old, half-new. It fails with a message that says what to do, and
 * its reservation is deleted, so nothing is left for the next run to clean up.
 */
import { appendFileSync } from 'node:fs'
import { rm } from 'node:fs/promises'
import path from 'node:path'
import { startSandbox, type Sandbox } from '../../src/sandbox/index.js'
import { IPHONE, runOnce, setContents, tempWorkspace, writeMapping, writePng } from '../e2e/harness.js'

describe('uploadAsset', () => {
  let sandbox: Sandbox
  let ws: string

  beforeEach(async () => {
    sandbox = await startSandbox({ processingMs: 20 })
    ws = await tempWorkspace()
    await writeMapping(ws, 'screenshots:\n  - files: "shots/{locale}/*.png"\n    display-type: APP_IPHONE_67\n')
    for (const n of [1, 2, 3]) await writePng(ws, `shots/en-US/${n}.png`, IPHONE[0], IPHONE[1], n)
  })

  afterEach(async () => {
    await sandbox.close()
    await rm(ws, { recursive: true, force: true })
  })

  it('a file that grows after the checks fails with "changed while the run was reading it" and leaves no reservation', async () => {
    // concurrency 1: two files in progress, so 3.png is read only once the first file is done.
    let grown = false
    const run = await runOnce(sandbox, ws, {
      inputs: { concurrency: '1', locales: 'en-US' },
      onProgress: e => {
        if (e.type !== 'uploaded' || grown) return
        grown = true
        appendFileSync(path.join(ws, 'shots/en-US/3.png'), Buffer.alloc(100))
      }
    })
    expect(run.error).toBeUndefined()
    expect(run.counts).toMatchObject({ uploaded: 2, failed: 1 })
    const entry = run.entries.find(e => e.file === 'shots/en-US/3.png')
    expect(entry?.errors?.[0]?.description).toMatch(/^shots\/en-US\/3\.png changed while the run was reading it \(\d+ bytes, now \d+\); run again once it is final\.$/)
    expect(setContents(sandbox, 'en-US', 'APP_IPHONE_67')).toEqual(['1.png:COMPLETE', '2.png:COMPLETE'])
    // Its reservation was made (the read runs beside it) and then deleted; no bytes were sent for it.
    expect(sandbox.requests.filter(r => r.method === 'DELETE' && r.path.startsWith('/v1/appScreenshots/'))).toHaveLength(1)
    expect(sandbox.requests.filter(r => r.host === 'upload')).toHaveLength(2)
  })
})
