/**
 * AssetType rows for the App Asset Library, so the one upload engine (deliver/upload-asset.ts)
 * serves it unchanged: reserve with `category` and our `sha256:<hex>` referenceName against the
 * library, commit with `uploaded: true` only (there is no checksum attribute).
 */
import type { ResourceObject } from '../../asc/client.js'
import type { AppleMediaError, DeliveryState, LocalAsset, RemoteAsset, UploadOperation } from '../../model.js'
import type { AssetType } from '../asset-types.js'
import { CATEGORY } from './ref-data.js'

/** The referenceName marker that makes our assets findable: Apple keeps no checksum. */
export const MARKER_PREFIX = 'sha256:'
export const markerOf = (local: LocalAsset): string => `${MARKER_PREFIX}${sha256Of(local)}`

/** The content hash library mode keys everything on; describeFile computes it when media-api is library. */
export function sha256Of(local: LocalAsset): string {
  if (!local.sha256) throw new Error(`${local.displayPath} has no SHA-256: describeFile must be asked for it in library mode.`)
  return local.sha256
}

/** Asset states folded for delivery: processed and placeable (or further in review) counts as COMPLETE. */
export function libraryDeliveryState(state: string | undefined): DeliveryState {
  switch (state) {
    case 'AWAITING_UPLOAD':
    case undefined:
      return 'AWAITING_UPLOAD'
    case 'UPLOAD_COMPLETE':
      return 'UPLOAD_COMPLETE'
    case 'FAILED':
      return 'FAILED'
    // COMPLETE ([3p]), PREPARE_FOR_SUBMISSION, READY_FOR_REVIEW … APPROVED, REJECTED, ARCHIVED: processed.
    default:
      return 'COMPLETE'
  }
}

export interface LibraryRemoteAsset extends RemoteAsset {
  referenceName: string | null
  specId: string | null
  /** The state exactly as Apple sent it. */
  libraryState: string
}

function readLibrary(kind: 'screenshot' | 'preview', r: ResourceObject): LibraryRemoteAsset {
  const a = r.attributes ?? {}
  const raw = a.state as string | undefined
  const image = (a.imageAsset ?? (a.previewFrameImage as { image?: unknown } | null | undefined)?.image) as { templateUrl?: string } | null | undefined
  return {
    id: r.id,
    kind,
    fileName: String(a.fileName ?? ''),
    fileSize: Number(a.fileSize ?? 0),
    checksum: null,
    state: libraryDeliveryState(raw),
    errors: raw === 'FAILED' ? ((a.stateDetails as AppleMediaError[] | null | undefined) ?? []) : [],
    uploadOperations: (a.uploadOperations as UploadOperation[] | null | undefined) ?? undefined,
    templateUrl: image?.templateUrl,
    referenceName: (a.referenceName as string | null | undefined) ?? null,
    specId: (a.specId as string | null | undefined) ?? null,
    libraryState: raw ?? 'AWAITING_UPLOAD'
  }
}

const base = {
  parentRelationship: 'assetLibrary',
  parentType: 'appAssetLibraries',
  ordered: false,
  maxItems: Number.MAX_SAFE_INTEGER,
  deletable: true,
  commitAttributes: () => ({ uploaded: true })
}

export const LIBRARY_IMAGES: AssetType = {
  ...base,
  kind: 'screenshot',
  resource: 'appAssetLibraryImages',
  fields: 'fileName,fileSize,referenceName,specId,state,stateDetails,imageAsset,uploadOperations',
  reserveAttributes: local => ({ fileName: local.fileName, fileSize: local.size, category: CATEGORY, referenceName: markerOf(local) }),
  read: r => readLibrary('screenshot', r)
}

export const LIBRARY_VIDEOS: AssetType = {
  ...base,
  kind: 'preview',
  resource: 'appAssetLibraryVideos',
  fields: 'fileName,fileSize,referenceName,specId,state,stateDetails,previewFrameImage,previewFrameTimeCode,uploadOperations',
  reserveAttributes: (local, extra) => ({
    fileName: local.fileName,
    fileSize: local.size,
    category: CATEGORY,
    referenceName: markerOf(local),
    ...(extra.frameTimeCode ? { previewFrameTimeCode: extra.frameTimeCode } : {})
  }),
  read: r => readLibrary('preview', r)
}

export const libraryTypeOf = (kind: 'screenshot' | 'preview'): AssetType => (kind === 'preview' ? LIBRARY_VIDEOS : LIBRARY_IMAGES)
