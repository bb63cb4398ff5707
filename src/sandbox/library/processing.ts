/**
 * Library processing: App Store Connect matches the processed file to a spec and reports it in
 * `specId` (the client never sends it). The sandbox matches the real bytes: image format, alpha and
 * pixel size against `imageSpecs`; video container, size, frame rate, duration and audio against
 * `videoSpecs`. No match → FAILED with `stateDetails`.
 */
import { createReadStream, createWriteStream } from 'node:fs'
import { rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { randomUUID } from 'node:crypto'
import { probeVideo } from '../../media/video.js'
import type { SandboxContext } from '../context.js'
import { imageInfo } from '../processing.js'
import type { LibraryAsset, ProcessedOutcome } from './state.js'
import { libraryOf } from './state.js'

const FPS_TOLERANCE = 0.5

const failed = (code: string, description: string): ProcessedOutcome => ({ state: 'FAILED', specId: null, stateDetails: [{ code, description }] })

function extension(fileName: string): string {
  return fileName.includes('.') ? `.${fileName.toLowerCase().split('.').pop()}` : ''
}

function seconds(iso: string): number {
  const m = /^PT(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?$/.exec(iso)
  return m ? Number(m[1] ?? 0) * 60 + Number(m[2] ?? 0) : NaN
}

export async function processLibraryAsset(ctx: SandboxContext, a: LibraryAsset): Promise<ProcessedOutcome> {
  const r = a.record
  if (ctx.dice.config.processingFailures.includes(r.fileName)) {
    return failed(a.mediaType === 'IMAGE' ? 'IMAGE_TOOL_FAILURE' : 'VIDEO_PROCESSING_FAILURE', 'The asset could not be processed. (sandbox fault injection)')
  }
  const ref = libraryOf(ctx.store).refData
  const src = ctx.parts.source(r.id, r.parts, r.fileSize)
  const ext = extension(r.fileName)
  if (a.mediaType === 'IMAGE') {
    const info = await imageInfo(src)
    if (!info) return failed('IMAGE_TOOL_FAILURE', 'The file is not a valid PNG or JPEG image.')
    const format = ext === '.png' ? 'png' : ext === '.jpg' || ext === '.jpeg' ? 'jpeg' : undefined
    if (format !== info.format) return failed('IMAGE_TOOL_FAILURE', `The file's contents (${info.format.toUpperCase()}) do not match its extension.`)
    const sized = ref.imageSpecs.filter(s => s.dimensions.minWidth <= info.width && info.width <= s.dimensions.maxWidth && s.dimensions.minHeight <= info.height && info.height <= s.dimensions.maxHeight)
    const spec = sized.find(s => s.fileExtensions.includes(ext) && r.fileSize <= s.maxFileSize && (s.alphaAllowed || !info.alpha))
    if (!spec) {
      if (sized.length && info.alpha) return failed('IMAGE_ALPHA_NOT_ALLOWED', "Images can't contain alpha channels or transparencies.")
      return failed('IMAGE_INCORRECT_DIMENSIONS', `${info.width}×${info.height} matches no image specification.`)
    }
    return { state: 'PREPARE_FOR_SUBMISSION', specId: spec.specId, stateDetails: [], width: info.width, height: info.height }
  }
  const head = await src.read(0, 12)
  if (head.length < 12 || head.toString('latin1', 4, 8) !== 'ftyp') return failed('VIDEO_INVALID_FORMAT', 'The video is not a valid MOV, M4V or MP4 movie.')
  // probeVideo reads a path: assemble the parts into a temporary file, probe it, remove it.
  const temp = join(tmpdir(), `asc-sandbox-video-${randomUUID()}`)
  try {
    const out = createWriteStream(temp)
    for (const p of r.parts) {
      await new Promise<void>((resolve, reject) => {
        const input = createReadStream(ctx.parts.partPath(r.id, p.partNumber))
        input.on('error', reject)
        input.on('end', () => resolve())
        input.pipe(out, { end: false })
      })
    }
    await new Promise<void>((resolve, reject) => out.end((e?: Error | null) => (e ? reject(e) : resolve())))
    const info = await probeVideo(temp).catch(() => undefined)
    if (!info) return failed('VIDEO_INVALID_FORMAT', 'The video could not be read.')
    const sized = ref.videoSpecs.filter(s => s.dimensions.minWidth <= info.width && info.width <= s.dimensions.maxWidth && s.dimensions.minHeight <= info.height && info.height <= s.dimensions.maxHeight)
    if (!sized.length) return failed('VIDEO_INCORRECT_DIMENSIONS', `${info.width}×${info.height} matches no video specification.`)
    for (const s of sized) {
      const fpsOk = s.frameRates.some(f => info.fps >= f.minFps - FPS_TOLERANCE && info.fps <= f.maxFps + FPS_TOLERANCE)
      const durOk = info.durationSeconds >= seconds(s.duration.min) && info.durationSeconds <= seconds(s.duration.max)
      if (!s.fileExtensions.includes(ext)) continue
      if (!fpsOk) return failed('VIDEO_INVALID_FRAME_RATE', `${info.fps.toFixed(2)} fps is outside the specification.`)
      if (!durOk) return failed('VIDEO_INVALID_DURATION', `${info.durationSeconds.toFixed(1)} s is outside ${s.duration.min}–${s.duration.max}.`)
      if (s.audioRequired && !info.hasAudio) return failed('VIDEO_AUDIO_REQUIRED', 'The video has no audio track.')
      if (r.fileSize > s.maxFileSize) return failed('VIDEO_FILE_TOO_LARGE', `The video is larger than ${s.maxFileSize} bytes.`)
      return { state: 'PREPARE_FOR_SUBMISSION', specId: s.specId, stateDetails: [], width: info.width, height: info.height }
    }
    return failed('VIDEO_INVALID_FORMAT', `The file extension ${ext} is not accepted.`)
  } finally {
    await rm(temp, { force: true })
  }
}
