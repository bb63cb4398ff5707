/**
 * CRC-32 (IEEE, as PNG uses it). zlib.crc32 (native, about 10× faster: the PNG walk checks every
 * byte of every screenshot) where Node has it, from 20.15 / 22.2; a 256-entry table before that.
 */
import * as zlib from 'node:zlib'

const native = (zlib as { crc32?: (data: Uint8Array, value?: number) => number }).crc32
const TABLE = buildTable()

function buildTable(): Uint32Array {
  const table = new Uint32Array(256)
  for (let n = 0; n < 256; n++) {
    let c = n
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
    table[n] = c >>> 0
  }
  return table
}

/** Feeds `bytes` into a running CRC. Start with 0; the result of one call is the input to the next. */
export function crc32(bytes: Uint8Array, previous = 0): number {
  if (native) return native(bytes, previous) >>> 0
  return tableCrc32(bytes, previous)
}

/** The portable version (Node before 20.15); exported so tests can compare the two. */
export function tableCrc32(bytes: Uint8Array, previous = 0): number {
  let c = (previous ^ 0xffffffff) >>> 0
  for (let i = 0; i < bytes.length; i++) c = TABLE[(c ^ bytes[i]) & 0xff] ^ (c >>> 8)
  return (c ^ 0xffffffff) >>> 0
}
