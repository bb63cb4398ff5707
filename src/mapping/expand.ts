/**
 * Expands a validated mapping against the workspace: `{locale}` becomes each locale directory on
 * disk, each glob becomes an ordered file list, and every (platform, kind, locale, type) target is
 * claimed by exactly one entry. Problems are returned, not thrown, so the caller can merge them with
 * later checks (image sizes, durations) into one report.
 */
import { readdir, realpath, stat } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { createLimit } from '../deliver/limit.js'
import type { Problem } from '../errors.js'
import { workspaceRelative } from './load.js'
import { displayPath, pointerSegments } from './locate.js'
import { matchFiles } from './match-files.js'
import { LOCALE_PATTERN, LOCALE_PLACEHOLDER } from './schema.js'
import type { ExpandedSet, Mapping, MappingEntry } from './types.js'

export { naturalCompare } from './match-files.js'

export interface ExpandOptions {
  workspace: string
  /** The action's `locales` input: when given, only these locales are expanded. */
  locales?: string[]
  /** What a glob that matches nothing is: a problem (default) or a warning. */
  onEmptyGlob?: 'error' | 'warn'
}

export interface ExpandResult {
  sets: ExpandedSet[]
  /** Union of the locales of `sets`, sorted. */
  locales: string[]
  problems: Problem[]
  warnings: Problem[]
}

interface Context {
  mapping: Mapping
  workspace: string
  root: string
  opts: ExpandOptions
  problems: Problem[]
  warnings: Problem[]
  /** Every locale some entry expanded to, whether or not files matched. */
  expanded: Set<string>
}

const LOCALE_RE = new RegExp(LOCALE_PATTERN)
const GLOBS_AT_ONCE = 8

function entryName(entry: MappingEntry): string {
  return `${displayPath(pointerSegments(entry.source.pointer))} (line ${entry.source.line ?? '?'})`
}

function at(ctx: Context, entry: MappingEntry, message: string): Problem {
  const { line, column } = entry.source
  return { file: ctx.mapping.displayPath, line, column, message, category: 'mapping' }
}

/** Locale directory names at the `{locale}` position; names that are not locale codes are skipped with a warning. */
async function localeDirectories(ctx: Context, entry: MappingEntry, prefix: string): Promise<string[]> {
  const dir = join(ctx.workspace, prefix)
  let names: string[]
  try {
    names = (await readdir(dir)).filter(n => !n.startsWith('.'))
  } catch {
    ctx.problems.push(at(ctx, entry, `${entryName(entry)}: directory "${prefix || '.'}" for ${LOCALE_PLACEHOLDER} does not exist`))
    return []
  }
  const out: string[] = []
  for (const name of names.sort()) {
    // stat follows symlinks, so a linked locale directory (en-GB → en-US) counts; realpath checks guard its files.
    const isDir = await stat(join(dir, name)).then(s => s.isDirectory(), () => false)
    if (!isDir) continue
    if (LOCALE_RE.test(name)) out.push(name)
    else ctx.warnings.push(at(ctx, entry, `${entryName(entry)}: skipped directory "${join(prefix, name)}": not a locale code`))
  }
  return out
}

async function entryLocales(ctx: Context, entry: MappingEntry): Promise<string[]> {
  // Review attachments, routing coverage and advanced experience images have no locale: the `locales` input does not filter them.
  if (entry.localeless) return ['']
  const segments = entry.files.split('/')
  const index = segments.indexOf(LOCALE_PLACEHOLDER)
  // An entry's own `locales` list is explicit: its locales are expanded even without a directory, so a missing one is reported.
  let locales = entry.locales ?? (index >= 0 ? await localeDirectories(ctx, entry, segments.slice(0, index).join('/')) : [])
  if (ctx.opts.locales) locales = locales.filter(l => ctx.opts.locales!.includes(l))
  return locales
}

async function expandEntry(ctx: Context, entry: MappingEntry, locale: string): Promise<ExpandedSet | undefined> {
  const pattern = entry.files.split(LOCALE_PLACEHOLDER).join(locale)
  const { files, rejected } = await matchFiles(ctx.workspace, ctx.root, pattern)
  for (const r of rejected) {
    ctx.problems.push({
      file: workspaceRelative(ctx.workspace, r.path),
      message: `${r.message} (matched by ${entryName(entry)} in ${ctx.mapping.displayPath})`,
      category: 'asset'
    })
  }
  if (files.length === 0) {
    if (rejected.length === 0) {
      const problem = at(ctx, entry, `${entryName(entry)}: no files match "${pattern}"${locale ? ` for ${locale}` : ''}`)
      ;(ctx.opts.onEmptyGlob === 'warn' ? ctx.warnings : ctx.problems).push(problem)
    }
    return undefined
  }
  const set: ExpandedSet = { kind: entry.kind, platform: entry.platform, locale, setType: entry.setType, files, source: entry.source }
  if (entry.surface) set.surface = entry.surface
  if (entry.target) set.target = entry.target
  if (entry.defaultPlatform) set.defaultPlatform = true
  if (entry.frameTimeCode !== undefined) set.frameTimeCode = entry.frameTimeCode
  if (entry.placementGroup !== undefined) set.placementGroup = entry.placementGroup
  if (entry.groupOnly) set.groupOnly = true
  return set
}

export async function expandMapping(mapping: Mapping, opts: ExpandOptions): Promise<ExpandResult> {
  const workspace = resolve(opts.workspace)
  const ctx: Context = { mapping, workspace, root: await realpath(workspace), opts, problems: [], warnings: [], expanded: new Set() }
  const claimed = new Map<string, MappingEntry>()
  const jobs: { entry: MappingEntry; locale: string }[] = []
  for (const entry of mapping.entries) {
    for (const locale of await entryLocales(ctx, entry)) {
      if (locale) ctx.expanded.add(locale)
      const where = JSON.stringify([entry.surface ?? 'version', entry.target ?? {}])
      const target = `${where}|${entry.platform}|${entry.kind}|${locale}|${entry.setType}`
      const first = claimed.get(target)
      if (first) {
        const lines = `lines ${first.source.line ?? '?'} and ${entry.source.line ?? '?'}`
        ctx.problems.push(at(ctx, entry, `two entries target ${entry.setType}${locale ? ` for ${locale}` : ''}: ${lines}`))
        continue
      }
      claimed.set(target, entry)
      jobs.push({ entry, locale })
    }
  }
  // The globs run side by side (each walks its own directory; every run waits for them before its first
  // write), and their problems are merged in mapping order, so messages read the same on every run.
  const limit = createLimit(GLOBS_AT_ONCE)
  const expanded = await Promise.all(
    jobs.map(({ entry, locale }) =>
      limit(async () => {
        const own: Context = { ...ctx, problems: [], warnings: [] }
        return { set: await expandEntry(own, entry, locale), own }
      })
    )
  )
  const sets: ExpandedSet[] = []
  for (const { set, own } of expanded) {
    ctx.problems.push(...own.problems)
    ctx.warnings.push(...own.warnings)
    if (set) sets.push(set)
  }
  warnUnusedLocales(ctx)
  const locales = [...new Set(sets.map(s => s.locale).filter(Boolean))].sort()
  return { sets, locales, problems: ctx.problems, warnings: ctx.warnings }
}

/** A locale in the `locales` input that no entry produced is most likely a typo (en_US, en-us). */
function warnUnusedLocales(ctx: Context): void {
  for (const locale of ctx.opts.locales ?? []) {
    if (!ctx.expanded.has(locale)) {
      ctx.warnings.push({
        file: ctx.mapping.displayPath,
        message: `locale ${locale} from the \`locales\` input matches no entry of the mapping`,
        category: 'mapping'
      })
    }
  }
}
