/**
 * Received upload parts live on disk, one file per part, never in memory: a 500 MB preview must not
 * grow the process by 500 MB. A re-sent part replaces the earlier one atomically (write then rename).
 */
import { createHash, randomBytes } from 'node:crypto'
import { createReadStream } from 'node:fs'
import { mkdir, open, rename, rm, unlink } from 'node:fs/promises'
import { join } from 'node:path'
import type { PartRecord } from './store.js'

export interface ByteSource {
  size: number
  /** Up to `length` bytes at `offset` (fewer at the end of the file). */
  read(offset: number, length: number): Promise<Buffer>
}

export class PartStore {
  constructor(private readonly dir: string) {}

  partPath(assetId: string, partNumber: number): string {
    return join(this.dir, assetId, String(partNumber))
  }

  /** A fresh temporary path next to the part; commit it with `promote`. */
  async tempPath(assetId: string, partNumber: number): Promise<string> {
    await mkdir(join(this.dir, assetId), { recursive: true })
    return join(this.dir, assetId, `${partNumber}.${randomBytes(6).toString('hex')}.tmp`)
  }

  async promote(temp: string, assetId: string, partNumber: number): Promise<void> {
    await rename(temp, this.partPath(assetId, partNumber))
  }

  async discard(temp: string): Promise<void> {
    await unlink(temp).catch(() => undefined)
  }

  async remove(assetId: string): Promise<void> {
    await rm(join(this.dir, assetId), { recursive: true, force: true })
  }

  /** MD5 (hex) of the parts concatenated in order, streamed. */
  async md5(assetId: string, parts: PartRecord[]): Promise<string> {
    if (parts.length === 1 && parts[0]?.md5) return parts[0].md5
    const hash = createHash('md5')
    for (const p of parts) {
      for await (const chunk of createReadStream(this.partPath(assetId, p.partNumber), { highWaterMark: 1024 * 1024 })) hash.update(chunk as Buffer)
    }
    return hash.digest('hex')
  }

  /** Random access over the assembled file, for the processing checks. */
  source(assetId: string, parts: PartRecord[], size: number): ByteSource {
    return {
      size,
      read: async (offset, length) => {
        const chunks: Buffer[] = []
        const end = Math.min(size, offset + length)
        for (const p of parts) {
          const from = Math.max(offset, p.offset)
          const to = Math.min(end, p.offset + p.length)
          if (from >= to) continue
          const fh = await open(this.partPath(assetId, p.partNumber), 'r')
          try {
            const buf = Buffer.alloc(to - from)
            const { bytesRead } = await fh.read(buf, 0, buf.length, from - p.offset)
            chunks.push(buf.subarray(0, bytesRead))
          } finally {
            await fh.close()
          }
        }
        return Buffer.concat(chunks)
      }
    }
  }
}
