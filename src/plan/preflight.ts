/**
 * Checks made before any write, all reported together: each file against its display type's
 * accepted sizes and real format, the per-set limits (counting what stays remote), and that the
 * version has every locale the mapping names.
 */
import type { Problem } from '../errors.js'
import type { DesiredSet, SetPlan } from '../model.js'
import { ASSET_TYPES } from '../surfaces/asset-types.js'

/** Most items of one container: 10 screenshots, 3 previews, 1 for to-one kinds (App Clip images, routing coverage). */
export function limitOf(kind: DesiredSet['kind']): number {
  return ASSET_TYPES[kind].maxItems
}

/** Too many local files for one set. */
export function checkLocalLimits(sets: DesiredSet[]): Problem[] {
  return sets
    .filter(s => s.files.length > limitOf(s.kind))
    .map(s => ({
      file: s.source.file,
      line: s.source.line,
      column: s.source.column,
      category: 'mapping',
      message: `${s.files.length} ${s.kind}s for ${s.setType}${s.locale ? ` in ${s.locale}` : ''}, but ${limitOf(s.kind) === 1 ? 'it takes exactly one file' : `a set holds at most ${limitOf(s.kind)}`} (${s.files.map(f => f.displayPath).join(', ')}).`
    }))
}

/** Locales the mapping names that the version does not have. */
export function checkLocales(sets: DesiredSet[], available: Map<string, string>, versionLabel: string, noun = 'version'): Problem[] {
  const seen = new Set<string>()
  const problems: Problem[] = []
  for (const s of sets) {
    if (available.has(s.locale) || seen.has(s.locale)) continue
    seen.add(s.locale)
    problems.push({
      file: s.files[0]?.displayPath ?? s.source.file,
      category: 'asset',
      message: `locale "${s.locale}" has files but ${noun} ${versionLabel} has no ${s.locale} localization (it has ${[...available.keys()].sort().join(', ') || 'none'}). Add the localization in App Store Connect, or rename the folder.`
    })
  }
  return problems
}

/** After planning: what stays remote plus what is uploaded must fit the set (matters in append mode). */
export function checkPlannedLimits(plans: SetPlan[]): Problem[] {
  return plans.flatMap(p => {
    // A kind without DELETE (advanced App Clip images) is replaced by reference: the old one leaves the slot.
    if (!ASSET_TYPES[p.kind].deletable) return []
    const removed = new Set(p.delete.map(d => d.remote.id))
    const remaining = p.remoteOrder.filter(id => !removed.has(id)).length
    const total = remaining + p.upload.length
    if (total <= limitOf(p.kind)) return []
    return [
      {
        file: p.source.file,
        line: p.source.line,
        column: p.source.column,
        category: 'mapping',
        message: `${p.setType}${p.locale ? ` in ${p.locale}` : ''} would hold ${total} ${p.kind}s (${remaining} staying on App Store Connect + ${p.upload.length} new), over the limit of ${limitOf(p.kind)}; use mode sync or replace, or remove files.`
      }
    ]
  })
}
