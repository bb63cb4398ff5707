/**
 * A dependency-free PNG encoder (node:zlib only) for tests, benchmarks and the sandbox: they need
 * screenshots of exact sizes, with or without alpha, and, for benchmarks, "realistic" 1–2 MB files.
 * Not used to process user files.
 */
import { deflateSync } from 'node:zlib'
import { crc32 } from './crc32.js'

export type Rgb = readonly [number, number, number] | readonly [number, number, number, number]

export interface PngOptions {
  width: number
  height: number
  /** Colour of pixel (x, y); a 4th value is alpha (used only when `alpha` is true). Default: `fill`. */
  rgb?: (x: number, y: number) => Rgb
  /** Flat colour when `rgb` is not given. Default mid grey. */
  fill?: Rgb
  /** Writes colour type 6 (RGBA) instead of 2 (RGB): the file then "has alpha" whatever the values. */
  alpha?: boolean
  /**
   * Fraction (0–1) of pixels replaced by pseudo-random colours. Random pixels do not compress, so
   * this sets the file size: at 1320×2868 on a flat fill, noise 0.065 gives about 1.5 MB at
   * level 1 (0.075 at the default level 6). Deterministic per seed.
   */
  noise?: number
  seed?: number
  /** zlib level; 1 is much faster for noisy benchmark images and barely bigger. */
  level?: number
  /** Extra chunks written between IHDR and IDAT in this order (tRNS, private padding, …). */
  chunks?: readonly { type: string; data: Buffer }[]
}

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])

export function encodePng(options: PngOptions): Buffer {
  const { width, height, alpha = false } = options
  if (!(Number.isInteger(width) && Number.isInteger(height) && width > 0 && height > 0)) {
    throw new RangeError(`encodePng: width and height must be positive integers, got ${width}×${height}`)
  }
  const ihdr = Buffer.alloc(13)
  ihdr.writeUInt32BE(width, 0)
  ihdr.writeUInt32BE(height, 4)
  ihdr[8] = 8 // bit depth
  ihdr[9] = alpha ? 6 : 2
  const idat = deflateSync(rawScanlines(options), { level: options.level ?? 6 })
  const extra = (options.chunks ?? []).map(c => pngChunk(c.type, c.data))
  return Buffer.concat([SIGNATURE, pngChunk('IHDR', ihdr), ...extra, pngChunk('IDAT', idat), pngChunk('IEND', Buffer.alloc(0))])
}

/** Filter type 0 (None) on every row: simplest valid encoding; zlib still squeezes flat areas. */
function rawScanlines({ width, height, rgb, fill = [128, 128, 128], alpha = false, noise = 0, seed = 1 }: PngOptions): Buffer {
  const channels = alpha ? 4 : 3
  const stride = 1 + width * channels
  const raw = Buffer.alloc(stride * height)
  const random = xorshift(seed)
  for (let y = 0; y < height; y++) {
    let o = y * stride + 1
    for (let x = 0; x < width; x++, o += channels) {
      const c = noise > 0 && random() < noise ? randomColour(random) : rgb ? rgb(x, y) : fill
      raw[o] = c[0]
      raw[o + 1] = c[1]
      raw[o + 2] = c[2]
      if (alpha) raw[o + 3] = c[3] ?? 255
    }
  }
  return raw
}

function randomColour(random: () => number): Rgb {
  return [(random() * 256) | 0, (random() * 256) | 0, (random() * 256) | 0]
}

/** Small seeded PRNG: benchmark files must be identical run to run. */
function xorshift(seed: number): () => number {
  let s = seed >>> 0 || 0x9e3779b9
  return () => {
    s ^= s << 13
    s >>>= 0
    s ^= s >>> 17
    s ^= s << 5
    s >>>= 0
    return s / 0x100000000
  }
}

/** One PNG chunk: length, type, data and the CRC-32 of type and data. */
export function pngChunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8)
  head.writeUInt32BE(data.length, 0)
  head.write(type, 4, 'latin1')
  const crc = Buffer.alloc(4)
  crc.writeUInt32BE(crc32(data, crc32(head.subarray(4))), 0)
  return Buffer.concat([head, data, crc])
}
