/**
 * What differs between kinds of asset, as data: resource names, the parent relationship, the
 * attributes sent at reservation and how to read the state back. The delivery engine is written
 * once against this table; a new kind is a new row, not a second upload path.
 */
import type { ResourceObject } from '../asc/client.js'
import type { AppleMediaError, AssetKind, DeliveryState, LocalAsset, RemoteAsset, UploadOperation } from '../model.js'

export interface AssetType {
  kind: AssetKind
  /** The asset resource: appScreenshots, appPreviews, … */
  resource: string
  /** The relationship that names the parent at reservation, and the parent's type. */
  parentRelationship: string
  parentType: string
  /** The set resource and how a set names its type and items (set-based kinds only). */
  set: { resource: string; typeAttribute: string; items: string }
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

export const ASSET_TYPES: Record<AssetKind, AssetType> = { screenshot: SCREENSHOTS, preview: PREVIEWS }
