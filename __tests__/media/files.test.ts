import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { join, sep } from 'node:path'
import type { Readable } from 'node:stream'
import { describeFile, ensureHashed, hashFile, hashLoaded, mimeTypeFor, readRange, toDisplayPath } from '../../src/media/index.js'
import { FIXTURES, fixture } from './helpers.js'

async function collect(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = []
  for await (const chunk of stream) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks)
}

describe('hashFile', () => {
  it.each(['ok-16s.mp4', 'opaque.png', 'empty.png'])('equals crypto md5 of the whole buffer (%s)', async name => {
    const expected = createHash('md5').update(readFileSync(fixture(name))).digest('hex')
    expect((await hashFile(fixture(name), false)).md5).toBe(expected)
  })
})

describe('describeFile', () => {
  it('gives size, md5, file name and a forward-slash workspace-relative path', async () => {
    const workspace = join(FIXTURES, '..', '..')
    const asset = await describeFile(fixture('photo.jpg'), workspace)
    expect(asset).toEqual({
      path: fixture('photo.jpg'),
      displayPath: 'fixtures/media/photo.jpg',
      fileName: 'photo.jpg',
      size: readFileSync(fixture('photo.jpg')).length,
      md5: createHash('md5').update(readFileSync(fixture('photo.jpg'))).digest('hex'),
      sha256: createHash('sha256').update(readFileSync(fixture('photo.jpg'))).digest('hex')
    })
  })

  it('with hash: false gives the facts without hashes; ensureHashed fills them in once', async () => {
    const bytes = readFileSync(fixture('opaque.png'))
    const asset = await describeFile(fixture('opaque.png'), FIXTURES, { hash: false })
    expect(asset).toEqual({ path: fixture('opaque.png'), displayPath: 'opaque.png', fileName: 'opaque.png', size: bytes.length })
    const [first, second] = await Promise.all([ensureHashed(asset), ensureHashed(asset)])
    expect(first).toBe(asset)
    expect(second).toBe(asset)
    expect(asset.md5).toBe(createHash('md5').update(bytes).digest('hex'))
    expect(asset.sha256).toBeUndefined()
    await ensureHashed(asset, true)
    expect(asset.sha256).toBe(createHash('sha256').update(bytes).digest('hex'))
  })

  it('hashLoaded takes the MD5 from bytes already read, and keeps one already known', async () => {
    const bytes = readFileSync(fixture('opaque.png'))
    const asset = await describeFile(fixture('opaque.png'), FIXTURES, { hash: false })
    expect(hashLoaded(asset, bytes).md5).toBe(createHash('md5').update(bytes).digest('hex'))
    expect(hashLoaded(asset, Buffer.from('other bytes')).md5).toBe(createHash('md5').update(bytes).digest('hex'))
  })

  it('rejects a directory', async () => {
    await expect(describeFile(FIXTURES, FIXTURES)).rejects.toThrow(/not a regular file/)
  })

  it('shows paths outside the workspace absolutely', () => {
    expect(toDisplayPath(`${sep}elsewhere${sep}a.png`, `${sep}work`)).toBe('/elsewhere/a.png')
  })
})

describe('readRange', () => {
  const whole = readFileSync(fixture('ok-16s.mp4'))

  it('streams exactly [offset, offset + length)', async () => {
    expect((await collect(readRange(fixture('ok-16s.mp4'), 1000, 70_000))).equals(whole.subarray(1000, 71_000))).toBe(true)
  })

  it('streams the tail of the file', async () => {
    const offset = whole.length - 123
    expect((await collect(readRange(fixture('ok-16s.mp4'), offset, 123))).equals(whole.subarray(offset))).toBe(true)
  })

  it('streams nothing for a zero-length range', async () => {
    expect((await collect(readRange(fixture('ok-16s.mp4'), 10, 0))).length).toBe(0)
  })

  it('uses a modest buffer so parallel parts stay small', () => {
    expect(readRange(fixture('ok-16s.mp4'), 0, 10).readableHighWaterMark).toBeLessThanOrEqual(256 * 1024)
  })

  it('rejects negative or fractional ranges', () => {
    expect(() => readRange(fixture('ok-16s.mp4'), -1, 10)).toThrow(RangeError)
    expect(() => readRange(fixture('ok-16s.mp4'), 0, 1.5)).toThrow(RangeError)
  })
})

describe('mimeTypeFor', () => {
  it.each([
    ['a.png', 'image/png'],
    ['a.JPG', 'image/jpeg'],
    ['a.jpeg', 'image/jpeg'],
    ['a.mp4', 'video/mp4'],
    ['a.m4v', 'video/x-m4v'],
    ['a.MOV', 'video/quicktime'],
    ['a.gif', 'application/octet-stream']
  ])('%s → %s', (name, mime) => {
    expect(mimeTypeFor(name)).toBe(mime)
  })
})
