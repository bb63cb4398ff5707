/**
 * The top-level box layout of an ISO-BMFF / QuickTime file, from box headers only (8 or 16 bytes
 * each). Cheap even for a 500 MB file: one small read per top-level box, never the payloads.
 */
import type { FileHandle } from 'node:fs/promises'

export interface TopLevelBox {
  type: string
  start: number
  /** Whole box including its header. */
  size: number
  /** True when the box claims more bytes than the file has. */
  truncated: boolean
}

/** Far more than any real movie has; stops a corrupt file from making us walk forever. */
const MAX_TOP_LEVEL_BOXES = 10_000

/** Throws a plain Error with a reason for headers that make no sense; callers wrap it. */
export async function readTopLevelBoxes(fh: FileHandle, fileSize: number): Promise<TopLevelBox[]> {
  const boxes: TopLevelBox[] = []
  const head = Buffer.alloc(16)
  for (let pos = 0; pos + 8 <= fileSize; ) {
    if (boxes.length >= MAX_TOP_LEVEL_BOXES) throw new Error(`more than ${MAX_TOP_LEVEL_BOXES} top-level boxes`)
    const { bytesRead } = await fh.read(head, 0, 16, pos)
    const small = head.readUInt32BE(0)
    const type = head.toString('latin1', 4, 8)
    if (small === 1 && bytesRead < 16) throw new Error(`the ${type} box header at byte ${pos} is cut off`)
    // size 0 means "to the end of the file"; size 1 means a 64-bit size follows the type.
    const size = small === 0 ? fileSize - pos : small === 1 ? Number(head.readBigUInt64BE(8)) : small
    if (size < (small === 1 ? 16 : 8)) throw new Error(`the box at byte ${pos} declares an impossible size (${size})`)
    boxes.push({ type, start: pos, size, truncated: pos + size > fileSize })
    pos += size
  }
  return boxes
}
