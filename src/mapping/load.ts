/**
 * Reads and validates the mapping file. Every problem (syntax, schema, semantic) carries the line and
 * column it comes from and all of them are thrown together, so one run shows the user everything to fix.
 */
import { readFile } from 'node:fs/promises'
import { isAbsolute, relative, resolve, sep } from 'node:path'
import { LineCounter, parseDocument, type Document } from 'yaml'
import { ActionError, ValidationError, type Problem } from '../errors.js'
import { platformOf } from '../media/specs.js'
import type { Platform } from '../model.js'
import { validate as validateMapping, type MappingValidator } from './generated/validate-mapping.js'
import { SourceLocator } from './locate.js'
import { schemaMessage, type SchemaMessage } from './messages.js'
import { MEDIA_SECTIONS, PLACEMENT_GROUP_KEY, SLOTS, type MediaSection } from './schema.js'
import { isRecord, semanticProblems } from './semantic.js'
import type { Mapping, MappingEntry } from './types.js'

export interface LoadOptions {
  workspace: string
}

const HEADLINE = 'The mapping file has problems'
/**
 * The schema check is Ajv's standalone code, generated from schema.ts by write-schema.ts (`npm run schema`)
 * with allErrors (every problem at once), verbose (messages quote error.data and list the keys of
 * error.parentSchema) and strict; a test fails while it is stale. Compiling the schema here instead cost
 * about 50 ms of start-up, before the first request.
 */
function validate(data: unknown): MappingValidator {
  validateMapping(data)
  return validateMapping
}

/** Workspace-relative with POSIX separators when inside the workspace; absolute otherwise. */
export function workspaceRelative(workspace: string, path: string): string {
  const rel = relative(resolve(workspace), resolve(path))
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) return resolve(path)
  return rel.split(sep).join('/')
}

async function readMappingText(path: string, display: string, workspace: string): Promise<string> {
  try {
    return await readFile(path, 'utf8')
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code
    if (code === 'ENOENT') {
      throw new ActionError(`Mapping file ${display} not found in ${workspace}; create it or set the \`mapping\` input`)
    }
    if (code === 'EISDIR') throw new ActionError(`Mapping file ${display} is a directory; set the \`mapping\` input to a file`)
    throw new ActionError(`Mapping file ${display} cannot be read: ${(err as Error).message}`)
  }
}

/** JSON.parse is stricter than YAML's reading of JSON (trailing commas, comments); a .json file must be real JSON. */
function jsonSyntaxOffset(text: string): { offset: number; message: string } | undefined {
  try {
    JSON.parse(text)
    return undefined
  } catch (err) {
    const message = (err as Error).message
    // V8 reports "at position N" (older) or "(line L column C)" (newer); both become an offset.
    const lc = /line (\d+) column (\d+)/.exec(message)
    const offset = lc ? offsetOf(text, Number(lc[1]), Number(lc[2])) : Number(/position (\d+)/.exec(message)?.[1] ?? 0)
    return { offset, message: `invalid JSON: ${message}` }
  }
}

function offsetOf(text: string, line: number, column: number): number {
  const lines = text.split('\n').slice(0, line - 1)
  return lines.reduce((n, l) => n + l.length + 1, 0) + column - 1
}

function syntaxProblems(doc: Document, text: string, path: string, locator: SourceLocator, file: string): Problem[] {
  const problems: Problem[] = doc.errors.map(e => ({
    file,
    ...locator.position(e.pos[0]),
    message: `YAML syntax error: ${e.message}`,
    category: 'mapping'
  }))
  if (problems.length === 0 && path.toLowerCase().endsWith('.json')) {
    const json = jsonSyntaxOffset(text)
    if (json) problems.push({ file, ...locator.position(json.offset), message: json.message, category: 'mapping' })
  }
  return problems
}

function toProblem(m: SchemaMessage, locator: SourceLocator, file: string): Problem {
  const pos = m.key !== undefined ? locator.locateKey(m.segments, m.key) : locator.locate(m.segments)
  return { file, ...pos, message: m.message, category: 'mapping' }
}

function byPosition(a: Problem, b: Problem): number {
  return (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0)
}

export async function loadMapping(path: string, opts: LoadOptions): Promise<Mapping> {
  const absolute = resolve(opts.workspace, path)
  const file = workspaceRelative(opts.workspace, absolute)
  const text = await readMappingText(absolute, file, opts.workspace)
  const lineCounter = new LineCounter()
  // prettyErrors off: the message stays the parser's sentence; position comes from the LineCounter.
  const doc = parseDocument(text, { lineCounter, prettyErrors: false })
  const locator = new SourceLocator(doc, lineCounter)
  const syntax = syntaxProblems(doc, text, absolute, locator, file)
  if (syntax.length) throw new ValidationError(syntax, HEADLINE)

  const data: unknown = doc.toJS()
  // The entry's anyOf (a type or a placement group) yields three terse errors; semanticProblems words that one.
  const schemaErrors = (validate(data).errors ?? []).filter(e => !e.schemaPath.includes('/anyOf'))
  const messages = [...schemaErrors.map(schemaMessage), ...semanticProblems(data)]
  const problems = dedupe(messages.map(m => toProblem(m, locator, file))).sort(byPosition)
  if (problems.length) throw new ValidationError(problems, HEADLINE)
  return { path: absolute, displayPath: file, entries: toEntries(data, locator, file) }
}

function dedupe(problems: Problem[]): Problem[] {
  const seen = new Set<string>()
  return problems.filter(p => {
    const key = `${p.line}:${p.column}:${p.message}`
    return seen.has(key) ? false : (seen.add(key), true)
  })
}

/** Only called on data the schema accepted, so the casts below are checked facts. */
function toEntries(data: unknown, locator: SourceLocator, file: string): MappingEntry[] {
  if (!isRecord(data)) return []
  const source = (segments: string[]) => ({ file, ...locator.locate(segments), pointer: `/${segments.join('/')}` })
  const entries = setEntries(data, [], locator, file)
  const headers = (data['app-clip-header-images'] ?? []) as Record<string, unknown>[]
  headers.forEach((raw, i) => {
    const entry: MappingEntry = { kind: 'app-clip-header-image', surface: 'app-clip', files: raw.files as string, setType: SLOTS['app-clip-header-image'], platform: 'IOS', source: source(['app-clip-header-images', String(i)]) }
    if (Array.isArray(raw.locales)) entry.locales = [...(raw.locales as string[])]
    entries.push(entry)
  })
  const advanced = (data['app-clip-advanced-experience-images'] ?? []) as Record<string, unknown>[]
  advanced.forEach((raw, i) =>
    entries.push({
      kind: 'app-clip-advanced-image',
      surface: 'app-clip',
      target: { experience: raw.experience as string },
      files: raw.files as string,
      setType: SLOTS['app-clip-advanced-image'],
      platform: 'IOS',
      localeless: true,
      source: source(['app-clip-advanced-experience-images', String(i)])
    })
  )
  const review = data['review-attachments'] as Record<string, unknown> | undefined
  if (review) {
    const platform = review.platform as Platform | undefined
    entries.push({ kind: 'review-attachment', surface: 'review', files: review.files as string, setType: SLOTS['review-attachment'], platform: platform ?? 'IOS', ...(platform ? {} : { defaultPlatform: true }), localeless: true, source: source(['review-attachments']) })
  }
  const routing = data['routing-app-coverage'] as string | undefined
  if (routing) {
    entries.push({ kind: 'routing-coverage', surface: 'routing', files: routing, setType: SLOTS['routing-coverage'], platform: 'IOS', defaultPlatform: true, localeless: true, source: source(['routing-app-coverage']) })
  }
  const pages = (data['custom-product-pages'] ?? []) as Record<string, unknown>[]
  pages.forEach((page, i) => {
    for (const e of setEntries(page, ['custom-product-pages', String(i)], locator, file)) entries.push({ ...e, surface: 'custom-product-page', target: { page: page.name as string } })
  })
  const experiments = (data.experiments ?? []) as Record<string, unknown>[]
  experiments.forEach((x, i) => {
    for (const e of setEntries(x, ['experiments', String(i)], locator, file)) entries.push({ ...e, surface: 'experiment', target: { experiment: x.name as string, treatment: x.treatment as string } })
  })
  return entries
}

/** The `screenshots` / `previews` entries of the top level, a page or a treatment (the same entry shape everywhere). */
function setEntries(data: Record<string, unknown>, at: string[], locator: SourceLocator, file: string): MappingEntry[] {
  return MEDIA_SECTIONS.flatMap(section => {
    const list = (data[section.key] ?? []) as Record<string, unknown>[]
    return list.map((raw, i) => toEntry(section, raw, [...at, section.key, String(i)], locator, file))
  })
}

function toEntry(
  section: MediaSection,
  raw: Record<string, unknown>,
  segments: string[],
  locator: SourceLocator,
  file: string
): MappingEntry {
  const type = raw[section.typeKey] as string | undefined
  const group = raw[PLACEMENT_GROUP_KEY] as string | undefined
  // The schema requires the type or the group; a group-only entry is labelled by its group.
  const setType = type ?? (group as string)
  const entry: MappingEntry = {
    kind: section.kind,
    files: raw.files as string,
    setType,
    platform: (raw.platform as Platform | undefined) ?? (type ? (platformOf(section.kind, type) as Platform) : 'IOS'),
    source: { file, ...locator.locate(segments), pointer: `/${segments.join('/')}` }
  }
  if (group !== undefined) entry.placementGroup = group
  if (type === undefined) entry.groupOnly = true
  if (typeof raw['frame-time-code'] === 'string') entry.frameTimeCode = raw['frame-time-code']
  if (Array.isArray(raw.locales)) entry.locales = [...(raw.locales as string[])]
  return entry
}
