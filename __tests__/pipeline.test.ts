/**
 * The engine's order of work: reads that planning needs start while the local files are still being
 * checked, and are not repeated afterwards. The screenshot check is held at a gate the test opens,
 * so "while" does not depend on how fast this machine checks files.
 */
import { jest } from '@jest/globals'
import { rm } from 'node:fs/promises'
import * as checks from '../src/media/checks.js'
import * as crc32 from '../src/media/crc32.js'
import * as files from '../src/media/files.js'
import * as image from '../src/media/image.js'
import * as mediaError from '../src/media/media-error.js'
import * as video from '../src/media/video.js'

let openGate!: () => void
const gate = new Promise<void>(resolve => (openGate = resolve))

// The media module as it is, except that checking a screenshot waits at the gate.
jest.unstable_mockModule('../src/media/index.js', () => {
  return {
    ...mediaError,
    ...image,
    ...video,
    ...files,
    ...crc32,
    checkPreview: checks.checkPreview,
    checkScreenshot: async (...args: Parameters<typeof checks.checkScreenshot>) => {
      await gate
      return checks.checkScreenshot(...args)
    }
  }
})

const { startSandbox } = await import('../src/sandbox/index.js')
const { IPHONE, runDelivery, setContents, tempWorkspace, writeMapping, writePng, writePreview } = await import('./e2e/harness.js')

const MAPPING = `screenshots:
  - files: "shots/{locale}/*.png"
    display-type: APP_IPHONE_67
previews:
  - files: "previews/{locale}/*.mp4"
    preview-type: IPHONE_67
`

describe('deliverMedia', () => {
  it('reads the version localizations\' sets while the files are checked, once', async () => {
    const sandbox = await startSandbox({ processingMs: 20 })
    const ws = await tempWorkspace()
    try {
      await writeMapping(ws, MAPPING)
      for (const [i, locale] of ['en-US', 'de-DE'].entries()) {
        await writePng(ws, `shots/${locale}/1.png`, IPHONE[0], IPHONE[1], i + 1)
        await writePreview(ws, `previews/${locale}/intro.mp4`)
      }
      const listings = () => sandbox.requests.filter(r => r.method === 'GET' && /\/appStoreVersionLocalizations\/[^/]+\/app(Screenshot|Preview)Sets$/.test(r.path))
      const running = runDelivery(sandbox, ws)
      // Two localizations × screenshot and preview sets, all read before any screenshot is checked.
      for (const until = Date.now() + 5000; listings().length < 4 && Date.now() < until; ) await new Promise(r => setTimeout(r, 10))
      const readWhileChecking = listings().length
      expect(sandbox.requests.filter(r => r.method !== 'GET')).toEqual([])
      openGate()
      const run = await running
      expect(run.error).toBeUndefined()
      expect(readWhileChecking).toBe(4)
      // Planning used those reads: before the first write no localization was listed twice (the
      // listings after it are the processing checks).
      const firstWrite = Math.min(...sandbox.requests.filter(r => r.method !== 'GET').map(r => r.at))
      expect(listings().filter(r => r.at < firstWrite)).toHaveLength(4)
      for (const locale of ['en-US', 'de-DE']) expect(setContents(sandbox, locale, 'APP_IPHONE_67')).toEqual(['1.png:COMPLETE'])
    } finally {
      openGate()
      await sandbox.close()
      await rm(ws, { recursive: true, force: true })
    }
  })
})
