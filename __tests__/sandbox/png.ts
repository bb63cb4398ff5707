/**
 * A tiny PNG encoder for tests: signature + IHDR + IDAT (zlib of filter-0 rows) + IEND, with CRC32
 * implemented here because zlib.crc32 only exists from Node 22.
 */
import { deflateSync } from 'node:zlib'

const CRC_TABLE = (() => {
  const t = new Uint32Array(256)
  for (let n = 0; n < 256; n++) {
    let c = n
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
    t[n] = c >>> 0
  }
  return t
})()

export function crc32(buf: Buffer): number {
  let c = 0xffffffff
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8)
  return (c ^ 0xffffffff) >>> 0
}

function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4)
  len.writeUInt32BE(data.length)
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data])
  const crc = Buffer.alloc(4)
  crc.writeUInt32BE(crc32(body))
  return Buffer.concat([len, body, crc])
}

export interface PngOptions {
  /** Colour type 2 (RGB, default) or 6 (RGBA). */
  alpha?: boolean
  /** Adds a tRNS chunk (transparency without an alpha channel). */
  trns?: boolean
  /** RGB fill; varying it changes the bytes (and the MD5). */
  color?: [number, number, number]
  /** Extra bytes in a private ancillary chunk, to make a big file cheaply. */
  padding?: number
}

/** A solid-colour PNG of the given size. */
export function makePng(width: number, height: number, o: PngOptions = {}): Buffer {
  const channels = o.alpha ? 4 : 3
  const [r, g, b] = o.color ?? [40, 90, 200]
  const row = Buffer.alloc(1 + width * channels)
  for (let x = 0; x < width; x++) {
    row[1 + x * channels] = r
    row[2 + x * channels] = g
    row[3 + x * channels] = b
    if (o.alpha) row[4 + x * channels] = 255
  }
  const raw = Buffer.alloc(row.length * height)
  for (let y = 0; y < height; y++) row.copy(raw, y * row.length)
  const ihdr = Buffer.alloc(13)
  ihdr.writeUInt32BE(width, 0)
  ihdr.writeUInt32BE(height, 4)
  ihdr[8] = 8 // bit depth
  ihdr[9] = o.alpha ? 6 : 2
  const chunks = [chunk('IHDR', ihdr)]
  if (o.trns) chunks.push(chunk('tRNS', Buffer.from([0, 0, 0, 0, 0, 0])))
  if (o.padding) chunks.push(chunk('prVt', Buffer.alloc(o.padding, 7)))
  chunks.push(chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0)))
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), ...chunks])
}
