/**
 * Pre-flight checks of the kinds beyond screenshots and previews: App Clip images (1800×1200 exactly,
 * PNG or JPEG, no alpha), routing app coverage (GeoJSON, see geojson.ts) and review attachments
 * (any non-empty file). Each problem names the file.
 */
import { readFile, stat } from 'node:fs/promises'
import { extname } from 'node:path'
import type { Problem } from '../errors.js'
import type { AssetKind } from '../model.js'
import { geoJsonProblems } from './geojson.js'
import { probeImage } from './image.js'
import { MediaError } from './media-error.js'
import { APP_CLIP_IMAGE_EXTENSIONS, APP_CLIP_IMAGE_HEIGHT, APP_CLIP_IMAGE_WIDTH, ROUTING_COVERAGE_EXTENSIONS } from './specs.js'

const asProblem = (file: string, message: string): Problem => ({ file, message, category: 'asset' })
const FORMAT: Record<string, 'png' | 'jpeg'> = { '.png': 'png', '.jpg': 'jpeg', '.jpeg': 'jpeg' }
/** Larger than any sensible coverage file; guards against reading a wrong multi-GB match into memory. */
const MAX_GEOJSON_BYTES = 20 * 1024 * 1024

export async function checkAppClipImage(path: string, displayPath: string, what = 'App Clip header images'): Promise<Problem[]> {
  const problems: string[] = []
  const ext = extname(path).toLowerCase()
  if (!FORMAT[ext]) problems.push(`has extension "${ext || '(none)'}"; ${what} must be ${APP_CLIP_IMAGE_EXTENSIONS.join(', ')}`)
  try {
    const info = await probeImage(path)
    if (FORMAT[ext] && info.format !== FORMAT[ext]) problems.push(`is named ${ext} but is really a ${info.format.toUpperCase()} file`)
    if (info.hasAlpha) problems.push('has an alpha channel (transparency); App Store Connect accepts only opaque images: export it as RGB without alpha (or as JPEG)')
    if (info.width !== APP_CLIP_IMAGE_WIDTH || info.height !== APP_CLIP_IMAGE_HEIGHT) {
      problems.push(`is ${info.width}×${info.height}; ${what} must be exactly ${APP_CLIP_IMAGE_WIDTH}×${APP_CLIP_IMAGE_HEIGHT}`)
    }
  } catch (err) {
    if (!(err instanceof MediaError)) throw err
    problems.push(err.message.startsWith(path) ? err.message.slice(path.length).trim() : err.message.replace(path, displayPath))
  }
  return problems.map(m => asProblem(displayPath, m))
}

export async function checkRoutingCoverage(path: string, displayPath: string): Promise<Problem[]> {
  const ext = extname(path).toLowerCase()
  const problems: string[] = []
  if (!(ROUTING_COVERAGE_EXTENSIONS as readonly string[]).includes(ext)) problems.push(`has extension "${ext || '(none)'}"; a routing app coverage file must be .geojson`)
  const size = (await stat(path)).size
  if (size > MAX_GEOJSON_BYTES) problems.push(`is ${size} bytes; a routing app coverage file this large is not plausible`)
  else problems.push(...geoJsonProblems(await readFile(path, 'utf8')))
  return problems.map(m => asProblem(displayPath, `${m}`))
}

export async function checkAttachment(path: string, displayPath: string): Promise<Problem[]> {
  const size = (await stat(path)).size
  return size > 0 ? [] : [asProblem(displayPath, 'is empty; App Store Connect does not accept an empty review attachment')]
}

/** The check for one file of a non-set kind. */
export function checkOtherKind(kind: AssetKind, path: string, displayPath: string): Promise<Problem[]> {
  switch (kind) {
    case 'app-clip-header-image':
      return checkAppClipImage(path, displayPath)
    case 'app-clip-advanced-image':
      return checkAppClipImage(path, displayPath, 'advanced App Clip experience images')
    case 'routing-coverage':
      return checkRoutingCoverage(path, displayPath)
    case 'review-attachment':
      return checkAttachment(path, displayPath)
    default:
      return Promise.resolve([])
  }
}
