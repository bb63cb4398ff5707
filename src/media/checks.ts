/**
 * Pre-flight checks: everything Apple would reject about one file, found before any write, with
 * one Problem per fault naming the file and what is accepted. Probing errors become Problems too,
 * so a run reports every bad file at once instead of stopping at the first.
 */
import { stat } from 'node:fs/promises'
import { extname } from 'node:path'
import type { Problem } from '../errors.js'
import { probeImage, type ImageInfo } from './image.js'
import { MediaError } from './media-error.js'
import {
  MAX_PREVIEW_BYTES,
  PREVIEW_EXTENSIONS,
  PREVIEW_MAX_FPS,
  PREVIEW_MAX_SECONDS,
  PREVIEW_MIN_FPS,
  PREVIEW_MIN_SECONDS,
  PREVIEW_SPECS,
  PREVIEW_TYPES,
  SCREENSHOT_DISPLAY_TYPES,
  SCREENSHOT_EXTENSIONS,
  SCREENSHOT_SPECS,
  formatSizes,
  isAcceptedSize
} from './specs.js'
import { probeVideo, type VideoInfo } from './video.js'

/** 29.97 and 23.976 fps sources are normal; the limits are meant as 23–30 "nominal". */
const FPS_TOLERANCE = 0.5

const EXTENSION_FORMAT: Record<string, ImageInfo['format']> = { '.png': 'png', '.jpg': 'jpeg', '.jpeg': 'jpeg' }

export async function checkScreenshot(path: string, displayPath: string, displayType: string): Promise<Problem[]> {
  const problems: string[] = []
  const spec = SCREENSHOT_SPECS[displayType]
  if (!spec) problems.push(unknownType('display type', displayType, SCREENSHOT_DISPLAY_TYPES))
  const ext = extname(path).toLowerCase()
  const expected = EXTENSION_FORMAT[ext]
  if (!expected) problems.push(`has extension "${ext || '(none)'}"; screenshots must be ${SCREENSHOT_EXTENSIONS.join(', ')}`)
  const info = await probeOrReport(() => probeImage(path), path, displayPath, problems)
  if (info) {
    if (expected && info.format !== expected) {
      problems.push(`is named ${ext} but is really a ${info.format.toUpperCase()} file; rename it to ${info.format === 'png' ? '.png' : '.jpg'} or re-export it as ${expected.toUpperCase()}`)
    }
    if (info.hasAlpha) {
      problems.push('has an alpha channel (transparency); App Store Connect accepts only opaque images: export it as RGB without alpha (or as JPEG)')
    }
    if (spec && !isAcceptedSize('screenshot', displayType, info.width, info.height)) {
      problems.push(`is ${info.width}×${info.height}; ${displayType} accepts ${acceptedText(spec)}`)
    }
  }
  return problems.map(message => asProblem(displayPath, message))
}

export async function checkPreview(path: string, displayPath: string, previewType: string): Promise<Problem[]> {
  const problems: string[] = []
  const spec = PREVIEW_SPECS[previewType]
  if (!spec) problems.push(unknownType('preview type', previewType, PREVIEW_TYPES))
  const ext = extname(path).toLowerCase()
  if (!(PREVIEW_EXTENSIONS as readonly string[]).includes(ext)) {
    problems.push(`has extension "${ext || '(none)'}"; app previews must be ${PREVIEW_EXTENSIONS.join(', ')}`)
  }
  const size = await stat(path).then(s => s.size, () => undefined)
  if (size !== undefined && size > MAX_PREVIEW_BYTES) {
    // Just over the limit rounds to "500.0 MB" on both sides: then byte counts show why it is too big.
    const exact = megabytes(size) === megabytes(MAX_PREVIEW_BYTES)
    problems.push(`is ${exact ? `${size} bytes` : megabytes(size)}; app previews must be at most ${megabytes(MAX_PREVIEW_BYTES)}${exact ? ` (${MAX_PREVIEW_BYTES} bytes)` : ''}`)
  }
  const info = await probeOrReport(() => probeVideo(path), path, displayPath, problems)
  if (info) problems.push(...videoProblems(info, previewType, spec))
  return problems.map(message => asProblem(displayPath, message))
}

function videoProblems(info: VideoInfo, previewType: string, spec: (typeof PREVIEW_SPECS)[string] | undefined): string[] {
  const out: string[] = []
  if (spec && !isAcceptedSize('preview', previewType, info.width, info.height)) {
    out.push(`is ${info.width}×${info.height}; ${previewType} previews accept ${acceptedText(spec)}`)
  }
  const d = info.durationSeconds
  if (d < PREVIEW_MIN_SECONDS || d > PREVIEW_MAX_SECONDS) {
    out.push(`is ${d.toFixed(1)} s long; app previews must be ${PREVIEW_MIN_SECONDS}–${PREVIEW_MAX_SECONDS} seconds`)
  }
  if (info.fps < PREVIEW_MIN_FPS - FPS_TOLERANCE || info.fps > PREVIEW_MAX_FPS + FPS_TOLERANCE) {
    out.push(`runs at ${info.fps.toFixed(2)} fps; app previews must be ${PREVIEW_MIN_FPS}–${PREVIEW_MAX_FPS} fps (re-encode at 30 fps)`)
  }
  if (!info.hasAudio) {
    out.push('has no audio track; App Store Connect expects app previews to have one (add a silent stereo AAC track if there is no sound)')
  }
  return out
}

/** Probe failures become one Problem with the probe's own plain-words reason. */
async function probeOrReport<T>(probe: () => Promise<T>, path: string, displayPath: string, problems: string[]): Promise<T | undefined> {
  try {
    return await probe()
  } catch (err) {
    if (!(err instanceof MediaError)) throw err
    // Probe messages start with the absolute path; the Problem already names the file.
    const message = err.message.startsWith(path) ? err.message.slice(path.length).trim() : err.message.replace(path, displayPath)
    problems.push(message)
    return undefined
  }
}

function acceptedText(spec: { sizes: readonly (readonly [number, number])[]; landscapeOnly?: boolean }): string {
  return `${formatSizes(spec.sizes)} (${spec.landscapeOnly ? 'landscape only' : 'portrait or landscape'})`
}

function unknownType(what: string, value: string, valid: readonly string[]): string {
  const guess = closest(value, valid)
  const hint = guess ? ` Did you mean ${guess}?` : ''
  return `uses unknown ${what} "${value}".${hint} Valid values: ${valid.join(', ')}`
}

/** A likely intended name: same letters ignoring case/separators, or a missing APP_ prefix. */
function closest(value: string, valid: readonly string[]): string | undefined {
  const norm = (s: string) => s.toUpperCase().replace(/[^A-Z0-9]/g, '')
  const v = norm(value)
  return valid.find(t => norm(t) === v || norm(t) === `APP${v}`)
}

function megabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`
}

function asProblem(file: string, message: string): Problem {
  return { file, message, category: 'asset' }
}
