/**
 * Mapping checks that depend on the `media-api` input, run by the pipeline before any request:
 * an entry that names only a `placement-group` (no display / preview type) can be delivered only by
 * the asset library (the version's media, custom product pages and experiments alike); sets need a type.
 */
import type { Problem } from '../errors.js'
import { displayPath, pointerSegments } from './locate.js'
import { MEDIA_SECTIONS, PLACEMENT_GROUP_KEY } from './schema.js'
import type { Mapping } from './types.js'

export function mediaApiProblems(mapping: Mapping, mediaApi: 'sets' | 'library' | undefined): Problem[] {
  const problems: Problem[] = []
  for (const entry of mapping.entries) {
    if (!entry.groupOnly || mediaApi === 'library') continue
    const typeKey = MEDIA_SECTIONS.find(s => s.kind === entry.kind)?.typeKey ?? 'display-type'
    const name = `${displayPath(pointerSegments(entry.source.pointer))} (line ${entry.source.line ?? '?'})`
    const message = `${name}: ${PLACEMENT_GROUP_KEY} needs media-api: library; with sets, give ${typeKey}`
    problems.push({ file: entry.source.file, line: entry.source.line, column: entry.source.column, category: 'mapping', message })
  }
  return problems
}
