/**
 * Upload progress for the terminal. On a TTY: one line redrawn in place with a bar, bytes, rate and
 * files; log lines printed meanwhile clear the bar first and it is redrawn under them. Elsewhere (CI
 * logs, pipes): one plain line per finished file.
 */
import type { ProgressEvent } from '../deliver/execute.js'
import { formatBytes } from '../report/summary.js'

export interface ProgressStream {
  write(text: string): unknown
  isTTY?: boolean
  columns?: number
}

export interface Totals {
  files: number
  bytes: number
}

export class Progress {
  private totals?: Totals
  private startedAt = 0
  private files = 0
  private bytes = 0
  private deleted = 0
  private processed = 0
  private drawn = false

  constructor(
    private readonly out: ProgressStream,
    private readonly tty = out.isTTY === true,
    private readonly now: () => number = Date.now
  ) {}

  get started(): boolean {
    return this.totals !== undefined
  }

  start(totals: Totals): void {
    if (this.totals) return
    this.totals = { ...totals }
    this.startedAt = this.now()
    if (!this.tty && totals.files) this.out.write(`Uploading ${totals.files} file(s), ${formatBytes(totals.bytes)}\n`)
    this.draw()
  }

  /** A log line: on a TTY the bar is cleared first and redrawn after it. */
  log(line: string): void {
    if (this.tty && this.drawn) this.out.write('\r\x1b[2K')
    this.out.write(`${line}\n`)
    this.drawn = false
    this.draw()
  }

  event(e: ProgressEvent): void {
    this.totals ??= { files: 0, bytes: 0 }
    if (!this.startedAt) this.startedAt = this.now()
    if (e.type === 'uploaded') {
      this.files++
      this.bytes += e.bytes
      // A FAILED file is uploaded once more, so the totals can grow.
      if (this.files > this.totals.files) this.totals.files = this.files
      if (this.bytes > this.totals.bytes) this.totals.bytes = this.bytes
      if (!this.tty) this.out.write(`uploaded ${e.file} (${formatBytes(e.bytes)}) · ${this.counts()}\n`)
    } else if (e.type === 'deleted') {
      this.deleted++
      if (!this.tty) this.out.write(`deleted ${e.assetId}\n`)
    } else {
      this.processed++
      if (!this.tty) this.out.write(`processed ${e.file}: ${e.state}\n`)
    }
    this.draw()
  }

  /** Ends the bar line; later output starts on a fresh line. */
  done(): void {
    if (this.tty && this.drawn) this.out.write('\n')
    this.drawn = false
    this.totals = undefined
  }

  private rate(): string {
    const secs = (this.now() - this.startedAt) / 1000
    return secs > 0.05 ? `${formatBytes(Math.round(this.bytes / secs))}/s` : '–/s'
  }

  private counts(): string {
    const t = this.totals ?? { files: 0, bytes: 0 }
    return `${this.files}/${t.files} files · ${formatBytes(this.bytes)} of ${formatBytes(t.bytes)} · ${this.rate()}`
  }

  /** The bar line as drawn on a TTY (exposed for tests). */
  line(): string {
    const t = this.totals ?? { files: 0, bytes: 0 }
    const fraction = t.bytes ? Math.min(1, this.bytes / t.bytes) : t.files ? this.files / t.files : 0
    const width = 24
    const full = Math.round(fraction * width)
    const bar = '█'.repeat(full) + '░'.repeat(width - full)
    const extra = [this.deleted && `${this.deleted} deleted`, this.processed && `${this.processed} processed`].filter(Boolean).join(' · ')
    const text = `${bar} ${String(Math.round(fraction * 100)).padStart(3)}% ${this.counts()}${extra ? ` · ${extra}` : ''}`
    const cols = this.out.columns ?? 120
    return text.length > cols - 1 ? text.slice(0, cols - 1) : text
  }

  private draw(): void {
    if (!this.tty || !this.totals) return
    this.out.write(`\r\x1b[2K${this.line()}`)
    this.drawn = true
  }
}
