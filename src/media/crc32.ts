/**
 * CRC-32 (IEEE, as PNG uses it) with a 256-entry table. Hand-rolled because zlib.crc32 only exists
 * from Node 20.15 / 22.2 and the action supports every Node 20.
 */
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
  let c = (previous ^ 0xffffffff) >>> 0
  for (let i = 0; i < bytes.length; i++) c = TABLE[(c ^ bytes[i]) & 0xff] ^ (c >>> 8)
  return (c ^ 0xffffffff) >>> 0
}
