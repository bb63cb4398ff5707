/**
 * The domain shapes every stage shares. Data flows one way:
 * mapping + local files → DesiredState → (with RemoteState) → Plan → deliver → Report.
 */

export type Platform = 'IOS' | 'MAC_OS' | 'TV_OS' | 'VISION_OS'
export const PLATFORMS: readonly Platform[] = ['IOS', 'MAC_OS', 'TV_OS', 'VISION_OS']

export type Mode = 'sync' | 'append' | 'replace'

/** The kinds of media asset. Each maps to one App Store Connect resource type. */
export type AssetKind = 'screenshot' | 'preview'

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
  /** Lower-case hex MD5 of the whole file. */
  md5: string
}

/** One target container (a screenshot set or a preview set of one localization) and its wanted files in order. */
export interface DesiredSet {
  kind: AssetKind
  platform: Platform
  locale: string
  /** ScreenshotDisplayType for screenshots, PreviewType for previews. */
  setType: string
  files: LocalAsset[]
  /** Previews only: the poster frame time code. */
  frameTimeCode?: string
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

/** A remote container in display order. `id` is null when the set does not exist yet. */
export interface RemoteSet {
  id: string | null
  kind: AssetKind
  locale: string
  localizationId: string
  setType: string
  assets: RemoteAsset[]
}

export type ActionTaken = 'upload' | 'keep' | 'delete' | 'replace'

/** What to do with one (locale, set). Produced by plan/, executed by deliver/. */
export interface SetPlan {
  kind: AssetKind
  platform: Platform
  locale: string
  localizationId: string
  setType: string
  setId: string | null
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
