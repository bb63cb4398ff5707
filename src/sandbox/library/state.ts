/**
 * The sandbox's App Asset Library state: one library per app (id = app id, as in every Apple example),
 * its images and videos, placements on version, custom product page and experiment treatment
 * localizations, and each (localization, group)'s order.
 *
 * Upload bookkeeping reuses the set-based machinery: every library asset also has an AssetRecord in
 * `store.assets`, so the upload listener (signed URLs, parts on disk) serves it unchanged. The
 * library-specific facts (category, referenceName, specId, state) live here, keyed by the same id.
 */
import { randomUUID } from 'node:crypto'
import type { AppleMediaError } from '../../model.js'
import type { AssetRecord, Store } from '../store.js'
import { buildRefData, type RefData } from './ref-data.js'

export type MediaType = 'IMAGE' | 'VIDEO'

export const ASSET_STATES = [
  'AWAITING_UPLOAD',
  'UPLOAD_COMPLETE',
  'COMPLETE',
  'PREPARE_FOR_SUBMISSION',
  'READY_FOR_REVIEW',
  'WAITING_FOR_REVIEW',
  'IN_REVIEW',
  'ACCEPTED',
  'APPROVED',
  'REJECTED',
  'FAILED',
  'ARCHIVED'
] as const
export type AssetState = (typeof ASSET_STATES)[number]

export const PLACEMENT_TYPES = [
  'APP_SCREENSHOT',
  'APP_PREVIEW',
  'IMESSAGE_APP_SCREENSHOT',
  'PRODUCT_PAGE_HEADER_ASSET',
  'APP_STORE_SEARCH_RESULTS_ASSET',
  'EVENT_CARD_ASSET',
  'EVENT_DETAILS_PAGE_ASSET',
  'SEARCH_RESULTS_ADS_ASSET',
  'TODAY_TAB_ADS_ASSET',
  'RETENTION_MESSAGE_ASSET'
] as const

export const PLACEMENT_STATES = [
  'ASSET_PROCESSING',
  'PARENT_PREPARE_FOR_SUBMISSION',
  'PARENT_READY_FOR_REVIEW',
  'PARENT_WAITING_FOR_REVIEW',
  'PARENT_IN_REVIEW',
  'PARENT_APPROVED',
  'FAILED'
] as const

export const CATEGORIES = ['APP_SCREENSHOTS_AND_PREVIEWS', 'CREATIVE_ASSETS'] as const

export interface ProcessedOutcome {
  state: 'PREPARE_FOR_SUBMISSION' | 'FAILED'
  specId: string | null
  stateDetails: AppleMediaError[]
  width?: number
  height?: number
}

export interface LibraryAsset {
  id: string
  mediaType: MediaType
  libraryId: string
  category: string
  referenceName: string | null
  createdAt: number
  modifiedAt: number
  previewFrameTimeCode: string | null
  /** The upload bookkeeping shared with the upload listener (also in store.assets). */
  record: AssetRecord
  outcome: ProcessedOutcome | null
  /** A review state set by tests (READY_FOR_REVIEW … APPROVED, REJECTED) or ARCHIVED. */
  forcedState: AssetState | null
}

export interface Placement {
  id: string
  assetId: string
  mediaType: MediaType
  placementType: string
  placementGroup: string
  /** The localization relationship name and id (version, custom product page or experiment treatment localization). */
  parentRelationship: string
  parentId: string
  createdAt: number
}

/** What tests read: a placement with its asset, in display order. */
export interface PlacementView {
  id: string
  placementType: string
  placementGroup: string
  assetId: string
  fileName: string
  referenceName: string | null
  state: string
}

export class LibraryState {
  readonly assets = new Map<string, LibraryAsset>()
  readonly placements = new Map<string, Placement>()
  /**
   * `${parentId}|${group}|${placementType}` → placement ids in display order. SILENT whether mixed
   * placement types in one group share one order (screenshots and previews use the same group ids):
   * the sandbox keeps one order per type.
   */
  readonly order = new Map<string, string[]>()
  readonly refData: RefData = buildRefData()
  orderingRequests = 0

  constructor(readonly store: Store) {}

  libraryIds(): string[] {
    return [...this.store.apps.keys()]
  }

  hasLibrary(id: string): boolean {
    return this.store.apps.has(id)
  }

  state(a: LibraryAsset): AssetState {
    if (a.forcedState) return a.forcedState
    const r = a.record
    if (r.committedAt === null) return 'AWAITING_UPLOAD'
    // Store.deliveryState applies the processing delay captured at commit; reuse it for the clock.
    const delivery = this.store.deliveryState(r)
    if (delivery === 'UPLOAD_COMPLETE' || delivery === 'PROCESSING') return 'UPLOAD_COMPLETE'
    return a.outcome?.state ?? 'UPLOAD_COMPLETE'
  }

  processed(a: LibraryAsset): boolean {
    const s = this.state(a)
    return s !== 'AWAITING_UPLOAD' && s !== 'UPLOAD_COMPLETE' && s !== 'FAILED'
  }

  placementsOfAsset(assetId: string): Placement[] {
    return [...this.placements.values()].filter(p => p.assetId === assetId)
  }

  key(parentId: string, group: string, placementType: string): string {
    return `${parentId}|${group}|${placementType}`
  }

  /** Placements of a parent: by group (in name order), each group in display order. */
  placementsOfParent(parentId: string): Placement[] {
    const keys = [...new Set([...this.placements.values()].filter(p => p.parentId === parentId).map(p => this.key(parentId, p.placementGroup, p.placementType)))].sort()
    return keys.flatMap(k => (this.order.get(k) ?? []).map(id => this.placements.get(id)!).filter(Boolean))
  }

  addPlacement(p: Placement): void {
    this.placements.set(p.id, p)
    const key = this.key(p.parentId, p.placementGroup, p.placementType)
    // SILENT where a new placement lands; the sandbox appends it to the end of its group.
    this.order.set(key, [...(this.order.get(key) ?? []), p.id])
  }

  deletePlacement(id: string): void {
    const p = this.placements.get(id)
    if (!p) return
    this.placements.delete(id)
    const key = this.key(p.parentId, p.placementGroup, p.placementType)
    this.order.set(key, (this.order.get(key) ?? []).filter(x => x !== id))
  }

  deleteAsset(id: string): void {
    this.assets.delete(id)
    this.store.assets.delete(id)
  }

  placementState(p: Placement): string {
    const a = this.assets.get(p.assetId)
    if (!a) return 'FAILED'
    const s = this.state(a)
    if (s === 'FAILED') return 'FAILED'
    if (!this.processed(a)) return 'ASSET_PROCESSING'
    const vs = this.parentState(p)
    if (['READY_FOR_REVIEW', 'WAITING_FOR_REVIEW', 'IN_REVIEW'].includes(vs)) return `PARENT_${vs}`
    if (['PENDING_DEVELOPER_RELEASE', 'PENDING_APPLE_RELEASE', 'READY_FOR_DISTRIBUTION', 'PROCESSING_FOR_DISTRIBUTION', 'ACCEPTED', 'APPROVED', 'COMPLETED', 'STOPPED'].includes(vs)) return 'PARENT_APPROVED'
    return 'PARENT_PREPARE_FOR_SUBMISSION'
  }

  /** The state of the placement's parent: the App Store version, the custom product page version or the experiment. */
  private parentState(p: Placement): string {
    const s = this.store
    if (p.parentRelationship === 'appCustomProductPageLocalization') return s.pageVersions.get(s.pageLocalizations.get(p.parentId)?.parentId ?? '')?.state ?? 'PREPARE_FOR_SUBMISSION'
    if (p.parentRelationship === 'appStoreVersionExperimentTreatmentLocalization') {
      const t = s.treatments.get(s.treatmentLocalizations.get(p.parentId)?.parentId ?? '')
      return (t && s.experiments.get(t.experimentId)?.state) ?? 'PREPARE_FOR_SUBMISSION'
    }
    return s.versionOfLocalization(p.parentId)?.appVersionState ?? 'PREPARE_FOR_SUBMISSION'
  }

  // ---- views for tests ----

  /** A localization's placements of one group and type (default APP_SCREENSHOT), in display order. */
  group(localizationId: string, group: string, placementType = 'APP_SCREENSHOT'): PlacementView[] {
    return (this.order.get(this.key(localizationId, group, placementType)) ?? []).map(id => this.view(this.placements.get(id)!))
  }

  /** File names of one group's placements in display order. */
  fileNames(localizationId: string, group: string, placementType = 'APP_SCREENSHOT'): string[] {
    return this.group(localizationId, group, placementType).map(v => v.fileName)
  }

  view(p: Placement): PlacementView {
    const a = this.assets.get(p.assetId)
    return { id: p.id, placementType: p.placementType, placementGroup: p.placementGroup, assetId: p.assetId, fileName: a?.record.fileName ?? '', referenceName: a?.referenceName ?? null, state: this.placementState(p) }
  }

  /** Every library asset with its state (tests). */
  list(): { id: string; mediaType: MediaType; fileName: string; referenceName: string | null; state: AssetState; specId: string | null; placements: number }[] {
    return [...this.assets.values()].map(a => ({
      id: a.id,
      mediaType: a.mediaType,
      fileName: a.record.fileName,
      referenceName: a.referenceName,
      state: this.state(a),
      specId: this.processed(a) ? (a.outcome?.specId ?? null) : null,
      placements: this.placementsOfAsset(a.id).length
    }))
  }

  /** Sets an asset's review state (e.g. APPROVED before an archive test). */
  forceState(assetId: string, state: AssetState | null): void {
    const a = this.assets.get(assetId)
    if (a) a.forcedState = state
  }

  newId(): string {
    return randomUUID()
  }
}

const states = new WeakMap<Store, LibraryState>()

/** The library state of a sandbox (by its store): created on first use. */
export function libraryOf(store: Store): LibraryState {
  let s = states.get(store)
  if (!s) {
    s = new LibraryState(store)
    states.set(store, s)
  }
  return s
}
