/**
 * Checks the schema cannot express: where `{locale}` may stand, that every entry has locales to
 * expand to, that globs stay inside the workspace, that an explicit platform fits the set type, and
 * that a set entry names its type or a placement group (worded here rather than by the schema's anyOf).
 * They run on raw data even when the schema failed, so one run reports every problem at once.
 */
import { platformOf } from '../media/specs.js'
import { PLATFORMS, type Platform } from '../model.js'
import { displayPath } from './locate.js'
import type { SchemaMessage } from './messages.js'
import { LOCALE_PLACEHOLDER, MAPPING_KEYS, MEDIA_SECTIONS, PLACEMENT_GROUP_KEY, type MediaSection } from './schema.js'

const GLOB_CHARS = /[*?[\]]/

/** Problems with the `files` glob itself; empty when it is usable. */
export function globProblems(files: string, hasLocales: boolean): string[] {
  const out: string[] = []
  const segments = files.split('/')
  if (/^([/\\]|[A-Za-z]:)/.test(files)) out.push('must be relative to the workspace, not an absolute path')
  if (segments.some(s => s === '..') || /(^|[\\/])\.\.([\\/]|$)/.test(files)) {
    out.push('must stay inside the workspace; remove ".." segments')
  }
  // @actions/glob reads these as comment / exclusion / pattern separators, which would silently match nothing.
  if (/^[#!]/.test(files) || /[\r\n]/.test(files)) out.push('must be a single glob; it must not start with # or ! or span lines')
  const unknown = files.match(/\{[^}]*\}/g)?.filter(p => p !== LOCALE_PLACEHOLDER) ?? []
  if (unknown.length) out.push(`uses unknown placeholder ${unknown.join(', ')}; only ${LOCALE_PLACEHOLDER} is supported`)
  out.push(...placeholderProblems(segments, hasLocales))
  return out
}

function placeholderProblems(segments: string[], hasLocales: boolean): string[] {
  const at = segments.flatMap((s, i) => (s.includes(LOCALE_PLACEHOLDER) ? [i] : []))
  if (at.length === 0) {
    return hasLocales ? [] : [`has no ${LOCALE_PLACEHOLDER} segment, so the entry needs a \`locales\` list (e.g. locales: [en-US])`]
  }
  const out: string[] = []
  if (at.length > 1 || segments[at[0]!] !== LOCALE_PLACEHOLDER) {
    out.push(`must use ${LOCALE_PLACEHOLDER} once, as a whole path segment (e.g. "screenshots/${LOCALE_PLACEHOLDER}/*.png")`)
  }
  // The locales are the directory names at that position, so the path up to it must be a plain directory.
  if (segments.slice(0, at[0]).some(s => GLOB_CHARS.test(s))) {
    out.push(`must not use wildcards before ${LOCALE_PLACEHOLDER}`)
  }
  return out
}

function entryProblems(section: MediaSection, entry: Record<string, unknown>, at: string[]): SchemaMessage[] {
  const out: SchemaMessage[] = []
  const where = (key: string): string[] => [...at, key]
  if (typeof entry.files === 'string' && entry.files !== '') {
    // A wrongly typed `locales` is the schema's to report; here it only matters that one was given.
    const hasLocales = entry.locales !== undefined
    for (const msg of globProblems(entry.files, hasLocales)) {
      out.push({ segments: where('files'), message: `${displayPath(where('files'))}: "${entry.files}" ${msg}` })
    }
  }
  const setType = entry[section.typeKey]
  if (setType === undefined && entry[PLACEMENT_GROUP_KEY] === undefined) {
    out.push({
      segments: at,
      message:
        `${displayPath(at)}: missing required key "${section.typeKey}"; give the ${section.typeNoun}, or ` +
        `\`${PLACEMENT_GROUP_KEY}\` (media-api: library) for a placement group that has no ${section.typeNoun}`
    })
  }
  const expected = typeof setType === 'string' ? platformOf(section.kind, setType) : undefined
  if (expected && typeof entry.platform === 'string' && entry.platform !== expected && isPlatform(entry.platform)) {
    out.push({
      segments: where('platform'),
      message:
        `${displayPath(where('platform'))}: ${setType} is a ${expected} ${section.typeNoun}, not ${entry.platform}; ` +
        `remove \`platform\` or set it to ${expected}`
    })
  }
  return out
}

function isPlatform(value: string): value is Platform {
  return (PLATFORMS as readonly string[]).includes(value)
}

/** Problems of the `screenshots` / `previews` lists under `at` (the top level, a page or a treatment). */
function setListProblems(data: Record<string, unknown>, at: string[]): SchemaMessage[] {
  const out: SchemaMessage[] = []
  for (const section of MEDIA_SECTIONS) {
    const list = data[section.key]
    if (!Array.isArray(list)) continue
    list.forEach((entry, i) => {
      if (isRecord(entry)) out.push(...entryProblems(section, entry, [...at, section.key, String(i)]))
    })
  }
  return out
}

/** A glob that names no locale: it must be a usable glob and must not use {locale}. */
function localelessGlobProblems(files: unknown, at: string[]): SchemaMessage[] {
  if (typeof files !== 'string' || files === '') return []
  const problems = globProblems(files, true).filter(m => !m.includes(LOCALE_PLACEHOLDER))
  if (files.includes(LOCALE_PLACEHOLDER)) problems.push(`must not use ${LOCALE_PLACEHOLDER}: this kind has no locale`)
  return problems.map(msg => ({ segments: at, message: `${displayPath(at)}: "${files}" ${msg}` }))
}

export function semanticProblems(data: unknown): SchemaMessage[] {
  if (!isRecord(data)) return []
  const out: SchemaMessage[] = []
  if (!MAPPING_KEYS.some(k => k in data)) {
    out.push({ segments: [], message: `the mapping file has no entries; add at least one of: ${MAPPING_KEYS.join(', ')}` })
  }
  out.push(...setListProblems(data, []))
  const headers = data['app-clip-header-images']
  if (Array.isArray(headers)) {
    headers.forEach((entry, i) => {
      const at = ['app-clip-header-images', String(i), 'files']
      if (isRecord(entry) && typeof entry.files === 'string' && entry.files !== '') {
        for (const msg of globProblems(entry.files, entry.locales !== undefined)) out.push({ segments: at, message: `${displayPath(at)}: "${entry.files}" ${msg}` })
      }
    })
  }
  const advanced = data['app-clip-advanced-experience-images']
  if (Array.isArray(advanced)) advanced.forEach((entry, i) => isRecord(entry) && out.push(...localelessGlobProblems(entry.files, ['app-clip-advanced-experience-images', String(i), 'files'])))
  const review = data['review-attachments']
  if (isRecord(review)) out.push(...localelessGlobProblems(review.files, ['review-attachments', 'files']))
  out.push(...localelessGlobProblems(data['routing-app-coverage'], ['routing-app-coverage']))
  for (const key of ['custom-product-pages', 'experiments']) {
    const list = data[key]
    if (!Array.isArray(list)) continue
    list.forEach((item, i) => {
      if (!isRecord(item)) return
      if (!MEDIA_SECTIONS.some(s => s.key in item)) {
        out.push({ segments: [key, String(i)], message: `${displayPath([key, String(i)])}: has no media; add screenshots or previews` })
      }
      out.push(...setListProblems(item, [key, String(i)]))
    })
  }
  return out
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
