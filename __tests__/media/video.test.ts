import { readFileSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { MediaError, probeVideo } from '../../src/media/index.js'
import { makePaddedMp4 } from '../../src/media/padded-mp4.js'
import { fixture, useTempDir } from './helpers.js'

const tmp = useTempDir()
const MB = 1024 * 1024

const OK_FACTS = {
  container: 'mp4',
  brand: 'isom',
  width: 886,
  height: 1920,
  durationSeconds: 16,
  fps: 30,
  hasAudio: true,
  audioCodec: 'mp4a.40.2',
  audioChannels: 2
}

describe('probeVideo', () => {
  it('reads container, size, duration, fps and audio of an MP4 (moov after mdat)', async () => {
    const info = await probeVideo(fixture('ok-16s.mp4'))
    expect(info).toMatchObject(OK_FACTS)
    expect(info.videoCodec).toMatch(/^avc1\./)
  })

  it('maps the QuickTime brand to mov', async () => {
    expect(await probeVideo(fixture('ok-16s.mov'))).toMatchObject({ ...OK_FACTS, container: 'mov', brand: 'qt' })
  })

  it('reports a missing audio track', async () => {
    const info = await probeVideo(fixture('no-audio.mp4'))
    expect(info.hasAudio).toBe(false)
    expect(info.audioCodec).toBeUndefined()
  })

  it('reads short durations, other sizes and frame rates', async () => {
    expect(await probeVideo(fixture('short-10s.mp4'))).toMatchObject({ durationSeconds: 10, fps: 30 })
    expect(await probeVideo(fixture('wrong-size.mp4'))).toMatchObject({ width: 1080, height: 1920 })
    expect(await probeVideo(fixture('fps-60.mp4'))).toMatchObject({ fps: 60, durationSeconds: 8 })
  })

  it('gives the display size of a track rotated by its matrix', async () => {
    expect(await probeVideo(fixture('rotated.mp4'))).toMatchObject({ width: 886, height: 1920 })
  })

  it('rejects an image as not a video', async () => {
    await expect(probeVideo(fixture('opaque.png'))).rejects.toMatchObject({ reason: 'not-video' })
  })

  it('rejects a zero-byte file as empty', async () => {
    await expect(probeVideo(fixture('empty.png'))).rejects.toMatchObject({ reason: 'empty' })
  })

  it('rejects a file cut before its moov', async () => {
    const path = join(tmp(), 'cut.mp4')
    writeFileSync(path, readFileSync(fixture('ok-16s.mp4')).subarray(0, 50_000))
    const err = await probeVideo(path).catch((e: unknown) => e)
    expect(err).toBeInstanceOf(MediaError)
    expect((err as MediaError).reason).toBe('truncated')
    expect((err as MediaError).message).toMatch(/ends inside its mdat box/)
  })

  it('rejects a damaged moov', async () => {
    const bytes = readFileSync(fixture('ok-16s.mp4'))
    const moov = bytes.lastIndexOf('moov')
    bytes.fill(0xff, moov + 4, moov + 400)
    const path = join(tmp(), 'bad-moov.mp4')
    writeFileSync(path, bytes)
    await expect(probeVideo(path)).rejects.toMatchObject({ reason: 'corrupt', message: expect.stringMatching(/damaged video/) })
    bytes.fill(0, moov + 4, moov + 400) // zeros make mp4box itself throw; still a MediaError
    writeFileSync(path, bytes)
    await expect(probeVideo(path)).rejects.toMatchObject({ reason: 'corrupt' })
  })
})

describe('makePaddedMp4', () => {
  it.each(['end', 'before-moov'] as const)('pads to the exact size and still probes the same (%s)', async placement => {
    const path = join(tmp(), `pad-${placement}.mp4`)
    await makePaddedMp4(fixture('ok-16s.mp4'), path, 40 * MB + 3, { placement })
    const st = statSync(path)
    expect(st.size).toBe(40 * MB + 3)
    expect(st.blocks * 512).toBeLessThan(8 * MB) // sparse: the padding takes no disk
    expect(await probeVideo(path)).toEqual(await probeVideo(fixture('ok-16s.mp4')))
  })

  it('uses a 64-bit box size past 4 GiB', async () => {
    const path = join(tmp(), 'pad-5g.mp4')
    await makePaddedMp4(fixture('ok-16s.mp4'), path, 5 * 1024 * MB, { placement: 'before-moov' })
    expect(statSync(path).size).toBe(5 * 1024 * MB)
    expect(await probeVideo(path)).toMatchObject(OK_FACTS)
  })

  it('refuses a target smaller than the source', async () => {
    await expect(makePaddedMp4(fixture('ok-16s.mp4'), join(tmp(), 'x.mp4'), 1000)).rejects.toThrow(RangeError)
  })

  it('refuses before-moov for a file whose moov comes first', async () => {
    await expect(makePaddedMp4(fixture('ok-16s.mov'), join(tmp(), 'y.mov'), 10 * MB, { placement: 'before-moov' })).rejects.toThrow(/must end with its moov/)
  })
})

describe('probeVideo memory', () => {
  it('probing a 200 MB padded file does not raise RSS by more than ~30 MB', async () => {
    const front = join(tmp(), 'mem-front.mp4')
    const back = join(tmp(), 'mem-back.mp4')
    await makePaddedMp4(fixture('ok-16s.mp4'), front, 200 * MB, { placement: 'before-moov' })
    await makePaddedMp4(fixture('ok-16s.mp4'), back, 200 * MB)
    await probeVideo(fixture('ok-16s.mp4')) // warm up module code so it is not counted
    const before = process.memoryUsage().rss
    let peak = before
    for (let i = 0; i < 3; i++) {
      for (const path of [front, back]) {
        expect(await probeVideo(path)).toMatchObject(OK_FACTS)
        peak = Math.max(peak, process.memoryUsage().rss)
      }
    }
    expect(peak - before).toBeLessThan(30 * MB)
  })
})
