/**
 * Pure planning for `media-api: library`: desired files per (localization, placement type, group)
 * + the placements read from each localization + the library assets found by our `sha256:` marker →
 * what to upload (each distinct file once), which placements to keep, create and delete, which
 * groups need one ordering request, and which assets may be deleted afterwards. No I/O.
 *
 * Ordering decision: Apple is SILENT on where a new placement lands, so a group in which anything is
 * created gets one ordering request whenever it will hold more than one placement. A group with no
 * creation gets one only when its current order (after deletions) differs from the local order.
 */
import type { LocalAsset, Mode, Platform, SourceRef, Surface } from '../model.js'
import { MARKER_PREFIX, sha256Of } from '../surfaces/library/asset-types.js'

export type LibraryKind = 'screenshot' | 'preview'

/** One group of one localization and the local files it should show, in order. */
export interface LibraryTarget {
  kind: LibraryKind
  locale: string
  localizationId: string
  placementType: string
  group: string
  files: LocalAsset[]
  frameTimeCode?: string
  source: SourceRef
  /** The localization relationship the placements go on (default: the version's). */
  parent?: 'appStoreVersionLocalization' | 'appCustomProductPageLocalization' | 'appStoreVersionExperimentTreatmentLocalization'
  /** For the report: the surface, platform and page / "experiment / treatment" of the localization. */
  surface?: Surface
  platform?: Platform
  label?: string
}

/** A placement as read from a localization (display order within its group). */
export interface RemotePlacement {
  id: string
  placementType: string
  group: string
  assetId: string
  mediaType: 'IMAGE' | 'VIDEO'
  /** The placed asset's referenceName (null when not ours or unknown). */
  referenceName: string | null
  /** The placed asset's raw state (FAILED/AWAITING_UPLOAD assets are not content). */
  assetState: string | null
}

/** A library asset found by its referenceName marker. */
export interface LibraryAssetRef {
  id: string
  kind: LibraryKind
  referenceName: string
  state: string
  specId: string | null
}

export interface GroupPlan {
  target: LibraryTarget
  keep: { local: LocalAsset; placementId: string }[]
  create: LocalAsset[]
  delete: RemotePlacement[]
  /** Placement ids left in place that are not ours to order (append mode), in their current order. */
  extras: string[]
  /** One ordering request for this group. */
  reorder: boolean
}

export interface LibraryPlan {
  /** Distinct files to upload (one per content hash and kind). */
  upload: { kind: LibraryKind; local: LocalAsset; frameTimeCode?: string }[]
  /** Content hash → the library asset already holding it. */
  reuse: Map<string, LibraryAssetRef>
  /** Our assets that never became content (FAILED, abandoned reservations): delete, then upload again. */
  redo: LibraryAssetRef[]
  groups: GroupPlan[]
  /** Assets whose last known placement this plan deletes; deleted only if nothing else places them and they carry our marker. */
  assetCandidates: { id: string; kind: LibraryKind }[]
}

const USABLE_NOT = new Set(['FAILED', 'AWAITING_UPLOAD'])

export const hashKey = (kind: LibraryKind, sha256: string): string => `${kind}:${sha256}`
const keyOfLocal = (kind: LibraryKind, l: LocalAsset) => hashKey(kind, sha256Of(l))
const keyOfMarker = (kind: LibraryKind, ref: string | null) => (ref?.startsWith(MARKER_PREFIX) ? hashKey(kind, ref.slice(MARKER_PREFIX.length)) : undefined)

export function planLibrary(targets: LibraryTarget[], placements: Map<string, RemotePlacement[]>, found: LibraryAssetRef[], mode: Mode): LibraryPlan {
  const reuse = new Map<string, LibraryAssetRef>()
  const redo: LibraryAssetRef[] = []
  for (const a of found) {
    const key = keyOfMarker(a.kind, a.referenceName)
    if (!key) continue
    if (USABLE_NOT.has(a.state)) redo.push(a)
    else if (!reuse.has(key)) reuse.set(key, a)
  }
  const upload: LibraryPlan['upload'] = []
  const queued = new Set<string>()
  for (const t of targets) {
    for (const l of t.files) {
      const key = keyOfLocal(t.kind, l)
      if (reuse.has(key) || queued.has(key)) continue
      queued.add(key)
      upload.push({ kind: t.kind, local: l, ...(t.frameTimeCode ? { frameTimeCode: t.frameTimeCode } : {}) })
    }
  }
  const redoIds = new Set(redo.map(a => a.id))
  const groups = targets.map(t => planGroup(t, placements.get(t.localizationId) ?? [], mode, redoIds))
  const wanted = new Set(targets.flatMap(t => t.files.map(l => keyOfLocal(t.kind, l))))
  const candidates = new Map<string, { id: string; kind: LibraryKind }>()
  for (const g of groups) {
    for (const p of g.delete) {
      const kind: LibraryKind = p.mediaType === 'VIDEO' ? 'preview' : 'screenshot'
      const key = keyOfMarker(kind, p.referenceName)
      // Only our assets, and never one a local file still uses.
      if (key && !wanted.has(key) && !redoIds.has(p.assetId)) candidates.set(p.assetId, { id: p.assetId, kind })
    }
  }
  return { upload, reuse, redo, groups, assetCandidates: [...candidates.values()] }
}

function planGroup(t: LibraryTarget, all: RemotePlacement[], mode: Mode, redoIds: Set<string>): GroupPlan {
  const current = all.filter(p => p.group === t.group && p.placementType === t.placementType)
  const plan: GroupPlan = { target: t, keep: [], create: [], delete: [], extras: [], reorder: false }
  const live = current.filter(p => !redoIds.has(p.assetId) && !USABLE_NOT.has(p.assetState ?? ''))
  // Placements of assets that never became content only take slots.
  plan.delete.push(...current.filter(p => !live.includes(p)))
  const free = [...live]
  if (mode !== 'replace') {
    for (const l of t.files) {
      const key = keyOfLocal(t.kind, l)
      const hit = free.find(p => keyOfMarker(t.kind, p.referenceName) === key)
      if (hit) {
        free.splice(free.indexOf(hit), 1)
        plan.keep.push({ local: l, placementId: hit.id })
      } else plan.create.push(l)
    }
  } else plan.create = [...t.files]
  if (mode === 'append') plan.extras = free.map(p => p.id)
  else plan.delete.push(...free)
  const total = plan.keep.length + plan.create.length + plan.extras.length
  if (plan.create.length > 0) plan.reorder = total > 1
  else {
    const deleted = new Set(plan.delete.map(p => p.id))
    const now = current.filter(p => !deleted.has(p.id)).map(p => p.id)
    plan.reorder = !sameOrder(now, wantedIds(plan, new Map()))
  }
  return plan
}

/** The group's placement ids in the wanted order: the local order, then extras (append mode). */
export function wantedIds(plan: GroupPlan, created: Map<LocalAsset, string>): string[] {
  const ids = plan.target.files.map(l => plan.keep.find(k => k.local === l)?.placementId ?? created.get(l)).filter((id): id is string => id !== undefined)
  return [...ids, ...plan.extras]
}

function sameOrder(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i])
}

/** A plan that writes nothing. */
export function isNoop(plan: LibraryPlan): boolean {
  return plan.upload.length === 0 && plan.redo.length === 0 && plan.assetCandidates.length === 0 && plan.groups.every(g => !g.create.length && !g.delete.length && !g.reorder)
}
