/**
 * The sandbox's state: plain records in maps, plus read-only views that tests assert on.
 * Processing is evaluated lazily: an asset's delivery state is computed from its commit time, the
 * processing time captured at commit and the clock, so a test that moves the clock sees the state move.
 */
import { randomUUID } from 'node:crypto'
import type { AppleMediaError, AssetKind, DeliveryState, Platform, SetKind } from '../model.js'
import { acceptedSizes } from '../media/specs.js'
import type { SeedData, SeedSet } from './seed.js'

export interface AppRecord {
  id: string
  bundleId: string
  name: string
  primaryLocale: string
  sku: string
}

export interface VersionRecord {
  id: string
  appId: string
  platform: Platform
  versionString: string
  appVersionState: string
  createdDate: string
}

export interface LocalizationRecord {
  id: string
  versionId: string
  locale: string
}

export interface SetRecord {
  id: string
  kind: SetKind
  /** The parent localization: of a version (default), a custom product page or a PPO treatment. */
  localizationId: string
  parentType?: SetParentType
  /** ScreenshotDisplayType or PreviewType. */
  setType: string
  /** Display order. */
  itemIds: string[]
}

export type SetParentType = 'appStoreVersionLocalizations' | 'appCustomProductPageLocalizations' | 'appStoreVersionExperimentTreatmentLocalizations'

/** Records of the surfaces beyond version localizations (App Clips, review details, CPPs, PPO). */
export interface AppClipRecord {
  id: string
  appId: string
  bundleId: string
}
export interface ClipExperienceRecord {
  id: string
  appClipId: string
  releaseVersionId: string | null
}
export interface ClipLocalizationRecord {
  id: string
  experienceId: string
  locale: string
}
export interface AdvancedExperienceRecord {
  id: string
  appClipId: string
  link: string
  /** The attached image (appClipAdvancedExperienceImages); the only link between the two. */
  headerImageId: string | null
}
export interface ReviewDetailRecord {
  id: string
  versionId: string
  /** Review fields the action must never change; tests check they stay as seeded. */
  notes: string | null
  contactEmail: string | null
}
export interface PageRecord {
  id: string
  appId: string
  name: string
}
export interface PageVersionRecord {
  id: string
  pageId: string
  state: string
}
export interface ChildLocalizationRecord {
  id: string
  /** The page version or treatment. */
  parentId: string
  locale: string
}
export interface ExperimentRecord {
  id: string
  appId: string
  name: string
  state: string
  platform: Platform
}
export interface TreatmentRecord {
  id: string
  experimentId: string
  name: string
}

export interface PartRecord {
  partNumber: number
  offset: number
  length: number
  /** Bytes of the last complete PUT of this part, or null when none arrived yet. */
  receivedBytes: number | null
  /** MD5 of the last complete PUT, kept when the part is the whole file: the commit then need not read it back. */
  md5?: string
}

export interface ProcessingOutcome {
  state: 'COMPLETE' | 'FAILED'
  errors: AppleMediaError[]
  width?: number
  height?: number
}

export interface AssetRecord {
  id: string
  kind: AssetKind
  /** The set, or the parent of other kinds (App Clip localization, review detail, version); '' for advanced experience images. */
  setId: string
  fileName: string
  fileSize: number
  mimeType: string | null
  previewFrameTimeCode: string | null
  assetToken: string
  createdAt: number
  /** Unix seconds written into every upload URL of this reservation. */
  uploadExpires: number
  parts: PartRecord[]
  committedAt: number | null
  /** Captured at commit so that changing options later does not rewrite history. */
  processingMs: number
  checksumDelayMs: number
  /** The MD5 verified at commit (or seeded). Published as sourceFileChecksum once COMPLETE. */
  checksum: string | null
  checksumPublished: boolean
  outcome: ProcessingOutcome | null
}

/** What tests read: one item of a set, as the API would currently report it. */
export interface AssetView {
  id: string
  kind: AssetKind
  setId: string
  fileName: string
  fileSize: number
  sourceFileChecksum: string | null
  state: DeliveryState
  errors: AppleMediaError[]
}

export interface SetView {
  id: string
  kind: AssetKind
  localizationId: string
  setType: string
  items: AssetView[]
}

export const EDITABLE_VERSION_STATES: readonly string[] = [
  'PREPARE_FOR_SUBMISSION',
  'DEVELOPER_REJECTED',
  'REJECTED',
  'METADATA_REJECTED',
  'INVALID_BINARY'
]

/** Custom product page versions and experiments (v2) whose media can change (SILENT in the spec; the conservative reading). */
export const EDITABLE_PAGE_STATES: readonly string[] = ['PREPARE_FOR_SUBMISSION', 'REJECTED']

export class Store {
  readonly apps = new Map<string, AppRecord>()
  readonly versions = new Map<string, VersionRecord>()
  readonly localizations = new Map<string, LocalizationRecord>()
  readonly sets = new Map<string, SetRecord>()
  readonly assets = new Map<string, AssetRecord>()
  readonly appClips = new Map<string, AppClipRecord>()
  readonly clipExperiences = new Map<string, ClipExperienceRecord>()
  readonly clipLocalizations = new Map<string, ClipLocalizationRecord>()
  readonly advancedExperiences = new Map<string, AdvancedExperienceRecord>()
  readonly reviewDetails = new Map<string, ReviewDetailRecord>()
  readonly pages = new Map<string, PageRecord>()
  readonly pageVersions = new Map<string, PageVersionRecord>()
  readonly pageLocalizations = new Map<string, ChildLocalizationRecord>()
  readonly experiments = new Map<string, ExperimentRecord>()
  readonly treatments = new Map<string, TreatmentRecord>()
  readonly treatmentLocalizations = new Map<string, ChildLocalizationRecord>()

  constructor(private readonly now: () => number) {}

  // ---- lazy delivery state ----

  deliveryState(a: AssetRecord): DeliveryState {
    if (a.committedAt === null) return a.outcome?.state ?? 'AWAITING_UPLOAD'
    const elapsed = this.now() - a.committedAt
    if (elapsed < a.processingMs) {
      // Previews report UPLOAD_COMPLETE briefly, then PROCESSING (AppMediaVideoState); screenshots stay UPLOAD_COMPLETE.
      return a.kind === 'preview' && elapsed >= a.processingMs / 2 ? 'PROCESSING' : 'UPLOAD_COMPLETE'
    }
    return a.outcome?.state ?? 'UPLOAD_COMPLETE'
  }

  /** Apple publishes sourceFileChecksum some time after COMPLETE; until then it reads as null. */
  publishedChecksum(a: AssetRecord): string | null {
    if (this.deliveryState(a) !== 'COMPLETE' || !a.checksumPublished) return null
    if (a.committedAt === null) return a.checksum
    return this.now() >= a.committedAt + a.processingMs + a.checksumDelayMs ? a.checksum : null
  }

  deliveryErrors(a: AssetRecord): AppleMediaError[] {
    return this.deliveryState(a) === 'FAILED' ? (a.outcome?.errors ?? []) : []
  }

  // ---- navigation ----

  versionOfLocalization(localizationId: string): VersionRecord | undefined {
    const loc = this.localizations.get(localizationId)
    return loc ? this.versions.get(loc.versionId) : undefined
  }

  versionOfSet(set: SetRecord): VersionRecord | undefined {
    if (set.parentType && set.parentType !== 'appStoreVersionLocalizations') return undefined
    return this.versionOfLocalization(set.localizationId)
  }

  isEditable(version: VersionRecord): boolean {
    return EDITABLE_VERSION_STATES.includes(version.appVersionState)
  }

  setsOf(localizationId: string, kind: AssetKind): SetRecord[] {
    return [...this.sets.values()].filter(s => s.localizationId === localizationId && s.kind === kind)
  }

  /** Items of a non-set kind under a parent, oldest first (review attachments have no order of their own). */
  childrenOf(kind: AssetKind, parentId: string): AssetRecord[] {
    return [...this.assets.values()].filter(a => a.kind === kind && a.setId === parentId).sort((a, b) => a.createdAt - b.createdAt)
  }

  /** File names (with state) of a non-set container, for tests: e.g. childNames('routing-coverage', versionId). */
  childNames(kind: AssetKind, parentId: string): string[] {
    return this.childrenOf(kind, parentId).map(a => `${a.fileName}:${this.deliveryState(a)}`)
  }

  /** Whether the parent of a set (version, CPP version or experiment) lets its media change. */
  setParentEditable(set: SetRecord): { editable: boolean; what: string; state: string } {
    if (set.parentType === 'appCustomProductPageLocalizations') {
      const v = this.pageVersions.get(this.pageLocalizations.get(set.localizationId)?.parentId ?? '')
      return { editable: !!v && EDITABLE_PAGE_STATES.includes(v.state), what: 'custom product page version', state: v?.state ?? 'missing' }
    }
    if (set.parentType === 'appStoreVersionExperimentTreatmentLocalizations') {
      const t = this.treatments.get(this.treatmentLocalizations.get(set.localizationId)?.parentId ?? '')
      const e = t && this.experiments.get(t.experimentId)
      return { editable: !!e && EDITABLE_PAGE_STATES.includes(e.state), what: 'experiment', state: e?.state ?? 'missing' }
    }
    const v = this.versionOfSet(set)
    return { editable: !v || this.isEditable(v), what: 'app store version', state: v?.appVersionState ?? 'missing' }
  }

  itemsOf(set: SetRecord): AssetRecord[] {
    return set.itemIds.map(id => this.assets.get(id)).filter((a): a is AssetRecord => a !== undefined)
  }

  deleteAsset(id: string): void {
    const a = this.assets.get(id)
    if (!a) return
    const set = this.sets.get(a.setId)
    if (set) set.itemIds = set.itemIds.filter(x => x !== id)
    this.assets.delete(id)
  }

  deleteSet(id: string): void {
    const set = this.sets.get(id)
    if (!set) return
    for (const itemId of [...set.itemIds]) this.deleteAsset(itemId)
    this.sets.delete(id)
  }

  // ---- views for tests ----

  assetView(a: AssetRecord): AssetView {
    return {
      id: a.id,
      kind: a.kind,
      setId: a.setId,
      fileName: a.fileName,
      fileSize: a.fileSize,
      sourceFileChecksum: this.publishedChecksum(a),
      state: this.deliveryState(a),
      errors: this.deliveryErrors(a)
    }
  }

  setView(s: SetRecord): SetView {
    return { id: s.id, kind: s.kind, localizationId: s.localizationId, setType: s.setType, items: this.itemsOf(s).map(a => this.assetView(a)) }
  }

  /** Every screenshot set, then every preview set of a localization, items in display order. */
  listSets(localizationId: string): SetView[] {
    return [...this.setsOf(localizationId, 'screenshot'), ...this.setsOf(localizationId, 'preview')].map(s => this.setView(s))
  }

  /** The set of one display type / preview type (the two enums do not overlap). */
  findSet(localizationId: string, setType: string): SetView | undefined {
    const s = [...this.sets.values()].find(x => x.localizationId === localizationId && x.setType === setType)
    return s ? this.setView(s) : undefined
  }

  /** File names of a set in display order ([] when the set does not exist). */
  fileNames(localizationId: string, setType: string): string[] {
    return this.findSet(localizationId, setType)?.items.map(i => i.fileName) ?? []
  }

  findApp(bundleId: string): AppRecord | undefined {
    return [...this.apps.values()].find(a => a.bundleId === bundleId)
  }

  findVersion(appId: string, platform: Platform, versionString: string): VersionRecord | undefined {
    return [...this.versions.values()].find(v => v.appId === appId && v.platform === platform && v.versionString === versionString)
  }

  findLocalization(versionId: string, locale: string): LocalizationRecord | undefined {
    return [...this.localizations.values()].find(l => l.versionId === versionId && l.locale === locale)
  }

  /** Number of assets, optionally only those in one delivery state. */
  countAssets(state?: DeliveryState): number {
    const all = [...this.assets.values()]
    return state ? all.filter(a => this.deliveryState(a) === state).length : all.length
  }

  countSets(): number {
    return this.sets.size
  }

  /** Makes a late checksum appear now (tests of the "COMPLETE but checksum null" case). */
  publishChecksum(assetId: string): void {
    const a = this.assets.get(assetId)
    if (a) {
      a.checksumPublished = true
      a.checksumDelayMs = 0
    }
  }

  /** Changes a version's state (e.g. to simulate submission for review). */
  setVersionState(versionId: string, appVersionState: string): void {
    const v = this.versions.get(versionId)
    if (v) v.appVersionState = appVersionState
  }

  // ---- seeding ----

  load(seed: SeedData): void {
    const created = new Date(this.now()).toISOString()
    for (const app of seed.apps) {
      this.apps.set(app.id, { id: app.id, bundleId: app.bundleId, name: app.name, primaryLocale: app.primaryLocale, sku: app.sku ?? app.bundleId })
      for (const v of app.appStoreVersions) {
        this.versions.set(v.id, { id: v.id, appId: app.id, platform: v.platform, versionString: v.versionString, appVersionState: v.appVersionState, createdDate: created })
        for (const l of v.localizations) {
          this.localizations.set(l.id, { id: l.id, versionId: v.id, locale: l.locale })
          for (const s of l.screenshotSets ?? []) this.loadSet(l.id, 'screenshot', s)
          for (const s of l.previewSets ?? []) this.loadSet(l.id, 'preview', s)
        }
        if (v.reviewDetail) this.reviewDetails.set(v.reviewDetail.id, { id: v.reviewDetail.id, versionId: v.id, notes: v.reviewDetail.notes ?? null, contactEmail: v.reviewDetail.contactEmail ?? null })
      }
      for (const clip of app.appClips ?? []) {
        this.appClips.set(clip.id, { id: clip.id, appId: app.id, bundleId: clip.bundleId })
        for (const e of clip.defaultExperiences ?? []) {
          this.clipExperiences.set(e.id, { id: e.id, appClipId: clip.id, releaseVersionId: e.releaseWithAppStoreVersion ?? null })
          for (const l of e.localizations) this.clipLocalizations.set(l.id, { id: l.id, experienceId: e.id, locale: l.locale })
        }
        for (const x of clip.advancedExperiences ?? []) this.advancedExperiences.set(x.id, { id: x.id, appClipId: clip.id, link: x.link, headerImageId: null })
      }
      for (const page of app.customProductPages ?? []) {
        this.pages.set(page.id, { id: page.id, appId: app.id, name: page.name })
        for (const v of page.versions) {
          this.pageVersions.set(v.id, { id: v.id, pageId: page.id, state: v.state })
          for (const l of v.localizations) this.pageLocalizations.set(l.id, { id: l.id, parentId: v.id, locale: l.locale })
        }
      }
      for (const x of app.experiments ?? []) {
        this.experiments.set(x.id, { id: x.id, appId: app.id, name: x.name, state: x.state, platform: x.platform })
        for (const t of x.treatments) {
          this.treatments.set(t.id, { id: t.id, experimentId: x.id, name: t.name })
          for (const l of t.localizations) this.treatmentLocalizations.set(l.id, { id: l.id, parentId: t.id, locale: l.locale })
        }
      }
    }
  }

  private loadSet(localizationId: string, kind: SetKind, seed: SeedSet): void {
    const set: SetRecord = { id: seed.id ?? randomUUID(), kind, localizationId, setType: seed.type, itemIds: [] }
    this.sets.set(set.id, set)
    const [width, height] = acceptedSizes(kind, seed.type)?.[0] ?? [1, 1]
    for (const sa of seed.assets) {
      const state = sa.state ?? 'COMPLETE'
      const asset: AssetRecord = {
        id: sa.id ?? randomUUID(),
        kind,
        setId: set.id,
        fileName: sa.fileName,
        fileSize: sa.fileSize,
        mimeType: null,
        previewFrameTimeCode: kind === 'preview' ? '00:00:05:00' : null,
        assetToken: `SandboxSource/v1/seed/${sa.fileName}`,
        createdAt: this.now(),
        uploadExpires: 0,
        parts: [],
        committedAt: null,
        processingMs: 0,
        checksumDelayMs: 0,
        checksum: sa.sourceFileChecksum,
        checksumPublished: sa.checksumPublished ?? true,
        outcome:
          state === 'AWAITING_UPLOAD'
            ? null
            : state === 'FAILED'
              ? { state, errors: [{ code: 'IMAGE_INCORRECT_DIMENSIONS', description: 'The dimensions of one or more screenshots are wrong.' }] }
              : { state, errors: [], width, height }
      }
      this.assets.set(asset.id, asset)
      set.itemIds.push(asset.id)
    }
  }
}
