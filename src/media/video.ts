/**
 * Reads an app preview's container facts with mp4box (gpac's ISO-BMFF parser). Only box headers
 * and the ftyp/moov boxes are read, so media data and padding (mdat, free) are skipped wherever
 * they sit: a 500 MB preview costs a few small reads and little memory.
 */
import { open, type FileHandle } from 'node:fs/promises'
import type { Movie, Track } from 'mp4box'
import { readTopLevelBoxes, type TopLevelBox } from './iso-boxes.js'
import { MediaError, unreadable } from './media-error.js'

export interface VideoInfo {
  /** 'mp4' | 'mov' | 'm4v', or the raw major brand when it maps to none of them. */
  container: 'mp4' | 'mov' | 'm4v' | (string & {})
  /** The ftyp major brand, trimmed ('isom', 'qt', 'M4V'); '' for old QuickTime files without ftyp. */
  brand: string
  /** Display size: the track header's size, swapped when the track matrix rotates by 90°/270°. */
  width: number
  height: number
  durationSeconds: number
  fps: number
  videoCodec: string
  hasAudio: boolean
  audioCodec?: string
  audioChannels?: number
}

const SLICE = 512 * 1024
/** A 30 s preview's moov is well under 1 MB; far beyond that the header is damaged, not big. */
const MAX_MOOV_BYTES = 64 * 1024 * 1024
/** Top-level boxes an ISO-BMFF / QuickTime file can start with; anything else is not a movie. */
const FIRST_BOXES = new Set(['ftyp', 'moov', 'mdat', 'free', 'skip', 'wide', 'pnot', 'uuid', 'styp'])
const BRAND_CONTAINERS: Record<string, string> = { qt: 'mov', M4V: 'm4v', M4VH: 'm4v', M4VP: 'm4v' }

export async function probeVideo(path: string): Promise<VideoInfo> {
  let fh: FileHandle | undefined
  try {
    fh = await open(path, 'r')
    const size = (await fh.stat()).size
    if (size === 0) throw new MediaError('empty', `${path} is empty (0 bytes)`)
    const boxes = await movieLayout(fh, path, size)
    const { movie, majorBrand } = await parseMovie(fh, path, boxes)
    return describeMovie(movie, majorBrand, path)
  } catch (err) {
    throw unreadable(path, err)
  } finally {
    await fh?.close()
  }
}

/** The top-level boxes, after checking the file is a movie whose moov is complete. */
async function movieLayout(fh: FileHandle, path: string, size: number): Promise<TopLevelBox[]> {
  const head = Buffer.alloc(8)
  await fh.read(head, 0, 8, 0)
  if (size < 8 || !FIRST_BOXES.has(head.toString('latin1', 4, 8))) {
    throw new MediaError('not-video', `${path} is not an MP4/MOV video (no ISO media box at the start of the file)`)
  }
  const boxes = await readTopLevelBoxes(fh, size).catch((err: Error) => {
    throw new MediaError('corrupt', `${path} is a damaged video: ${err.message}`)
  })
  const cut = boxes.find(b => b.truncated)
  if (cut) throw new MediaError('truncated', `${path} is a truncated video: the file ends inside its ${cut.type} box (incomplete export or copy?)`)
  const moov = boxes.find(b => b.type === 'moov')
  if (!moov) throw new MediaError('corrupt', `${path} is a damaged video: it has no movie header (moov box)`)
  if (moov.size > MAX_MOOV_BYTES) throw new MediaError('corrupt', `${path} is a damaged video: its movie header claims ${moov.size} bytes`)
  return boxes
}

/**
 * Hands mp4box only ftyp and moov, back to back as one contiguous stream (fileStart is a position
 * in that stream, not in the file). Every fact we report lives there, and it avoids a stall:
 * mp4box skips a large mdat by itself, but for any other large top-level box (free/skip/wide
 * padding) it asks for the box's end and then waits forever for the bytes in between.
 */
async function parseMovie(fh: FileHandle, path: string, boxes: TopLevelBox[]): Promise<{ movie: Movie; majorBrand: string }> {
  const wanted = ['ftyp', 'moov'].flatMap(type => boxes.find(b => b.type === type) ?? [])
  const total = wanted.reduce((n, b) => n + b.size, 0)
  // Loaded on first use: start-up (and every run without a preview) does not pay for parsing mp4box.
  const { createFile, MP4BoxBuffer } = await loadMp4box()
  const file = createFile()
  let movie: Movie | undefined
  let failure: string | undefined
  const logged: string[] = []
  file.onReady = info => (movie = info)
  file.onError = (_module, message) => (failure = message)
  let streamPos = 0
  for (const box of wanted) {
    for (let done = 0; done < box.size && !movie && !failure; ) {
      const length = Math.min(SLICE, box.size - done)
      const slice = new ArrayBuffer(length)
      const { bytesRead } = await fh.read(new Uint8Array(slice), 0, length, box.start + done)
      if (bytesRead !== length) throw new MediaError('truncated', `${path} is a truncated video: it changed while being read`)
      const buffer = MP4BoxBuffer.fromArrayBuffer(slice, streamPos)
      quietly(logged, () => file.appendBuffer(buffer, streamPos + length >= total), path)
      streamPos += length
      done += length
    }
  }
  if (!movie) quietly(logged, () => file.flush(), path)
  if (!movie) {
    const detail = failure ?? logged.at(-1)
    const why = `its movie header (moov) could not be parsed${detail ? ` (${detail})` : ''}`
    throw new MediaError('corrupt', `${path} is a damaged video: ${why}`)
  }
  return { movie, majorBrand: file.ftyp?.major_brand ?? '' }
}

let mp4box: Promise<typeof import('mp4box')> | undefined
const loadMp4box = (): Promise<typeof import('mp4box')> => (mp4box ??= import('mp4box'))

/**
 * mp4box reports every box it does not know (QuickTime '©swr' metadata, vendor boxes) through
 * console.error and has no level to silence it; in an Action log that reads as a failure. appendBuffer
 * is synchronous, so swapping console.error just around it cannot swallow anyone else's output.
 * Exceptions from inside mp4box become MediaError 'corrupt'.
 */
function quietly<T>(sink: string[], run: () => T, path: string): T {
  const original = console.error
  console.error = (...args: unknown[]) => void sink.push(args.map(String).slice(-1).join(' '))
  try {
    return run()
  } catch (err) {
    // mp4box throws plain TypeErrors on some damaged headers (e.g. a moov without mvhd).
    throw new MediaError('corrupt', `${path} is a damaged video: its movie header (moov) could not be parsed (${(err as Error).message})`)
  } finally {
    console.error = original
  }
}

function describeMovie(movie: Movie, majorBrand: string, path: string): VideoInfo {
  const video = movie.videoTracks[0]
  if (!video) throw new MediaError('no-video-track', `${path} has no video track`)
  const audio = movie.audioTracks[0]
  const brand = majorBrand.trim()
  const [width, height] = displaySize(video)
  const trackSeconds = video.timescale ? video.samples_duration / video.timescale : 0
  const movieSeconds = movie.timescale ? movie.duration / movie.timescale : 0
  return {
    container: brand === '' ? 'mov' : (BRAND_CONTAINERS[brand] ?? (/^(iso|mp4|avc|dash)/.test(brand) ? 'mp4' : brand)),
    brand,
    width,
    height,
    durationSeconds: round(movieSeconds || trackSeconds, 3),
    // Average rate over the track's own media time, so an edit list or a longer audio track cannot skew it.
    fps: trackSeconds > 0 ? round(video.nb_samples / trackSeconds, 3) : 0,
    videoCodec: video.codec,
    hasAudio: Boolean(audio),
    ...(audio ? { audioCodec: audio.codec, audioChannels: audio.audio?.channel_count } : {})
  }
}

/**
 * tkhd width/height already include pixel aspect; a matrix whose a and d are zero rotates by
 * 90° or 270° (how phones store portrait video), which swaps the displayed width and height.
 */
function displaySize(track: Track): [number, number] {
  const w = Math.round(track.track_width || track.video?.width || 0)
  const h = Math.round(track.track_height || track.video?.height || 0)
  const m = track.matrix
  const rotated = m && m[0] === 0 && m[4] === 0 && m[1] !== 0 && m[3] !== 0
  return rotated ? [h, w] : [w, h]
}

function round(value: number, digits: number): number {
  const f = 10 ** digits
  return Math.round(value * f) / f
}
