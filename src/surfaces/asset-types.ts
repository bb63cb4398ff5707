/**
 * What differs between kinds of asset, as data: resource names, the parent relationship, the
 * attributes sent at reservation and how to read the state back. The delivery engine is written
 * once against this table; a new kind is a new row, not a second upload path.
 */
import type { ResourceObject } from '../asc/client.js'
import type { AppleMediaError, AssetKind, DeliveryState, LocalAsset, RemoteAsset, UploadOperation } from '../model.js'
import { MAX_PREVIEWS_PER_SET, MAX_SCREENSHOTS_PER_SET } from '../media/specs.js'

export interface AssetType {
  kind: AssetKind
  /** The asset resource: appScreenshots, appPreviews, … */
  resource: string
  /**
   * The relationship that names the parent at reservation, and the parent's type. Advanced App Clip
   * experience images have none: they are created without a parent and attached through the experience.
   */
  parentRelationship: string | null
  parentType: string | null
  /** The set resource and how a set names its type and items (set-based kinds only). */
  set?: { resource: string; typeAttribute: string; items: string }
  /** False when Apple keeps no order (review attachments): no reorder, ever. */
  ordered: boolean
  /** Most items per container (to-one kinds: 1). */
  maxItems: number
  /** False when the API has no DELETE for the kind (advanced experience images). */
  deletable: boolean
  /** The slot name reports and plans use for non-set kinds. */
  slot?: string
  /** fields[<resource>] when reading a parent's items. */
  fields: string
  reserveAttributes(local: LocalAsset, extra: { frameTimeCode?: string }): Record<string, unknown>
  commitAttributes(local: LocalAsset): Record<string, unknown>
  read(resource: ResourceObject): RemoteAsset
}

function deliveryState(attrs: Record<string, unknown>, key: string): { state: DeliveryState; errors: AppleMediaError[] } {
  const s = attrs[key] as { state?: string; errors?: AppleMediaError[] } | null | undefined
  return { state: (s?.state ?? 'AWAITING_UPLOAD') as DeliveryState, errors: s?.errors ?? [] }
}

function readCommon(kind: AssetKind, r: ResourceObject, stateKey: string): RemoteAsset {
  const a = r.attributes ?? {}
  const { state, errors } = deliveryState(a, stateKey)
  const image = (a.imageAsset ?? (a.previewFrameImage as { image?: unknown } | undefined)?.image) as { templateUrl?: string } | undefined
  return {
    id: r.id,
    kind,
    fileName: String(a.fileName ?? ''),
    fileSize: Number(a.fileSize ?? 0),
    checksum: (a.sourceFileChecksum as string | null | undefined) ?? null,
    state,
    errors,
    uploadOperations: (a.uploadOperations as UploadOperation[] | null | undefined) ?? undefined,
    templateUrl: image?.templateUrl
  }
}

const commit = (local: LocalAsset) => ({ uploaded: true, sourceFileChecksum: local.md5 })

export const SCREENSHOTS: AssetType = {
  kind: 'screenshot',
  resource: 'appScreenshots',
  parentRelationship: 'appScreenshotSet',
  parentType: 'appScreenshotSets',
  set: { resource: 'appScreenshotSets', typeAttribute: 'screenshotDisplayType', items: 'appScreenshots' },
  ordered: true,
  maxItems: MAX_SCREENSHOTS_PER_SET,
  deletable: true,
  fields: 'fileName,fileSize,sourceFileChecksum,assetDeliveryState,imageAsset,uploadOperations',
  reserveAttributes: local => ({ fileName: local.fileName, fileSize: local.size }),
  commitAttributes: commit,
  read: r => readCommon('screenshot', r, 'assetDeliveryState')
}

export const PREVIEWS: AssetType = {
  kind: 'preview',
  resource: 'appPreviews',
  parentRelationship: 'appPreviewSet',
  parentType: 'appPreviewSets',
  set: { resource: 'appPreviewSets', typeAttribute: 'previewType', items: 'appPreviews' },
  ordered: true,
  maxItems: MAX_PREVIEWS_PER_SET,
  deletable: true,
  // videoDeliveryState replaces the deprecated assetDeliveryState for previews (REFERENCE.md §6).
  fields: 'fileName,fileSize,sourceFileChecksum,videoDeliveryState,previewFrameImage,previewFrameTimeCode,uploadOperations',
  reserveAttributes: (local, extra) => ({
    fileName: local.fileName,
    fileSize: local.size,
    ...(extra.frameTimeCode ? { previewFrameTimeCode: extra.frameTimeCode } : {}),
    mimeType: previewMime(local.fileName)
  }),
  commitAttributes: commit,
  read: r => readCommon('preview', r, 'videoDeliveryState')
}

function previewMime(fileName: string): string {
  return /\.mov$/i.test(fileName) ? 'video/quicktime' : 'video/mp4'
}

const IMAGE_FIELDS = 'fileName,fileSize,sourceFileChecksum,assetDeliveryState,imageAsset,uploadOperations'
const FILE_FIELDS = 'fileName,fileSize,sourceFileChecksum,assetDeliveryState,uploadOperations'
const plain = (local: LocalAsset) => ({ fileName: local.fileName, fileSize: local.size })

/** To-one on an App Clip default experience localization (REFERENCE.md 3e). */
export const APP_CLIP_HEADER_IMAGES: AssetType = {
  kind: 'app-clip-header-image',
  resource: 'appClipHeaderImages',
  parentRelationship: 'appClipDefaultExperienceLocalization',
  parentType: 'appClipDefaultExperienceLocalizations',
  ordered: false,
  maxItems: 1,
  deletable: true,
  slot: 'APP_CLIP_HEADER_IMAGE',
  fields: IMAGE_FIELDS,
  reserveAttributes: plain,
  commitAttributes: commit,
  read: r => readCommon('app-clip-header-image', r, 'assetDeliveryState')
}

/**
 * No parent, no list and no DELETE (REFERENCE.md 3f): read through the experience's headerImage,
 * replaced by uploading a new image and PATCHing the experience. The old image stays behind, orphaned,
 * by Apple's design: nothing in the API can delete it.
 */
export const APP_CLIP_ADVANCED_IMAGES: AssetType = {
  kind: 'app-clip-advanced-image',
  resource: 'appClipAdvancedExperienceImages',
  parentRelationship: null,
  parentType: null,
  ordered: false,
  maxItems: 1,
  deletable: false,
  slot: 'APP_CLIP_ADVANCED_EXPERIENCE_IMAGE',
  fields: IMAGE_FIELDS,
  reserveAttributes: plain,
  commitAttributes: commit,
  read: r => readCommon('app-clip-advanced-image', r, 'assetDeliveryState')
}

/** Unordered, to-many on the version's review detail (REFERENCE.md 3d); the relationship cannot be reordered. */
export const REVIEW_ATTACHMENTS: AssetType = {
  kind: 'review-attachment',
  resource: 'appStoreReviewAttachments',
  parentRelationship: 'appStoreReviewDetail',
  parentType: 'appStoreReviewDetails',
  ordered: false,
  // Apple publishes no limit; the list endpoint pages at 200.
  maxItems: 200,
  deletable: true,
  slot: 'REVIEW_ATTACHMENT',
  fields: FILE_FIELDS,
  reserveAttributes: plain,
  commitAttributes: commit,
  read: r => readCommon('review-attachment', r, 'assetDeliveryState')
}

/** To-one on the version (REFERENCE.md 3d): one .geojson per version. */
export const ROUTING_COVERAGES: AssetType = {
  kind: 'routing-coverage',
  resource: 'routingAppCoverages',
  parentRelationship: 'appStoreVersion',
  parentType: 'appStoreVersions',
  ordered: false,
  maxItems: 1,
  deletable: true,
  slot: 'ROUTING_APP_COVERAGE',
  fields: FILE_FIELDS,
  reserveAttributes: plain,
  commitAttributes: commit,
  read: r => readCommon('routing-coverage', r, 'assetDeliveryState')
}

export const ASSET_TYPES: Record<AssetKind, AssetType> = {
  screenshot: SCREENSHOTS,
  preview: PREVIEWS,
  'app-clip-header-image': APP_CLIP_HEADER_IMAGES,
  'app-clip-advanced-image': APP_CLIP_ADVANCED_IMAGES,
  'review-attachment': REVIEW_ATTACHMENTS,
  'routing-coverage': ROUTING_COVERAGES
}

/** Set-based kinds (screenshots, previews): the only ones with sets, display types and reorder. */
export function isSetKind(kind: AssetKind): kind is 'screenshot' | 'preview' {
  return kind === 'screenshot' || kind === 'preview'
}
