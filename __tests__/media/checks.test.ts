import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { checkPreview, checkScreenshot } from '../../src/media/index.js'
import { makePaddedMp4 } from '../../src/media/padded-mp4.js'
import { encodePng } from '../../src/media/png-writer.js'
import { fixture, useTempDir } from './helpers.js'

const tmp = useTempDir()

function screenshot(name: string, width: number, height: number, alpha = false): string {
  const path = join(tmp(), name)
  writeFileSync(path, encodePng({ width, height, alpha, fill: [30, 60, 90] }))
  return path
}

const messages = (problems: { message: string }[]) => problems.map(p => p.message)

describe('checkScreenshot', () => {
  it('accepts a correct opaque PNG in portrait and landscape', async () => {
    expect(await checkScreenshot(screenshot('p.png', 1320, 2868), 'shots/p.png', 'APP_IPHONE_67')).toEqual([])
    expect(await checkScreenshot(screenshot('l.png', 2868, 1320), 'shots/l.png', 'APP_IPHONE_67')).toEqual([])
  })

  it('lists the accepted sizes for a wrong size', async () => {
    const problems = await checkScreenshot(screenshot('s.png', 1000, 2000), 'shots/s.png', 'APP_IPHONE_67')
    expect(problems).toEqual([
      {
        file: 'shots/s.png',
        category: 'asset',
        message: 'is 1000×2000; APP_IPHONE_67 accepts 1260×2736, 1290×2796, 1320×2868 (portrait or landscape)'
      }
    ])
  })

  it('says landscape only for Mac screenshots', async () => {
    const problems = await checkScreenshot(screenshot('m.png', 800, 1280), 'm.png', 'APP_DESKTOP')
    expect(messages(problems)[0]).toMatch(/APP_DESKTOP accepts 1280×800, .* \(landscape only\)/)
  })

  it('flags alpha', async () => {
    const problems = await checkScreenshot(screenshot('a.png', 1320, 2868, true), 'a.png', 'APP_IPHONE_67')
    expect(messages(problems)).toEqual([expect.stringMatching(/alpha channel/)])
  })

  it('flags a .png that is really a JPEG, naming both formats', async () => {
    const problems = await checkScreenshot(fixture('really-jpeg.png'), 'really-jpeg.png', 'APP_IPHONE_67')
    expect(messages(problems)).toContainEqual(expect.stringMatching(/named \.png but is really a JPEG/))
  })

  it('flags an extension that is not accepted', async () => {
    const path = join(tmp(), 'shot.webp')
    writeFileSync(path, encodePng({ width: 1320, height: 2868 }))
    const problems = await checkScreenshot(path, 'shot.webp', 'APP_IPHONE_67')
    expect(messages(problems)).toEqual([expect.stringMatching(/extension "\.webp"; screenshots must be \.png, \.jpg, \.jpeg/)])
  })

  it('flags an unknown display type, suggesting the right one and listing valid values', async () => {
    const problems = await checkScreenshot(screenshot('u.png', 1320, 2868), 'u.png', 'IPHONE_67')
    expect(messages(problems)).toEqual([expect.stringMatching(/unknown display type "IPHONE_67"\. Did you mean APP_IPHONE_67\? Valid values: APP_IPHONE_67, /)])
  })

  it.each([
    ['empty.png', /is empty/],
    ['truncated.png', /truncated PNG/],
    ['not-an-image.png', /not a PNG or JPEG/]
  ])('turns a bad file (%s) into a problem naming the file', async (name, pattern) => {
    const problems = await checkScreenshot(fixture(name), `fixtures/${name}`, 'APP_IPHONE_67')
    expect(problems).toHaveLength(1)
    expect(problems[0].file).toBe(`fixtures/${name}`)
    expect(problems[0].message).toMatch(pattern)
    expect(problems[0].message).not.toContain(fixture(name))
  })
})

describe('checkPreview', () => {
  it('accepts a correct preview (.mp4 and .mov)', async () => {
    expect(await checkPreview(fixture('ok-16s.mp4'), 'ok.mp4', 'IPHONE_67')).toEqual([])
    expect(await checkPreview(fixture('ok-16s.mov'), 'ok.mov', 'IPHONE_67')).toEqual([])
    expect(await checkPreview(fixture('rotated.mp4'), 'rot.mp4', 'IPHONE_67')).toEqual([])
  })

  it('requires an audio track', async () => {
    expect(messages(await checkPreview(fixture('no-audio.mp4'), 'n.mp4', 'IPHONE_67'))).toEqual([expect.stringMatching(/no audio track/)])
  })

  it('requires 15–30 seconds', async () => {
    expect(messages(await checkPreview(fixture('short-10s.mp4'), 's.mp4', 'IPHONE_67'))).toEqual(['is 10.0 s long; app previews must be 15–30 seconds'])
  })

  it('lists the accepted resolution', async () => {
    expect(messages(await checkPreview(fixture('wrong-size.mp4'), 'w.mp4', 'IPHONE_67'))).toContain(
      'is 1080×1920; IPHONE_67 previews accept 886×1920 (portrait or landscape)'
    )
  })

  it('requires 23–30 fps', async () => {
    expect(messages(await checkPreview(fixture('fps-60.mp4'), 'f.mp4', 'IPHONE_67'))).toContainEqual(expect.stringMatching(/60\.00 fps; app previews must be 23–30 fps/))
  })

  it('flags an unknown preview type and a wrong extension', async () => {
    const path = join(tmp(), 'clip.avi')
    await makePaddedMp4(fixture('ok-16s.mp4'), path, 200_000)
    const problems = messages(await checkPreview(path, 'clip.avi', 'APP_IPHONE_67'))
    expect(problems).toEqual([
      expect.stringMatching(/unknown preview type "APP_IPHONE_67"\. .*Valid values: IPHONE_67/),
      expect.stringMatching(/extension "\.avi"; app previews must be \.mov, \.m4v, \.mp4/)
    ])
  })

  it('flags files over 500 MB', async () => {
    const path = join(tmp(), 'huge.mp4')
    await makePaddedMp4(fixture('ok-16s.mp4'), path, 501 * 1024 * 1024)
    expect(messages(await checkPreview(path, 'huge.mp4', 'IPHONE_67'))).toEqual(['is 501.0 MB; app previews must be at most 500.0 MB'])
  })

  it('turns a non-video into a problem', async () => {
    const problems = await checkPreview(fixture('photo.jpg'), 'photo.mp4', 'IPHONE_67')
    expect(messages(problems)).toContainEqual(expect.stringMatching(/is not an MP4\/MOV video/))
  })
})
