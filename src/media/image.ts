/**
 * Reads the facts App Store Connect cares about from a screenshot file: its real format (from the
 * bytes, not the extension), pixel size and whether it carries alpha. PNGs are fully walked
 * (every chunk's length and CRC through IEND) because a damaged upload is only reported by Apple
 * minutes later as a processing failure; catching it here fails fast and names the file.
 */
import { open, type FileHandle } from 'node:fs/promises'
import { imageSize } from 'image-size'
import { crc32 } from './crc32.js'
import { MediaError, unreadable } from './media-error.js'
import { WindowReader } from './window-reader.js'

export interface ImageInfo {
  format: 'png' | 'jpeg'
  width: number
  height: number
  hasAlpha: boolean
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])
/** Valid bit depths per PNG colour type (PNG spec, table 11.1). */
const PNG_DEPTHS: Record<number, number[]> = { 0: [1, 2, 4, 8, 16], 2: [8, 16], 3: [1, 2, 4, 8], 4: [8, 16], 6: [8, 16] }

export async function probeImage(path: string): Promise<ImageInfo> {
  let fh: FileHandle | undefined
  let reader: WindowReader | undefined
  try {
    fh = await open(path, 'r')
    const size = (await fh.stat()).size
    if (size === 0) throw new MediaError('empty', `${path} is empty (0 bytes)`)
    reader = new WindowReader(fh, size)
    const head = Buffer.from(await reader.bytes(0, Math.min(size, 64 * 1024)))
    if (head.subarray(0, 8).equals(PNG_SIGNATURE)) return await walkPng(reader, path)
    if (head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return await walkJpeg(reader, path)
    throw notPngOrJpeg(path, head)
  } catch (err) {
    throw unreadable(path, err)
  } finally {
    reader?.release()
    await fh?.close()
  }
}

/** Names what the file really is when image-size recognises it, so "it's a WebP" is obvious. */
function notPngOrJpeg(path: string, head: Buffer): MediaError {
  let type: string | undefined
  try {
    type = imageSize(head).type
  } catch {
    type = undefined
  }
  if (type) return new MediaError('unsupported-image', `${path} is a ${type.toUpperCase()} image; only PNG and JPEG are accepted`)
  return new MediaError('not-image', `${path} is not a PNG or JPEG image (its first bytes match neither format)`)
}

interface PngHeader {
  width: number
  height: number
  colorType: number
}

async function walkPng(reader: WindowReader, path: string): Promise<ImageInfo> {
  let pos = 8
  let header: PngHeader | undefined
  let sawTrns = false
  let sawIdat = false
  for (;;) {
    if (pos + 8 > reader.size) throw truncatedPng(path, header ? 'the IEND chunk' : 'the IHDR chunk')
    const chunkHead = await reader.bytes(pos, 8)
    const length = chunkHead.readUInt32BE(0)
    const type = chunkHead.toString('latin1', 4, 8)
    if (!/^[A-Za-z]{4}$/.test(type) || length > 0x7fffffff) {
      throw new MediaError('corrupt', `${path} is a damaged PNG: bad chunk header at byte ${pos}`)
    }
    if (pos + 12 + length > reader.size) throw truncatedPng(path, `the ${type} chunk`)
    if (!header && type !== 'IHDR') throw new MediaError('corrupt', `${path} is a damaged PNG: the first chunk is ${type}, not IHDR`)
    await verifyChunkCrc(reader, path, pos, length, type)
    if (type === 'IHDR') header = await readIhdr(reader, path, pos, length)
    if (type === 'tRNS') sawTrns = true
    if (type === 'IDAT') sawIdat = true
    if (type === 'IEND') break
    pos += 12 + length
  }
  if (!header || !sawIdat) throw new MediaError('corrupt', `${path} is a damaged PNG: it has no image data (IDAT)`)
  return { format: 'png', width: header.width, height: header.height, hasAlpha: header.colorType === 4 || header.colorType === 6 || sawTrns }
}

function truncatedPng(path: string, what: string): MediaError {
  return new MediaError('truncated', `${path} is a truncated PNG: the file ends inside ${what} (incomplete download or copy?)`)
}

/** The CRC covers type + data; data can be megabytes, so it is fed through the window in pieces. */
async function verifyChunkCrc(reader: WindowReader, path: string, pos: number, length: number, type: string): Promise<void> {
  let crc = crc32(await reader.bytes(pos + 4, 4))
  for (let done = 0; done < length; ) {
    const piece = await reader.bytes(pos + 8 + done, Math.min(reader.windowSize, length - done))
    crc = crc32(piece, crc)
    done += piece.length
  }
  const stored = (await reader.bytes(pos + 8 + length, 4)).readUInt32BE(0)
  if (stored !== crc) {
    throw new MediaError('corrupt', `${path} is a damaged PNG: the ${type} chunk at byte ${pos} fails its CRC check`)
  }
}

async function readIhdr(reader: WindowReader, path: string, pos: number, length: number): Promise<PngHeader> {
  const d = await reader.bytes(pos + 8, 13)
  const width = d.readUInt32BE(0)
  const height = d.readUInt32BE(4)
  const depth = d[8]
  const colorType = d[9]
  const valid = length === 13 && width > 0 && height > 0 && PNG_DEPTHS[colorType]?.includes(depth) && d[10] === 0 && d[11] === 0 && d[12] <= 1
  if (!valid) throw new MediaError('corrupt', `${path} is a damaged PNG: its IHDR header has invalid values`)
  return { width, height, colorType }
}

/** SOF0–SOF15 carry the frame size, except C4 (DHT), C8 (reserved JPG) and CC (DAC). */
function isStartOfFrame(marker: number): boolean {
  return marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc
}

/** Markers without a length field: TEM, RST0–7, SOI. */
function isStandalone(marker: number): boolean {
  return marker === 0x01 || (marker >= 0xd0 && marker <= 0xd8)
}

async function walkJpeg(reader: WindowReader, path: string): Promise<ImageInfo> {
  const damaged = (why: string) => new MediaError('corrupt', `${path} is a damaged JPEG: ${why}`)
  const truncated = () => new MediaError('truncated', `${path} is a truncated JPEG: the file ends before the image size is declared`)
  let pos = 2
  for (;;) {
    // Markers may be preceded by any number of 0xFF fill bytes.
    const probe = await reader.bytes(pos, 64)
    if (probe.length < 2) throw truncated()
    if (probe[0] !== 0xff) throw damaged(`expected a marker at byte ${pos}`)
    let i = 0
    while (i < probe.length && probe[i] === 0xff) i++
    if (i >= probe.length) throw i === 64 ? damaged(`too many fill bytes at byte ${pos}`) : truncated()
    const marker = probe[i]
    pos += i + 1
    if (isStandalone(marker)) continue
    if (marker === 0xd9 || marker === 0xda) throw damaged('no frame header (SOF) before the image data')
    const seg = await reader.bytes(pos, 9)
    if (seg.length < 2) throw truncated()
    const length = seg.readUInt16BE(0)
    if (length < 2) throw damaged(`segment at byte ${pos} has an invalid length`)
    if (pos + length > reader.size) throw truncated()
    if (isStartOfFrame(marker)) {
      if (length < 8 || seg.length < 7) throw damaged('the frame header (SOF) is too short')
      const height = seg.readUInt16BE(3)
      const width = seg.readUInt16BE(5)
      if (width === 0 || height === 0) throw damaged('the frame header declares a zero width or height')
      return { format: 'jpeg', width, height, hasAlpha: false }
    }
    pos += length
  }
}
