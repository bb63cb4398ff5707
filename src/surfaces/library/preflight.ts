/**
 * Pre-flight from the reference data: each distinct (file, group) is checked against the specs the
 * group accepts (pixel size, extension and MIME, alpha, file size; videos: frame rate, duration,
 * audio), before any write, and every problem is returned together.
 */
import { extname } from 'node:path'
import type { Problem } from '../../errors.js'
import { MediaError, mimeTypeFor, probeImage, probeVideo } from '../../media/index.js'
import type { LibraryTarget } from '../../plan/library-plan.js'
import { specIdsOf, type ImageSpec, type RefData, type VideoSpec } from './ref-data.js'

const FPS_TOLERANCE = 0.5

function seconds(iso: string | undefined): number | undefined {
  const m = /^PT(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?$/.exec(iso ?? '')
  return m ? Number(m[1] ?? 0) * 3600 + Number(m[2] ?? 0) * 60 + Number(m[3] ?? 0) : undefined
}

const fits = (s: ImageSpec, w: number, h: number) => s.dimensions.minWidth <= w && w <= s.dimensions.maxWidth && s.dimensions.minHeight <= h && h <= s.dimensions.maxHeight
const sizeText = (specs: ImageSpec[]) => [...new Set(specs.map(s => (s.dimensions.minWidth === s.dimensions.maxWidth && s.dimensions.minHeight === s.dimensions.maxHeight ? `${s.dimensions.minWidth}×${s.dimensions.minHeight}` : `${s.dimensions.minWidth}–${s.dimensions.maxWidth}×${s.dimensions.minHeight}–${s.dimensions.maxHeight}`)))].join(', ')

export async function checkLibraryFiles(targets: LibraryTarget[], ref: RefData): Promise<Problem[]> {
  const problems: Problem[] = []
  const seen = new Set<string>()
  for (const t of targets) {
    const ids = new Set(specIdsOf(ref, t.placementType, t.group))
    const images = ref.imageSpecs.filter(s => ids.has(s.specId))
    const videos = ref.videoSpecs.filter(s => ids.has(s.specId))
    for (const file of t.files) {
      const key = `${file.path}|${t.placementType}|${t.group}`
      if (seen.has(key)) continue
      seen.add(key)
      const messages = t.kind === 'preview' ? await checkVideo(file.path, file.size, videos) : await checkImage(file.path, file.size, images)
      for (const m of messages) problems.push({ file: file.displayPath, category: 'asset', message: `${m} (${t.placementType} ${t.group}, ${t.locale})` })
    }
  }
  return problems
}

function common(path: string, size: number, specs: ImageSpec[]): string[] {
  const out: string[] = []
  if (!specs.length) return ['the reference data lists no specification for this placement group']
  const ext = extname(path).toLowerCase()
  if (!specs.some(s => (s.fileExtensions ?? [ext]).includes(ext))) out.push(`has extension "${ext || '(none)'}"; the group accepts ${[...new Set(specs.flatMap(s => s.fileExtensions ?? []))].join(', ')}`)
  const mime = mimeTypeFor(path)
  if (!specs.some(s => !s.mimeTypes || s.mimeTypes.includes(mime))) out.push(`is ${mime}; the group accepts ${[...new Set(specs.flatMap(s => s.mimeTypes ?? []))].join(', ')}`)
  const max = Math.max(...specs.map(s => s.maxFileSize ?? Infinity))
  if (size > max) out.push(`is ${size} bytes; the group accepts at most ${max}`)
  return out
}

async function checkImage(path: string, size: number, specs: ImageSpec[]): Promise<string[]> {
  const out = common(path, size, specs)
  if (!specs.length) return out
  try {
    const info = await probeImage(path)
    const ext = extname(path).toLowerCase()
    if ((info.format === 'png') !== (ext === '.png')) out.push(`is named ${ext} but is really a ${info.format.toUpperCase()} file`)
    const sized = specs.filter(s => fits(s, info.width, info.height))
    if (!sized.length) out.push(`is ${info.width}×${info.height}; the group accepts ${sizeText(specs)}`)
    else if (info.hasAlpha && !sized.some(s => s.alphaAllowed)) out.push('has an alpha channel (transparency); the group accepts only opaque images')
  } catch (e) {
    if (!(e instanceof MediaError)) throw e
    out.push(e.message.replace(path, '').trim())
  }
  return out
}

async function checkVideo(path: string, size: number, specs: VideoSpec[]): Promise<string[]> {
  const out = common(path, size, specs)
  if (!specs.length) return out
  try {
    const info = await probeVideo(path)
    const sized = specs.filter(s => fits(s, info.width, info.height))
    if (!sized.length) return [...out, `is ${info.width}×${info.height}; the group accepts ${sizeText(specs)}`]
    const fps = sized.flatMap(s => s.frameRates ?? [])
    if (fps.length && !fps.some(f => info.fps >= f.minFps - FPS_TOLERANCE && info.fps <= f.maxFps + FPS_TOLERANCE)) {
      out.push(`runs at ${info.fps.toFixed(2)} fps; the group accepts ${fps.map(f => `${f.minFps}–${f.maxFps}`).join(', ')} fps`)
    }
    const durations = sized.map(s => [seconds(s.duration?.min) ?? 0, seconds(s.duration?.max) ?? Infinity] as const)
    if (!durations.some(([min, max]) => info.durationSeconds >= min && info.durationSeconds <= max)) {
      out.push(`is ${info.durationSeconds.toFixed(1)} s long; the group accepts ${sized.map(s => `${s.duration?.min}–${s.duration?.max}`).join(', ')}`)
    }
    if (!info.hasAudio && sized.every(s => s.audioRequired)) out.push('has no audio track; the group requires audio')
  } catch (e) {
    if (!(e instanceof MediaError)) throw e
    out.push(e.message.replace(path, '').trim())
  }
  return out
}
