/**
 * Makes big-but-valid MP4s from small committed samples, for multi-part upload tests and the 500 MB
 * benchmark. Padding is a top-level `free` box (which every parser skips) and is written sparse, so
 * a 500 MB test file costs almost no disk and no time to create.
 */
import { open, type FileHandle } from 'node:fs/promises'
import { readTopLevelBoxes, type TopLevelBox } from './iso-boxes.js'

export interface PaddingOptions {
  /**
   * 'end' (default) appends the padding after the last box. 'before-moov' inserts it between mdat
   * and a trailing moov, so a probe must skip it to reach the movie header; the source's moov must
   * be its last top-level box (ffmpeg's default layout). Chunk offsets stay valid because only
   * bytes after mdat move.
   */
  placement?: 'end' | 'before-moov'
}

export async function makePaddedMp4(srcPath: string, destPath: string, totalBytes: number, options: PaddingOptions = {}): Promise<void> {
  const src = await open(srcPath, 'r')
  let dest: FileHandle | undefined
  try {
    const srcSize = (await src.stat()).size
    const pad = totalBytes - srcSize
    if (!Number.isSafeInteger(totalBytes) || pad < 16) {
      throw new RangeError(`makePaddedMp4: target ${totalBytes} bytes must exceed the source (${srcSize} bytes) by at least 16`)
    }
    const boxes = await readTopLevelBoxes(src, srcSize)
    const moov = boxes.find(b => b.type === 'moov')
    const insertAt = options.placement === 'before-moov' ? requireTrailingMoov(moov, boxes, srcSize, srcPath) : srcSize
    dest = await open(destPath, 'w')
    await copyRange(src, dest, 0, insertAt, 0)
    await dest.write(freeBoxHeader(pad), 0, undefined, insertAt)
    // Bytes between the header and the rest stay unwritten: a hole in a sparse file, zeros to readers.
    await copyRange(src, dest, insertAt, srcSize - insertAt, insertAt + pad)
    await dest.truncate(totalBytes)
  } finally {
    await src.close()
    await dest?.close()
  }
}

function requireTrailingMoov(moov: TopLevelBox | undefined, boxes: TopLevelBox[], srcSize: number, srcPath: string): number {
  if (!moov || moov.start + moov.size !== srcSize || !boxes.some(b => b.type === 'mdat' && b.start < moov.start)) {
    throw new Error(`makePaddedMp4: ${srcPath} must end with its moov box (after mdat) for placement 'before-moov'`)
  }
  return moov.start
}

/** A 32-bit size when it fits, else size=1 and a 64-bit largesize (16-byte header). */
function freeBoxHeader(size: number): Buffer {
  if (size <= 0xffffffff) {
    const h = Buffer.alloc(8)
    h.writeUInt32BE(size, 0)
    h.write('free', 4, 'latin1')
    return h
  }
  const h = Buffer.alloc(16)
  h.writeUInt32BE(1, 0)
  h.write('free', 4, 'latin1')
  h.writeBigUInt64BE(BigInt(size), 8)
  return h
}

async function copyRange(src: FileHandle, dest: FileHandle, from: number, length: number, to: number): Promise<void> {
  const buf = Buffer.allocUnsafe(Math.min(1024 * 1024, Math.max(1, length)))
  for (let done = 0; done < length; ) {
    const { bytesRead } = await src.read(buf, 0, Math.min(buf.length, length - done), from + done)
    if (bytesRead === 0) throw new Error('makePaddedMp4: source file shrank while copying')
    await dest.write(buf, 0, bytesRead, to + done)
    done += bytesRead
  }
}
