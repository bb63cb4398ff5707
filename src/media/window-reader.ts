import type { FileHandle } from 'node:fs/promises'
import { scratchBuffers } from './buffer-pool.js'

/**
 * Positional reads through one reusable window, so walking many small chunks or markers costs few
 * syscalls and memory stays bounded by the window however big the file is.
 */
export class WindowReader {
  private readonly buf: Buffer
  private start = 0
  private end = 0

  constructor(
    private readonly fh: FileHandle,
    readonly size: number,
    readonly windowSize = 256 * 1024
  ) {
    // Checking hundreds of files one window each: reused windows touch no fresh pages.
    this.buf = scratchBuffers.take(windowSize)
  }

  /** Hands the window on to a later reader; neither this reader nor a view it returned may be used afterwards. */
  release(): void {
    scratchBuffers.give(this.buf)
  }

  /**
   * Returns up to `length` bytes at `pos` (fewer only at end of file). The view is valid until the
   * next call, because the window is reused.
   */
  async bytes(pos: number, length: number): Promise<Buffer> {
    if (length > this.windowSize) throw new RangeError(`read of ${length} bytes exceeds the window`)
    const want = Math.min(length, Math.max(0, this.size - pos))
    if (pos < this.start || pos + want > this.end) {
      const n = Math.min(this.windowSize, this.size - pos)
      const { bytesRead } = await this.fh.read(this.buf, 0, Math.max(0, n), pos)
      this.start = pos
      this.end = pos + bytesRead
    }
    const from = pos - this.start
    return this.buf.subarray(from, from + Math.min(want, this.end - pos))
  }
}
