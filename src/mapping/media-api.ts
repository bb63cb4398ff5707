/**
 * Mapping checks that depend on the `media-api` input, run by the pipeline before any request:
 * an entry that names only a `placement-group` (no display / preview type) can be delivered only by
 * the asset library, and only for the version's own media (custom product pages and experiments stay
 * set-based in both modes, and sets need a type).
 */
import type { Problem } from '../errors.js'
import { displayPath, pointerSegments } from './locate.js'
import { MEDIA_SECTIONS, PLACEMENT_GROUP_KEY } from './schema.js'
import type { Mapping } from './types.js'

export function mediaApiProblems(mapping: Mapping, mediaApi: 'sets' | 'library' | undefined): Problem[] {
  const problems: Problem[] = []
  for (const entry of mapping.entries) {
    if (!entry.groupOnly) continue
    const typeKey = MEDIA_SECTIONS.find(s => s.kind === entry.kind)?.typeKey ?? 'display-type'
    const name = `${displayPath(pointerSegments(entry.source.pointer))} (line ${entry.source.line ?? '?'})`
    const setBased = entry.surface === 'custom-product-page' || entry.surface === 'experiment'
    const message =
      mediaApi !== 'library'
        ? `${name}: ${PLACEMENT_GROUP_KEY} needs media-api: library; with sets, give ${typeKey}`
        : setBased
          ? `${name}: ${PLACEMENT_GROUP_KEY} applies only to the version's own media; ${entry.surface === 'experiment' ? 'experiments' : 'custom product pages'} stay set-based, give ${typeKey}`
          : undefined
    if (message) problems.push({ file: entry.source.file, line: entry.source.line, column: entry.source.column, category: 'mapping', message })
  }
  return problems
}
