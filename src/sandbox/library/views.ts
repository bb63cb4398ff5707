/** JSON:API resource objects for the library types (ASSET-LIBRARY.md §3, §12). */
import type { SandboxContext } from '../context.js'
import type { DocContext, ResourceDef } from '../json-api.js'
import { resolveResource } from '../resources/views.js'
import { uploadOperations } from '../upload-urls.js'
import type { Query } from '../validation.js'
import { libraryOf, type LibraryAsset, type Placement } from './state.js'

const iso = (ms: number): string => new Date(ms).toISOString()

export function libraryResource(ctx: SandboxContext, appId: string): ResourceDef {
  const lib = libraryOf(ctx.store)
  const of = (t: 'IMAGE' | 'VIDEO') => [...lib.assets.values()].filter(a => a.libraryId === appId && a.mediaType === t).map(a => a.id)
  return {
    type: 'appAssetLibraries',
    id: appId,
    attributes: {},
    relationships: { images: { many: true, type: 'appAssetLibraryImages', ids: of('IMAGE') }, videos: { many: true, type: 'appAssetLibraryVideos', ids: of('VIDEO') } }
  }
}

export function assetResource(ctx: SandboxContext, a: LibraryAsset): ResourceDef {
  const lib = libraryOf(ctx.store)
  const state = lib.state(a)
  const processed = lib.processed(a)
  const r = a.record
  const thumb = (what: string) => ({ templateUrl: `https://sandbox.invalid/${what}/thumb/${a.id}/{w}x{h}bb.{f}`, width: a.outcome?.width ?? 0, height: a.outcome?.height ?? 0 })
  const common: Record<string, unknown> = {
    category: a.category,
    createdDate: iso(a.createdAt),
    lastModifiedDate: iso(a.modifiedAt),
    fileName: r.fileName,
    fileSize: r.fileSize,
    referenceName: a.referenceName,
    specId: processed ? (a.outcome?.specId ?? null) : null,
    state,
    stateDetails: state === 'FAILED' ? (a.outcome?.stateDetails ?? []) : null,
    // Apple's PATCH example answers without uploadOperations once committed.
    uploadOperations: state === 'AWAITING_UPLOAD' ? uploadOperations(ctx, r) : null
  }
  const attributes =
    a.mediaType === 'IMAGE'
      ? { ...common, imageAsset: processed ? thumb('image') : null }
      : {
          ...common,
          previewFrameTimeCode: a.previewFrameTimeCode,
          // The schema's nested state object ([3p] sees it nested too; Apple's list example shows a bare string).
          previewFrameImage: processed ? { image: thumb('frame'), state: { state: 'COMPLETE', errors: [], warnings: [] } } : null,
          videoAsset: processed ? `https://sandbox.invalid/video/${a.id}/preview.m3u8` : null
        }
  return {
    type: a.mediaType === 'IMAGE' ? 'appAssetLibraryImages' : 'appAssetLibraryVideos',
    id: a.id,
    attributes,
    relationships: { placements: { many: true, type: 'appAssetLibraryPlacements', ids: lib.placementsOfAsset(a.id).map(p => p.id) } }
  }
}

export function placementResource(ctx: SandboxContext, p: Placement): ResourceDef {
  const lib = libraryOf(ctx.store)
  const none = (type: string) => ({ many: false, type, ids: [] as string[] })
  return {
    type: 'appAssetLibraryPlacements',
    id: p.id,
    attributes: {
      mediaType: p.mediaType,
      placementType: p.placementType,
      placementGroup: p.placementGroup,
      createdDate: iso(p.createdAt),
      lastModifiedDate: iso(p.createdAt),
      state: lib.placementState(p),
      stateDetails: null
    },
    relationships: {
      ...(p.mediaType === 'IMAGE' ? { image: { many: false, type: 'appAssetLibraryImages', ids: [p.assetId] } } : { video: { many: false, type: 'appAssetLibraryVideos', ids: [p.assetId] } }),
      appStoreVersionLocalization: none('appStoreVersionLocalizations'),
      [p.parentRelationship]: { many: false, type: `${p.parentRelationship}s`, ids: [p.parentId] }
    }
  }
}

export function resolveLibrary(ctx: SandboxContext, type: string, id: string): ResourceDef | undefined {
  const lib = libraryOf(ctx.store)
  switch (type) {
    case 'appAssetLibraryImages':
    case 'appAssetLibraryVideos': {
      const a = lib.assets.get(id)
      return a && (a.mediaType === 'IMAGE') === (type === 'appAssetLibraryImages') ? assetResource(ctx, a) : undefined
    }
    case 'appAssetLibraryPlacements': {
      const p = lib.placements.get(id)
      return p && placementResource(ctx, p)
    }
    case 'appAssetLibraries':
      return lib.hasLibrary(id) ? libraryResource(ctx, id) : undefined
    default:
      return resolveResource(ctx, type, id)
  }
}

export function libraryDocContext(ctx: SandboxContext, query: Query): DocContext {
  return { base: ctx.apiBase, query, resolve: (type, id) => resolveLibrary(ctx, type, id) }
}
