/**
 * The domain shapes every stage shares. Data flows one way:
 * mapping + local files → DesiredState → (with RemoteState) → Plan → deliver → Report.
 */

export type Platform = 'IOS' | 'MAC_OS' | 'TV_OS' | 'VISION_OS'
export const PLATFORMS: readonly Platform[] = ['IOS', 'MAC_OS', 'TV_OS', 'VISION_OS']

export type Mode = 'sync' | 'append' | 'replace'

/** The kinds of media asset. Each maps to one App Store Connect resource type (see surfaces/asset-types.ts). */
export type AssetKind = 'screenshot' | 'preview' | 'app-clip-header-image' | 'app-clip-advanced-image' | 'review-attachment' | 'routing-coverage'
/** The kinds that live in sets (screenshot sets, preview sets) with display types and an order. */
export type SetKind = 'screenshot' | 'preview'

/** Where App Store media lives: the version's own localizations, a custom product page, a PPO treatment, an App Clip, the review detail, the version itself (routing). */
export type Surface = 'version' | 'custom-product-page' | 'experiment' | 'app-clip' | 'review' | 'routing'

/**
 * Names the mapping uses to pick a surface's parent: a custom product page, an experiment and its
 * treatment, or an advanced App Clip experience id. Empty for the version, review and routing.
 */
export interface SurfaceTarget {
  page?: string
  experiment?: string
  treatment?: string
  experience?: string
}

/** "Summer campaign", "New icon test / Treatment A", the experience id; undefined when the surface needs no name. */
export function targetLabel(t: SurfaceTarget | undefined): string | undefined {
  if (!t) return undefined
  if (t.page) return t.page
  if (t.experiment) return `${t.experiment} / ${t.treatment ?? ''}`
  return t.experience
}

/** Where a file came from in the mapping file, so errors and annotations can point at it. */
export interface SourceRef {
  file: string
  line?: number
  column?: number
  /** JSON pointer of the mapping entry, e.g. /screenshots/0 */
  pointer: string
}

/** A local file the mapping selected, with facts read from disk. */
export interface LocalAsset {
  /** Absolute path on disk. */
  path: string
  /** Path relative to the workspace, as shown to users. */
  displayPath: string
  fileName: string
  size: number
  /**
   * Lower-case hex MD5 of the whole file, filled in by ensureHashed when first needed: planning needs
   * it only for files a remote asset of the same size could match, an upload only for its commit.
   */
  md5?: string
  /** Lower-case hex SHA-256 of the whole file (same read pass); the asset library's `sha256:` referenceName marker. */
  sha256?: string
}

/** One target container (a screenshot set or a preview set of one localization, an App Clip header image, …) and its wanted files in order. */
export interface DesiredSet {
  kind: AssetKind
  /** Default 'version'. */
  surface?: Surface
  target?: SurfaceTarget
  platform: Platform
  /** '' for containers that have no locale (review attachments, routing coverage, advanced experience images). */
  locale: string
  /** ScreenshotDisplayType for screenshots, PreviewType for previews; the slot name of other kinds (e.g. APP_CLIP_HEADER_IMAGE). */
  setType: string
  files: LocalAsset[]
  /** Previews only: the poster frame time code. */
  frameTimeCode?: string
  /** media-api library: the mapping's `placement-group`, used instead of the group derived from setType. */
  placementGroup?: string
  source: SourceRef
}

export interface DesiredState {
  sets: DesiredSet[]
  /** Locales that appear in the mapping's expansion (only these are read remotely). */
  locales: string[]
}

/** Apple's delivery states, folded into one union (previews use videoDeliveryState, which adds PROCESSING). */
export type DeliveryState = 'AWAITING_UPLOAD' | 'UPLOAD_COMPLETE' | 'PROCESSING' | 'COMPLETE' | 'FAILED'

export interface AppleMediaError {
  code: string
  description: string
}

export interface UploadOperation {
  method: string
  url: string
  length: number
  offset: number
  requestHeaders: { name: string; value: string }[]
}

/** One remote asset as read from App Store Connect. */
export interface RemoteAsset {
  id: string
  kind: AssetKind
  fileName: string
  fileSize: number
  checksum: string | null
  state: DeliveryState
  errors: AppleMediaError[]
  uploadOperations?: UploadOperation[]
  /** imageAsset.templateUrl (or the preview frame image's), when processed. */
  templateUrl?: string
}

/** A remote container (a set, or the parent of a to-one / unordered kind) in display order. `id` is null when it does not exist yet. */
export interface RemoteSet {
  id: string | null
  kind: AssetKind
  locale: string
  localizationId: string
  setType: string
  assets: RemoteAsset[]
}

export type ActionTaken = 'upload' | 'keep' | 'delete' | 'replace'

/**
 * Where a container lives: the resource that owns it (a version / CPP / treatment localization for
 * sets, an App Clip localization, an advanced experience, a review detail, a version). `ownerId` is
 * null only for a review detail that does not exist yet (`versionId` says where to create it).
 */
export interface ContainerOwner {
  type: string
  id: string | null
  versionId?: string
}

/** What to do with one container (a set of a localization, a to-one image, the review attachments). Produced by plan/, executed by deliver/. */
export interface SetPlan {
  kind: AssetKind
  /** Default 'version' (the optional fields below default to a version localization's screenshot / preview set). */
  surface?: Surface
  target?: SurfaceTarget
  platform: Platform
  locale: string
  /** The id of the owner (see `owner`); for version sets the localization id. '' when the owner must be created. */
  localizationId: string
  /** Default: the version localization `localizationId`. */
  owner?: ContainerOwner
  setType: string
  /** The upload parent: the set id for sets, the owner id for other kinds; null when it must be created. */
  setId: string | null
  /** False for review attachments and to-one kinds: no order exists and none is set. Default true. */
  ordered?: boolean
  /** Default: the kind's limit. */
  maxItems?: number
  frameTimeCode?: string
  keep: { local: LocalAsset; remote: RemoteAsset }[]
  upload: LocalAsset[]
  delete: { remote: RemoteAsset; reason: 'not-in-mapping' | 'replaced' | 'leftover' | 'failed' }[]
  /** The local files in their final order (natural sort of the mapping's glob). */
  order: LocalAsset[]
  /** Every remote asset id of the set in display order, before any change. */
  remoteOrder: string[]
  /** True when the remote order after keep/delete differs from `order` (or uploads will change it). */
  reorder: boolean
  source: SourceRef
}

export interface Plan {
  mode: Mode
  versionId: string
  sets: SetPlan[]
}

/** One line of the JSON report: one entry per asset. */
export interface ReportEntry {
  file: string | null
  kind: AssetKind
  /** Always set by this action ('version' for the version's own screenshots and previews). */
  surface?: Surface
  /** The custom product page, "experiment / treatment" or advanced experience id, when the surface has one. */
  target?: string
  platform: Platform
  locale: string
  setType: string
  assetId: string | null
  action: ActionTaken | 'none'
  state: DeliveryState | 'DELETED' | 'PLANNED' | 'NOT_STARTED'
  checksum: string | null
  bytes: number
  seconds?: number
  errors?: AppleMediaError[]
  templateUrl?: string
  /** For action "replace": the id of the older version of this file that was deleted. */
  replacedAssetId?: string
}
