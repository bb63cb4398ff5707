#!/usr/bin/env node
/**
 * Writes the committed sample assets (samples/) and the media test fixtures (__tests__/fixtures/media/).
 * Run once by hand after changing a design: `node scripts/make-samples.mjs`. Needs pngjs (a dev
 * dependency) and ffmpeg. ffmpeg is NOT available in CI or to users, which is exactly why the
 * outputs are committed instead of generated at test time.
 */
import { execFileSync } from 'node:child_process'
import { mkdirSync, writeFileSync, readFileSync, statSync } from 'node:fs'
import { dirname, join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import { PNG } from 'pngjs'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const samples = join(root, 'samples')
const fixtures = join(root, '__tests__', 'fixtures', 'media')
const written = []

function write(path, data) {
  mkdirSync(dirname(path), { recursive: true })
  writeFileSync(path, data)
  written.push(path)
}

// 5×7 block glyphs: a digit drawn with rectangles reads as a distinct "screen" at a glance.
const GLYPHS = {
  1: ['00100', '01100', '00100', '00100', '00100', '00100', '01110'],
  2: ['01110', '10001', '00001', '00010', '00100', '01000', '11111'],
  3: ['11110', '00001', '00001', '01110', '00001', '00001', '11110']
}

const PALETTES = [
  [[32, 92, 200], [120, 170, 255]],
  [[200, 60, 90], [255, 170, 120]],
  [[30, 140, 90], [160, 230, 140]]
]

/** Flat horizontal bands (not a smooth gradient) so zlib compresses each screenshot to a few KB. */
function screenshotPng(width, height, digit, localeIndex) {
  const png = new PNG({ width, height, colorType: 2, inputHasAlpha: false })
  const [top, bottom] = PALETTES[(digit - 1 + localeIndex) % PALETTES.length]
  const bands = 12
  const glyph = GLYPHS[digit]
  const cell = Math.floor(width / 9)
  const gx = Math.floor((width - 5 * cell) / 2)
  const gy = Math.floor((height - 7 * cell) / 2)
  for (let y = 0; y < height; y++) {
    const t = Math.floor((y / height) * bands) / (bands - 1)
    const band = top.map((c, i) => Math.round(c + (bottom[i] - c) * t))
    for (let x = 0; x < width; x++) {
      const gr = Math.floor((y - gy) / cell)
      const gc = Math.floor((x - gx) / cell)
      const inGlyph = gr >= 0 && gr < 7 && gc >= 0 && gc < 5 && glyph[gr][gc] === '1'
      const inBar = y < height * 0.06 // a "status bar", so screens look like screens
      const rgb = inGlyph ? [255, 255, 255] : inBar ? [20, 20, 28] : band
      const o = (y * width + x) * 4
      png.data[o] = rgb[0]
      png.data[o + 1] = rgb[1]
      png.data[o + 2] = rgb[2]
      png.data[o + 3] = 255
    }
  }
  return PNG.sync.write(png, { colorType: 2, deflateLevel: 9 })
}

function tinyPng(width, height, alpha) {
  const png = new PNG({ width, height })
  for (let i = 0; i < width * height; i++) {
    png.data[i * 4] = (i * 7) & 255
    png.data[i * 4 + 1] = 128
    png.data[i * 4 + 2] = 200
    png.data[i * 4 + 3] = alpha ? (i % 2 ? 128 : 255) : 255
  }
  return PNG.sync.write(png, { colorType: alpha ? 6 : 2 })
}

function ffmpeg(args) {
  execFileSync('ffmpeg', ['-hide_banner', '-loglevel', 'error', '-y', ...args], { stdio: 'inherit' })
}

/**
 * A flat background with a moving box: trivially compressible, so a 16 s 886×1920 preview stays
 * small. `opts.audio` adds a stereo AAC sine track; `opts.faststart` puts moov first.
 */
function makeVideo(out, { width, height, seconds, fps = 30, audio = true, faststart = false, extra = [] }) {
  mkdirSync(dirname(out), { recursive: true })
  const video = `color=c=0x2a5cc8:s=${width}x${height}:r=${fps}:d=${seconds},` +
    `drawbox=x='mod(t*120,${width - 200})':y=${Math.floor(height / 3)}:w=200:h=200:color=white:t=fill`
  const args = ['-f', 'lavfi', '-i', video]
  if (audio) args.push('-f', 'lavfi', '-i', `sine=frequency=440:sample_rate=48000:duration=${seconds}`)
  args.push('-c:v', 'libx264', '-preset', 'veryslow', '-crf', '38', '-pix_fmt', 'yuv420p', '-g', String(fps * 4))
  if (audio) args.push('-c:a', 'aac', '-ac', '2', '-b:a', '32k')
  if (faststart) args.push('-movflags', '+faststart')
  args.push(...extra, '-t', String(seconds), out)
  ffmpeg(args)
  written.push(out)
}

function makeScreenshots() {
  const locales = ['en-US', 'de-DE']
  locales.forEach((locale, li) => {
    for (const d of [1, 2, 3]) {
      write(join(samples, 'screenshots', locale, 'iphone-6.9', `${d}.png`), screenshotPng(1320, 2868, d, li))
    }
    for (const d of [1, 2]) {
      write(join(samples, 'screenshots', locale, 'ipad-13', `${d}.png`), screenshotPng(2064, 2752, d, li))
    }
  })
}

const MAPPING = `# Which local files go to which App Store Connect screenshot / preview set.
# {locale} expands to every locale folder that exists (en-US, de-DE here).
screenshots:
  - files: "screenshots/{locale}/iphone-6.9/*.png"
    display-type: APP_IPHONE_67
  - files: "screenshots/{locale}/ipad-13/*.png"
    display-type: APP_IPAD_PRO_3GEN_129
previews:
  - files: "previews/{locale}/iphone-6.9/*.mp4"
    preview-type: IPHONE_67
    frame-time-code: "00:00:05:00"
`

function makeFixtures() {
  write(join(fixtures, 'alpha.png'), tinyPng(64, 48, true))
  const opaque = tinyPng(64, 48, false)
  write(join(fixtures, 'opaque.png'), opaque)
  // Cut inside the IDAT chunk: signature and IHDR are fine, the rest is missing.
  write(join(fixtures, 'truncated.png'), opaque.subarray(0, Math.floor(opaque.length / 2)))
  write(join(fixtures, 'empty.png'), Buffer.alloc(0))
  write(join(fixtures, 'not-an-image.png'), Buffer.from('this is a text file, not a picture\n'))
  const jpeg = join(fixtures, 'photo.jpg')
  ffmpeg(['-f', 'lavfi', '-i', 'testsrc2=s=320x240:d=1', '-frames:v', '1', '-q:v', '8', jpeg])
  written.push(jpeg)
  write(join(fixtures, 'really-jpeg.png'), readFileSync(jpeg))

  const ok = { width: 886, height: 1920, seconds: 16 }
  makeVideo(join(fixtures, 'ok-16s.mp4'), ok)
  makeVideo(join(fixtures, 'ok-16s.mov'), { ...ok, faststart: true, extra: ['-f', 'mov'] })
  makeVideo(join(fixtures, 'no-audio.mp4'), { ...ok, audio: false })
  makeVideo(join(fixtures, 'short-10s.mp4'), { ...ok, seconds: 10 })
  makeVideo(join(fixtures, 'wrong-size.mp4'), { ...ok, width: 1080, seconds: 12 })
  makeVideo(join(fixtures, 'fps-60.mp4'), { ...ok, fps: 60, seconds: 8 })
  // Encoded landscape, displayed portrait through the track matrix (how phones record).
  const rotated = join(fixtures, 'rotated.mp4')
  makeVideo(rotated, { width: 1920, height: 886, seconds: 16 })
  writeFileSync(rotated, rotateFirstTrack(readFileSync(rotated)))
}

/**
 * ffmpeg 5 ignores `rotate` metadata and has no -display_rotation, so write the 90° matrix into the
 * first tkhd (the video track, as ffmpeg orders them) by hand. Version-0 tkhd: the matrix starts 40
 * bytes after the box's version/flags.
 */
function rotateFirstTrack(mp4) {
  const at = mp4.indexOf('tkhd', 0, 'latin1')
  if (at < 0 || mp4[at + 4] !== 0) throw new Error('expected a version-0 tkhd')
  const matrix = [0, 0x10000, 0, -0x10000, 0, 0, 0, 0, 0x40000000]
  matrix.forEach((v, i) => mp4.writeInt32BE(v, at + 4 + 40 + i * 4))
  return mp4
}

makeScreenshots()
write(join(samples, 'app-store-assets.yml'), MAPPING)
makeVideo(join(samples, 'previews', 'en-US', 'iphone-6.9', '1.mp4'), { width: 886, height: 1920, seconds: 16, faststart: true })
makeFixtures()

for (const path of written) console.log(`${String(statSync(path).size).padStart(9)}  ${relative(root, path)}`)
