/**
 * `init`: a starter mapping file from a folder in fastlane's layout (screenshots/<locale>/*.png, with
 * fastlane's device-named files and its appleTV/ and iMessage/ subfolders). Display types are
 * inferred from pixel sizes, and only where exactly one type accepts the size: a size two types
 * share (2048×2732: iPad 13" or 12.9"; 3840×2160: Apple TV or Vision Pro) is written as a TODO
 * placeholder that fails validation until the user chooses, instead of a guess.
 */
import { readdir, stat, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { InputError } from '../errors.js'
import { naturalCompare } from '../mapping/expand.js'
import { buildMappingSchema, LOCALE_PATTERN } from '../mapping/schema.js'
import { probeImage } from '../media/index.js'
import { isAcceptedSize, SCREENSHOT_DISPLAY_TYPES, SCREENSHOT_SPECS } from '../media/specs.js'

export interface InitOptions {
  workspace: string
  /** The screenshots folder, relative to the workspace (default: fastlane/screenshots or screenshots). */
  dir?: string
  /** The mapping file to write, relative to the workspace. */
  output?: string
  force?: boolean
  /** The schema reference for the yaml-language-server header. */
  schema?: string
}

export interface InitResult {
  output: string
  text: string
  entries: number
  files: number
  /** Groups whose display type the user must choose. */
  ambiguous: { files: string; choices: string[] }[]
  /** Files no display type accepts (or that could not be read). */
  skipped: { file: string; reason: string }[]
  locales: string[]
}

/** The schema copy `init` writes beside the mapping file for the yaml-language-server header. */
const LOCAL_SCHEMA = 'app-store-assets.schema.json'

/** Placeholder display type for an ambiguous size; not in the schema's enum, so validation fails until it is replaced. */
export const CHOOSE = 'TODO'
const IMAGE_EXT = /\.(png|jpe?g)$/i
const LOCALE_RE = new RegExp(LOCALE_PATTERN)
const APPLE_TV_DIR = 'appletv'
const IMESSAGE_DIR = 'imessage'

interface Shot {
  locale: string
  /** Folder below the locale ('' for fastlane's flat layout). */
  sub: string
  name: string
  width: number
  height: number
  types: string[]
}

/** Display types whose sizes include width×height, narrowed by fastlane's folder conventions and explicit names. */
export function displayTypesFor(width: number, height: number, hints: { sub?: string; name?: string } = {}): string[] {
  const sub = (hints.sub ?? '').toLowerCase()
  const imessage = sub.split('/').includes(IMESSAGE_DIR)
  let types = SCREENSHOT_DISPLAY_TYPES.filter(t => t.startsWith('IMESSAGE_') === imessage && isAcceptedSize('screenshot', t, width, height))
  if (types.length > 1 && sub.split('/').includes(APPLE_TV_DIR)) types = types.filter(t => SCREENSHOT_SPECS[t]?.platform === 'TV_OS')
  if (types.length > 1 && hints.name) {
    // A file named after its display type (…APP_IPAD_PRO_3GEN_129…) says which one it is.
    const upper = hints.name.toUpperCase()
    const named = types.filter(t => new RegExp(`(^|[^A-Z0-9_])${t}([^A-Z0-9_]|$)`).test(upper))
    if (named.length === 1) types = named
  }
  return types
}

async function findDir(workspace: string, dir: string | undefined): Promise<string> {
  const candidates = dir ? [dir] : ['fastlane/screenshots', 'screenshots']
  for (const c of candidates) {
    const s = await stat(path.resolve(workspace, c)).catch(() => undefined)
    if (s?.isDirectory()) return c.split(path.sep).join('/').replace(/\/+$/, '')
  }
  throw new InputError('dir', dir ? `${dir} is not a folder in ${workspace}.` : `neither fastlane/screenshots nor screenshots exists in ${workspace}; pass the folder that holds <locale>/*.png.`)
}

async function listImages(root: string, rel: string, depth: number): Promise<{ sub: string; name: string }[]> {
  const entries = await readdir(path.join(root, rel), { withFileTypes: true })
  const out: { sub: string; name: string }[] = []
  for (const e of entries.sort((a, b) => naturalCompare(a.name, b.name))) {
    if (e.name.startsWith('.')) continue
    if (e.isFile() && IMAGE_EXT.test(e.name)) out.push({ sub: rel, name: e.name })
    else if (e.isDirectory() && depth > 0) out.push(...(await listImages(root, rel ? `${rel}/${e.name}` : e.name, depth - 1)))
  }
  return out
}

function commonPrefix(names: string[]): string {
  if (!names.length) return ''
  let p = names[0] as string
  for (const n of names) while (!n.startsWith(p)) p = p.slice(0, -1)
  return p
}

/** Up to and with the first "-" outside parentheses: "iPad Pro (12.9-inch) (2nd generation)-01_Home" → "iPad Pro (12.9-inch) (2nd generation)-". */
function devicePrefix(prefix: string): string | undefined {
  let depth = 0
  for (let i = 0; i < prefix.length; i++) {
    const c = prefix[i]
    if (c === '(') depth++
    else if (c === ')') depth = Math.max(0, depth - 1)
    else if (c === '-' && depth === 0 && i > 0) return prefix.slice(0, i + 1)
  }
  return undefined
}

/** The glob's file-name part: a shared prefix (fastlane's device names) and a shared extension. */
function namePattern(names: string[]): { pattern: string; test: (name: string) => boolean } {
  const common = commonPrefix(names.map(n => n.slice(0, n.length - path.extname(n).length)))
  // Keep the prefix to what names the device: fastlane's snapshot names files "<device>-<name>.png".
  const prefix = devicePrefix(common) ?? (names.length > 1 ? common.replace(/\d+$/, '') : '')
  const exts = new Set(names.map(n => path.extname(n).toLowerCase()))
  const ext = exts.size === 1 ? path.extname(names[0] as string) : ''
  const sameCase = names.every(n => n.endsWith(ext))
  const suffix = ext && sameCase ? ext : ''
  const escaped = prefix.replace(/[*?[\]]/g, c => `[${c}]`)
  return {
    pattern: `${escaped}*${suffix}`,
    test: n => n.startsWith(prefix) && n.endsWith(suffix) && n.length >= prefix.length + suffix.length && IMAGE_EXT.test(n)
  }
}

interface Entry {
  files: string
  types: string[]
  locales?: string[]
  count: number
  comment?: string
}

export async function initMapping(options: InitOptions): Promise<InitResult> {
  const workspace = path.resolve(options.workspace)
  const output = options.output ?? 'app-store-assets.yml'
  const outPath = path.resolve(workspace, output)
  if (!options.force && (await stat(outPath).catch(() => undefined))) {
    throw new InputError('output', `${output} already exists; pass --force to overwrite it.`)
  }
  const dir = await findDir(workspace, options.dir)
  const root = path.resolve(workspace, dir)
  const locales: string[] = []
  const shots: Shot[] = []
  const skipped: InitResult['skipped'] = []
  for (const d of (await readdir(root, { withFileTypes: true })).sort((a, b) => naturalCompare(a.name, b.name))) {
    if (!d.isDirectory() || d.name.startsWith('.')) continue
    if (!LOCALE_RE.test(d.name)) {
      skipped.push({ file: `${dir}/${d.name}/`, reason: 'is not a locale folder (fastlane\'s "default" folder is not supported: copy it per locale)' })
      continue
    }
    locales.push(d.name)
    for (const f of await listImages(path.join(root, d.name), '', 2)) {
      const shown = [dir, d.name, f.sub, f.name].filter(Boolean).join('/')
      try {
        const info = await probeImage(path.join(root, d.name, f.sub, f.name))
        const types = displayTypesFor(info.width, info.height, f)
        if (!types.length) skipped.push({ file: shown, reason: `${info.width}×${info.height} is not a size any display type accepts` })
        else shots.push({ locale: d.name, sub: f.sub, name: f.name, width: info.width, height: info.height, types })
      } catch (e) {
        skipped.push({ file: shown, reason: (e as Error).message })
      }
    }
  }
  const entries = groupEntries(dir, shots, locales)
  const ambiguous = entries.filter(e => e.types.length > 1).map(e => ({ files: e.files, choices: e.types }))
  const text = render({ dir, entries, skipped, schema: options.schema ?? `./${LOCAL_SCHEMA}` })
  await writeFile(outPath, text)
  // Editors validate offline against a copy of the schema beside the mapping (kept if one exists).
  if (!options.schema) await writeFile(path.join(path.dirname(outPath), LOCAL_SCHEMA), `${JSON.stringify(buildMappingSchema(), null, 2)}\n`, { flag: 'wx' }).catch(() => undefined)
  return { output: outPath, text, entries: entries.length, files: shots.length, ambiguous, skipped, locales }
}

/**
 * Files with the same folder and candidate display types form a set per locale. When every locale
 * holds the set under the same name pattern — and the pattern selects nothing else — one entry with
 * {locale} covers them all; otherwise each locale gets its own entry.
 */
function groupEntries(dir: string, shots: Shot[], allLocales: string[]): Entry[] {
  const groups = new Map<string, Shot[]>()
  for (const s of shots) {
    const key = `${s.sub}\u0000${s.types.join('|')}`
    groups.set(key, [...(groups.get(key) ?? []), s])
  }
  const entries: Entry[] = []
  for (const list of groups.values()) {
    const { sub, types } = list[0] as Shot
    const siblings = (locale: string) => shots.filter(s => s.locale === locale && s.sub === sub)
    const pattern = namePattern(list.map(s => s.name))
    const locales = [...new Set(list.map(s => s.locale))]
    const exclusive = locales.every(l => siblings(l).every(s => pattern.test(s.name) === list.includes(s)))
    const folder = (locale: string) => [dir, locale, sub].filter(Boolean).join('/')
    const comment = types.length > 1 ? ambiguityComment(list[0] as Shot) : undefined
    if (exclusive) {
      const all = locales.length === allLocales.length
      entries.push({ files: `${folder('{locale}')}/${pattern.pattern}`, types, locales: all ? undefined : locales, count: list.length, comment })
      continue
    }
    for (const locale of locales) {
      const mine = list.filter(s => s.locale === locale)
      const p = namePattern(mine.map(s => s.name))
      const ok = siblings(locale).every(s => p.test(s.name) === mine.includes(s))
      entries.push({
        files: `${folder(locale)}/${p.pattern}`,
        types,
        locales: [locale],
        count: mine.length,
        comment: [comment, ok ? undefined : `TODO: this folder mixes display types and no file-name prefix tells them apart; move these ${mine.length} files (${mine.map(s => s.name).join(', ')}) into a folder of their own`]
          .filter(Boolean)
          .join('\n')
      })
    }
  }
  return entries.sort((a, b) => SCREENSHOT_DISPLAY_TYPES.indexOf(a.types[0] as string) - SCREENSHOT_DISPLAY_TYPES.indexOf(b.types[0] as string) || naturalCompare(a.files, b.files))
}

function ambiguityComment(s: Shot): string {
  const labels = s.types.map(t => `${t} (${SCREENSHOT_SPECS[t]?.label ?? t})`).join(', ')
  return `TODO choose: ${s.types.join(' or ')}\n${s.width}×${s.height} fits ${labels}; replace ${CHOOSE} with the one these screenshots are for.`
}

function yamlString(s: string): string {
  return JSON.stringify(s)
}

function render(input: { dir: string; entries: Entry[]; skipped: InitResult['skipped']; schema: string }): string {
  const lines = [
    `# yaml-language-server: $schema=${input.schema}`,
    `# Written by \`app-store-media init\` from ${input.dir}/ (fastlane's layout: <locale>/*.png).`,
    '# Display types were inferred from pixel sizes. Check the TODOs, then run `app-store-media validate`.',
    '# {locale} expands to every locale folder on disk; files upload in natural order (2 before 10).'
  ]
  for (const s of input.skipped) lines.push(`# skipped ${s.file}: ${s.reason}`)
  if (!input.entries.length) {
    lines.push('# No screenshots found. Add entries like:', '# screenshots:', '#   - files: "screenshots/{locale}/iphone/*.png"', '#     display-type: APP_IPHONE_67', 'screenshots: []')
    return lines.join('\n') + '\n'
  }
  lines.push('screenshots:')
  for (const e of input.entries) {
    for (const c of e.comment?.split('\n') ?? []) lines.push(`  # ${c}`)
    lines.push(`  - files: ${yamlString(e.files)}`)
    lines.push(`    display-type: ${e.types.length === 1 ? e.types[0] : CHOOSE}`)
    if (e.locales) lines.push(`    locales: [${e.locales.map(yamlString).join(', ')}]`)
  }
  return lines.join('\n') + '\n'
}
