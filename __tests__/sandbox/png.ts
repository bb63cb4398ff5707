/**
 * Solid-colour test PNGs for the sandbox suites, on the shared encoder (src/media/png-writer.ts),
 * with the chunks those suites need: tRNS (transparency without an alpha channel) and padding.
 */
import { encodePng } from '../../src/media/png-writer.js'

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
  const chunks: { type: string; data: Buffer }[] = []
  if (o.trns) chunks.push({ type: 'tRNS', data: Buffer.from([0, 0, 0, 0, 0, 0]) })
  if (o.padding) chunks.push({ type: 'prVt', data: Buffer.alloc(o.padding, 7) })
  return encodePng({ width, height, alpha: o.alpha, fill: o.color ?? [40, 90, 200], chunks })
}
