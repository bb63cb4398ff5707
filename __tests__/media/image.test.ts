import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { PNG } from 'pngjs'
import { MediaError, probeImage } from '../../src/media/index.js'
import { encodePng } from '../../src/media/png-writer.js'
import { fixture, useTempDir } from './helpers.js'

const tmp = useTempDir()

async function reasonOf(path: string): Promise<string> {
  const err = await probeImage(path).then(
    () => undefined,
    (e: unknown) => e
  )
  expect(err).toBeInstanceOf(MediaError)
  return (err as MediaError).reason
}

describe('probeImage', () => {
  it('reads PNG dimensions and no alpha for an RGB PNG', async () => {
    expect(await probeImage(fixture('opaque.png'))).toEqual({ format: 'png', width: 64, height: 48, hasAlpha: false })
  })

  it('reports alpha for an RGBA PNG', async () => {
    expect(await probeImage(fixture('alpha.png'))).toMatchObject({ format: 'png', hasAlpha: true })
  })

  it('reports alpha for an RGB PNG with a tRNS chunk', async () => {
    const png = encodePng({ width: 4, height: 4, fill: [1, 2, 3], chunks: [{ type: 'tRNS', data: Buffer.from([0, 1, 0, 2, 0, 3]) }] })
    const path = join(tmp(), 'trns.png')
    writeFileSync(path, png)
    expect(await probeImage(path)).toMatchObject({ hasAlpha: true, width: 4, height: 4 })
  })

  it('reads JPEG dimensions from the SOF marker', async () => {
    expect(await probeImage(fixture('photo.jpg'))).toEqual({ format: 'jpeg', width: 320, height: 240, hasAlpha: false })
  })

  it('detects the real format from the bytes, not the extension', async () => {
    expect((await probeImage(fixture('really-jpeg.png'))).format).toBe('jpeg')
  })

  it('rejects a zero-byte file as empty', async () => {
    expect(await reasonOf(fixture('empty.png'))).toBe('empty')
  })

  it('rejects a text file as not an image', async () => {
    expect(await reasonOf(fixture('not-an-image.png'))).toBe('not-image')
  })

  it('rejects a truncated PNG, saying which chunk is cut', async () => {
    await expect(probeImage(fixture('truncated.png'))).rejects.toThrow(/truncated PNG.*IDAT/)
    expect(await reasonOf(fixture('truncated.png'))).toBe('truncated')
  })

  it('rejects a PNG with one flipped byte (CRC mismatch)', async () => {
    const bytes = readFileSync(fixture('opaque.png'))
    bytes[60] ^= 0x01 // inside IDAT data
    const path = join(tmp(), 'flipped.png')
    writeFileSync(path, bytes)
    await expect(probeImage(path)).rejects.toThrow(/IDAT chunk .* fails its CRC check/)
    expect(await reasonOf(path)).toBe('corrupt')
  })

  it('rejects a PNG whose first chunk is not IHDR', async () => {
    const png = encodePng({ width: 2, height: 2 })
    const path = join(tmp(), 'no-ihdr.png')
    writeFileSync(path, Buffer.concat([png.subarray(0, 8), png.subarray(8 + 25)]))
    await expect(probeImage(path)).rejects.toThrow(/first chunk is IDAT, not IHDR/)
  })

  it('rejects a JPEG cut before its frame header', async () => {
    const path = join(tmp(), 'cut.jpg')
    writeFileSync(path, readFileSync(fixture('photo.jpg')).subarray(0, 30))
    expect(await reasonOf(path)).toBe('truncated')
  })

  it('names other image formats it recognises (GIF)', async () => {
    const path = join(tmp(), 'x.png')
    writeFileSync(path, Buffer.from('474946383961010001000000002c00000000010001000002', 'hex'))
    await expect(probeImage(path)).rejects.toThrow(/is a GIF image; only PNG and JPEG are accepted/)
  })

  it('turns a missing file into a MediaError', async () => {
    await expect(probeImage(fixture('does-not-exist.png'))).rejects.toThrow(/does not exist/)
  })

  it('walks a large multi-chunk PNG (bigger than the read window)', async () => {
    const big = encodePng({ width: 1320, height: 2868, fill: [10, 20, 30], noise: 0.065, level: 1 })
    expect(big.length).toBeGreaterThan(1_000_000)
    const path = join(tmp(), 'big.png')
    writeFileSync(path, big)
    expect(await probeImage(path)).toEqual({ format: 'png', width: 1320, height: 2868, hasAlpha: false })
  })
})

describe('encodePng', () => {
  it('writes PNGs that pngjs decodes to the requested pixels', () => {
    const png = PNG.sync.read(encodePng({ width: 3, height: 2, rgb: (x, y) => [x * 10, y * 20, 7] }))
    expect([png.width, png.height]).toEqual([3, 2])
    expect([...png.data.subarray((1 * 3 + 2) * 4, (1 * 3 + 2) * 4 + 4)]).toEqual([20, 20, 7, 255])
  })

  it('writes colour type 6 when alpha is asked for', async () => {
    const path = join(tmp(), 'rgba.png')
    writeFileSync(path, encodePng({ width: 5, height: 5, alpha: true, rgb: () => [0, 0, 0, 0] }))
    expect(await probeImage(path)).toMatchObject({ hasAlpha: true })
    expect(PNG.sync.read(readFileSync(path)).data[3]).toBe(0)
  })

  it('noise makes the file large and deterministic', () => {
    const a = encodePng({ width: 400, height: 400, noise: 0.5, seed: 7 })
    const b = encodePng({ width: 400, height: 400, noise: 0.5, seed: 7 })
    expect(a.equals(b)).toBe(true)
    expect(a.length).toBeGreaterThan(encodePng({ width: 400, height: 400 }).length * 20)
  })
})
