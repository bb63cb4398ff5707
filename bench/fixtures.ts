/**
 * Benchmark inputs: realistic (about 1.5 MB, noisy) screenshots and padded previews, generated once
 * into bench/.cache and hard-linked into throw-away workspaces, so a second `npm run bench` does not
 * spend half a minute encoding PNGs again.
 */
import { existsSync } from 'node:fs'
import { copyFile, link, mkdir, mkdtemp, rename, rm, stat, unlink, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { makePaddedMp4 } from '../src/media/padded-mp4.js'
import { encodePng } from '../src/media/png-writer.js'

export const BENCH_DIR = path.dirname(fileURLToPath(import.meta.url))
export const ROOT = path.resolve(BENCH_DIR, '..')
export const CACHE = path.join(BENCH_DIR, '.cache')
export const SAMPLE_PREVIEW = path.join(ROOT, 'samples/previews/en-US/iphone-6.9/1.mp4')

/** Display types of W1: folder, display type, size, and the noise that gives about 1.5 MB. */
export const DEVICES = [
  { dir: 'iphone-6.9', displayType: 'APP_IPHONE_67', width: 1320, height: 2868, noise: 0.065 },
  { dir: 'iphone-6.5', displayType: 'APP_IPHONE_65', width: 1284, height: 2778, noise: 0.068 },
  { dir: 'ipad-13', displayType: 'APP_IPAD_PRO_3GEN_129', width: 2064, height: 2752, noise: 0.043 }
] as const
export type Device = (typeof DEVICES)[number]

export const W1_LOCALES = ['en-US', 'de-DE', 'ja']
/** W5: the three seeded locales plus seven the bench's sandbox adds. */
export const W5_EXTRA_LOCALES = ['fr-FR', 'es-ES', 'it', 'pt-BR', 'ko', 'zh-Hans', 'nl-NL']
export const SCREENSHOTS_PER_SET = 10

/**
 * A cached noisy PNG; `variant` changes the content (and so the MD5) without changing the size much.
 * A `light` one has the same dimensions and no noise, so it compresses to about 60 KB: W1-light's
 * files, which pass the same checks and make the same plan with almost no bytes to move.
 */
export async function cachedPng(device: Device, variant: number, light = false): Promise<string> {
  const file = path.join(CACHE, light ? 'png-light' : 'png', `${device.dir}-${variant}.png`)
  if (existsSync(file)) return file
  await mkdir(path.dirname(file), { recursive: true })
  const fill = [(variant * 53) % 256, (variant * 17 + 40) % 256, (variant * 97) % 256] as const
  const png = encodePng({ width: device.width, height: device.height, level: 1, noise: light ? 0 : device.noise, seed: variant * 7919 + device.width, fill })
  const temp = `${file}.${process.pid}.tmp`
  await writeFile(temp, png)
  await rename(temp, file)
  return file
}

/** A padded (sparse where the file system allows) MP4 of exactly `bytes`. */
export async function cachedPreview(bytes: number): Promise<string> {
  const file = path.join(CACHE, 'mp4', `preview-${bytes}.mp4`)
  if (existsSync(file) && (await stat(file)).size === bytes) return file
  await mkdir(path.dirname(file), { recursive: true })
  await makePaddedMp4(SAMPLE_PREVIEW, file, bytes)
  return file
}

/** Hard link when possible (instant, no disk), else copy. Never writes through an existing link. */
export async function place(src: string, dest: string): Promise<void> {
  await mkdir(path.dirname(dest), { recursive: true })
  if (existsSync(dest)) await unlink(dest)
  await link(src, dest).catch(() => copyFile(src, dest))
}

export async function workspace(name: string): Promise<string> {
  return mkdtemp(path.join(tmpdir(), `asc-bench-${name}-`))
}

export async function removeWorkspace(ws: string): Promise<void> {
  await rm(ws, { recursive: true, force: true })
}

/** Generates every PNG the workloads need (once; about 40 s on two cores the first time). */
export async function warmCache(onProgress?: (done: number, total: number) => void): Promise<void> {
  const variants = (light: boolean, count: number) => DEVICES.flatMap(d => Array.from({ length: count }, (_, i) => ({ d, v: i + 1, light })))
  const wanted = [...variants(false, W1_LOCALES.length * SCREENSHOTS_PER_SET + 1), ...variants(true, W1_LOCALES.length * SCREENSHOTS_PER_SET)]
  let done = 0
  for (const { d, v, light } of wanted) {
    await cachedPng(d, v, light)
    onProgress?.(++done, wanted.length)
  }
}

const pngName = (i: number): string => `${String(i + 1).padStart(2, '0')}.png`

/** W1: locales × devices × 10 screenshots, different per locale, plus one preview per locale (`light`: W1-light's PNGs). */
export async function buildW1(ws: string, previewBytes: number, light = false): Promise<void> {
  const lines = ['screenshots:']
  for (const d of DEVICES) lines.push(`  - files: "screenshots/{locale}/${d.dir}/*.png"`, `    display-type: ${d.displayType}`)
  lines.push('previews:', '  - files: "previews/{locale}/iphone-6.9/*.mp4"', '    preview-type: IPHONE_67', '    frame-time-code: "00:00:05:00"')
  await writeFile(path.join(ws, 'app-store-assets.yml'), `${lines.join('\n')}\n`)
  for (const [li, locale] of W1_LOCALES.entries()) {
    for (const d of DEVICES) {
      for (let i = 0; i < SCREENSHOTS_PER_SET; i++) await place(await cachedPng(d, li * SCREENSHOTS_PER_SET + i + 1, light), path.join(ws, 'screenshots', locale, d.dir, pngName(i)))
    }
    await place(await cachedPreview(previewBytes + li), path.join(ws, 'previews', locale, 'iphone-6.9', '1.mp4'))
  }
}

/** W3: in en-US iPhone 6.9", screenshot 03 gets new content and 07 is removed. */
export async function changeForW3(ws: string): Promise<void> {
  const d = DEVICES[0]
  const dir = path.join(ws, 'screenshots', 'en-US', d.dir)
  await place(await cachedPng(d, W1_LOCALES.length * SCREENSHOTS_PER_SET + 1), path.join(dir, pngName(2)))
  await unlink(path.join(dir, pngName(6)))
}

/** W4: one preview of `bytes` in one locale. */
export async function buildW4(ws: string, bytes: number): Promise<void> {
  await writeFile(
    path.join(ws, 'app-store-assets.yml'),
    ['previews:', '  - files: "previews/{locale}/iphone-6.9/*.mp4"', '    preview-type: IPHONE_67', '    frame-time-code: "00:00:05:00"', ''].join('\n')
  )
  await place(await cachedPreview(bytes), path.join(ws, 'previews', 'en-US', 'iphone-6.9', '1.mp4'))
}

/** W5: the same 3 × 10 screenshots for every locale (one `locales:` list per entry, no {locale} folders). */
export async function buildW5(ws: string, locales: string[]): Promise<void> {
  const lines = ['screenshots:']
  for (const d of DEVICES) {
    lines.push(`  - files: "shared/${d.dir}/*.png"`, `    display-type: ${d.displayType}`, `    locales: [${locales.join(', ')}]`)
    for (let i = 0; i < SCREENSHOTS_PER_SET; i++) await place(await cachedPng(d, i + 1), path.join(ws, 'shared', d.dir, pngName(i)))
  }
  await writeFile(path.join(ws, 'app-store-assets.yml'), `${lines.join('\n')}\n`)
}

/** The sparse file's real disk use, to report whether "sparse on disk" worked. */
export async function diskBytes(file: string): Promise<number> {
  const s = await stat(file)
  return s.blocks * 512
}
