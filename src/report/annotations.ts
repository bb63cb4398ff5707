/**
 * Which annotations a list of problems becomes: each points at the mapping file's line and column or
 * at the offending asset file; at most `limit` per category (mapping, asset, …), then one line with
 * the count of the rest, so a mapping with 300 mistakes does not bury the log. Pure, so it is tested
 * without @actions/core.
 */
import type { Problem } from '../errors.js'
import { redact } from './redact.js'

export interface AnnotationCall {
  message: string
  properties: { title: string; file?: string; startLine?: number; startColumn?: number }
}

export const ANNOTATIONS_PER_CATEGORY = 10

export function categoryOf(p: Problem): string {
  return p.category ?? 'other'
}

export function annotationsFor(problems: readonly Problem[], limit = ANNOTATIONS_PER_CATEGORY): AnnotationCall[] {
  const byCategory = new Map<string, Problem[]>()
  for (const p of problems) byCategory.set(categoryOf(p), [...(byCategory.get(categoryOf(p)) ?? []), p])
  const out: AnnotationCall[] = []
  for (const [category, list] of byCategory) {
    const title = `App Store media: ${category}`
    for (const p of list.slice(0, limit)) {
      const properties: AnnotationCall['properties'] = { title }
      if (p.file) properties.file = p.file
      if (p.line) properties.startLine = p.line
      if (p.line && p.column) properties.startColumn = p.column
      out.push({ message: redact(p.message), properties })
    }
    if (list.length > limit) {
      const rest = list.length - limit
      out.push({ message: `${rest} more ${category} problem${rest === 1 ? '' : 's'} not annotated; see the job summary or the log.`, properties: { title } })
    }
  }
  return out
}
