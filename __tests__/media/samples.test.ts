/** The committed samples are what the demo uploads: they must pass our own pre-flight checks. */
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { checkPreview, checkScreenshot } from '../../src/media/index.js'
import { FIXTURES, SAMPLES } from './helpers.js'

const LOCALES = ['en-US', 'de-DE']
const SETS = [
  { dir: 'iphone-6.9', type: 'APP_IPHONE_67', count: 3 },
  { dir: 'ipad-13', type: 'APP_IPAD_PRO_3GEN_129', count: 2 }
]

describe('samples/', () => {
  it.each(LOCALES.flatMap(locale => SETS.map(set => [locale, set] as const)))('%s screenshots pass the checks', async (locale, set) => {
    const dir = join(SAMPLES, 'screenshots', locale, set.dir)
    const files = readdirSync(dir).filter(f => f.endsWith('.png'))
    expect(files).toHaveLength(set.count)
    for (const f of files) {
      expect(statSync(join(dir, f)).size).toBeLessThan(60 * 1024)
      expect(await checkScreenshot(join(dir, f), f, set.type)).toEqual([])
    }
  })

  it('the preview passes the checks and is small', async () => {
    const path = join(SAMPLES, 'previews', 'en-US', 'iphone-6.9', '1.mp4')
    expect(statSync(path).size).toBeLessThan(400 * 1024)
    expect(await checkPreview(path, '1.mp4', 'IPHONE_67')).toEqual([])
  })

  it('the mapping names the sample folders and types', () => {
    const yml = readFileSync(join(SAMPLES, 'app-store-assets.yml'), 'utf8')
    expect(yml).toContain('screenshots/{locale}/iphone-6.9/*.png')
    expect(yml).toContain('display-type: APP_IPAD_PRO_3GEN_129')
    expect(yml).toContain('frame-time-code: "00:00:05:00"')
  })

  it('every test fixture stays small', () => {
    for (const f of readdirSync(FIXTURES)) expect([f, statSync(join(FIXTURES, f)).size < 200 * 1024]).toEqual([f, true])
  })
})
