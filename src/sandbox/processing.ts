/**
 * What Apple's processing checks, on the real uploaded bytes: screenshots must be PNG or JPEG whose
 * format matches the extension, whose pixel size is accepted for the set's display type, and (PNG)
 * without alpha; previews must be ISO-BMFF (MP4/MOV start with an `ftyp` box). Headers are parsed here
 * directly (a few dozen lines) so the sandbox needs no image library.
 */
import type { AppleMediaError } from '../model.js'
import { isAcceptedSize } from '../media/specs.js'
import type { ByteSource } from './part-store.js'
import type { ProcessingOutcome } from './store.js'

export interface ImageInfo {
  format: 'png' | 'jpeg'
  width: number
  height: number
  alpha: boolean
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])

async function pngInfo(src: ByteSource): Promise<ImageInfo | null> {
  const head = await src.read(0, 33)
  if (head.length < 33 || head.toString('latin1', 12, 16) !== 'IHDR') return null
  const colorType = head[25]!
  let alpha = colorType === 4 || colorType === 6
  // tRNS (transparency) must come before the first IDAT; walk the chunk headers up to there.
  for (let offset = 33, guard = 0; offset + 8 <= src.size && guard < 10_000; guard++) {
    const h = await src.read(offset, 8)
    if (h.length < 8) break
    const type = h.toString('latin1', 4, 8)
    if (type === 'tRNS') alpha = true
    if (type === 'IDAT' || type === 'IEND') break
    offset += 12 + h.readUInt32BE(0)
  }
  return { format: 'png', width: head.readUInt32BE(16), height: head.readUInt32BE(20), alpha }
}

/** Start-of-frame markers carry the image size (C0–CF except DHT C4, JPG C8, DAC CC). */
const isSof = (m: number): boolean => m >= 0xc0 && m <= 0xcf && m !== 0xc4 && m !== 0xc8 && m !== 0xcc

async function jpegInfo(src: ByteSource): Promise<ImageInfo | null> {
  let offset = 2
  for (let guard = 0; offset + 4 <= src.size && guard < 10_000; guard++) {
    const h = await src.read(offset, 4)
    if (h[0] !== 0xff) return null
    const marker = h[1]!
    if (marker === 0xff) {
      offset += 1 // fill byte
      continue
    }
    if (marker === 0xd8 || marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      offset += 2 // markers without a length
      continue
    }
    if (marker === 0xd9 || marker === 0xda) return null // end of image / start of scan before any frame header
    if (isSof(marker)) {
      const sof = await src.read(offset, 9)
      if (sof.length < 9) return null
      return { format: 'jpeg', height: sof.readUInt16BE(5), width: sof.readUInt16BE(7), alpha: false }
    }
    offset += 2 + h.readUInt16BE(2)
  }
  return null
}

export async function imageInfo(src: ByteSource): Promise<ImageInfo | null> {
  const magic = await src.read(0, 8)
  if (magic.equals(PNG_SIGNATURE)) return pngInfo(src)
  if (magic[0] === 0xff && magic[1] === 0xd8 && magic[2] === 0xff) return jpegInfo(src)
  return null
}

const failed = (code: string, description: string): ProcessingOutcome => ({ state: 'FAILED', errors: [{ code, description }] })

function extensionFormat(fileName: string): 'png' | 'jpeg' | undefined {
  const ext = fileName.toLowerCase().split('.').pop()
  return ext === 'png' ? 'png' : ext === 'jpg' || ext === 'jpeg' ? 'jpeg' : undefined
}

export async function processScreenshot(src: ByteSource, fileName: string, displayType: string): Promise<ProcessingOutcome> {
  const info = await imageInfo(src)
  if (!info) return failed('IMAGE_TOOL_FAILURE', 'The file is not a valid PNG or JPEG image.')
  if (extensionFormat(fileName) !== info.format) {
    return failed('IMAGE_TOOL_FAILURE', `The file's contents (${info.format.toUpperCase()}) do not match its extension.`)
  }
  if (info.alpha) return failed('IMAGE_ALPHA_NOT_ALLOWED', "Images can't contain alpha channels or transparencies.")
  if (!isAcceptedSize('screenshot', displayType, info.width, info.height)) {
    return failed('IMAGE_INCORRECT_DIMENSIONS', 'The dimensions of one or more screenshots are wrong.')
  }
  return { state: 'COMPLETE', errors: [], width: info.width, height: info.height }
}

export async function processPreview(src: ByteSource): Promise<ProcessingOutcome> {
  const head = await src.read(0, 12)
  const boxSize = head.length >= 8 ? head.readUInt32BE(0) : 0
  // An ISO-BMFF file opens with a box whose size is 1 (64-bit size follows) or at least its 8-byte header.
  if (head.length < 12 || head.toString('latin1', 4, 8) !== 'ftyp' || (boxSize !== 1 && boxSize < 8)) {
    return failed('VIDEO_INVALID_FORMAT', 'The app preview is not a valid MOV, M4V or MP4 movie.')
  }
  return { state: 'COMPLETE', errors: [], width: 0, height: 0 }
}

export function injectedFailure(kind: 'screenshot' | 'preview'): AppleMediaError[] {
  return [
    kind === 'screenshot'
      ? { code: 'IMAGE_TOOL_FAILURE', description: 'The image could not be processed. (sandbox fault injection)' }
      : { code: 'VIDEO_PROCESSING_FAILURE', description: 'The app preview could not be processed. (sandbox fault injection)' }
  ]
}
