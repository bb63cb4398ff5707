/**
 * Resource objects for every type the sandbox models, built from store records with the attributes
 * and relationships the 4.4.1 spec declares. Only relationships the sandbox can answer are listed.
 */
import type { SandboxContext } from '../context.js'
import type { ResourceDef } from '../json-api.js'
import type { AppRecord, AssetRecord, LocalizationRecord, SetRecord, VersionRecord } from '../store.js'
import { uploadOperations } from '../upload-urls.js'
import { resolveSurfaceResource } from './surface-views.js'

/** appStoreState is deprecated but still sent; map the current state onto the old enum where names differ. */
const LEGACY_STATE: Record<string, string> = {
  READY_FOR_DISTRIBUTION: 'READY_FOR_SALE',
  PROCESSING_FOR_DISTRIBUTION: 'PROCESSING_FOR_APP_STORE',
  REPLACED_WITH_NEW_VERSION: 'REPLACED_WITH_NEW_VERSION'
}

export function appResource(ctx: SandboxContext, a: AppRecord): ResourceDef {
  const versions = [...ctx.store.versions.values()].filter(v => v.appId === a.id).map(v => v.id)
  return {
    type: 'apps',
    id: a.id,
    attributes: { name: a.name, bundleId: a.bundleId, sku: a.sku, primaryLocale: a.primaryLocale, isOrEverWasMadeForKids: false, contentRightsDeclaration: null },
    relationships: { appStoreVersions: { many: true, type: 'appStoreVersions', ids: versions } }
  }
}

export function versionResource(ctx: SandboxContext, v: VersionRecord): ResourceDef {
  const locs = [...ctx.store.localizations.values()].filter(l => l.versionId === v.id).map(l => l.id)
  return {
    type: 'appStoreVersions',
    id: v.id,
    attributes: {
      platform: v.platform,
      versionString: v.versionString,
      appStoreState: LEGACY_STATE[v.appVersionState] ?? v.appVersionState,
      appVersionState: v.appVersionState,
      copyright: null,
      reviewType: 'APP_STORE',
      releaseType: 'MANUAL',
      earliestReleaseDate: null,
      downloadable: true,
      createdDate: v.createdDate
    },
    relationships: {
      app: { many: false, type: 'apps', ids: [v.appId] },
      appStoreVersionLocalizations: { many: true, type: 'appStoreVersionLocalizations', ids: locs }
    }
  }
}

export function localizationResource(ctx: SandboxContext, l: LocalizationRecord): ResourceDef {
  const ids = (kind: 'screenshot' | 'preview'): string[] => ctx.store.setsOf(l.id, kind).map(s => s.id)
  return {
    type: 'appStoreVersionLocalizations',
    id: l.id,
    attributes: { description: null, locale: l.locale, keywords: null, marketingUrl: null, promotionalText: null, supportUrl: null, whatsNew: null },
    relationships: {
      appStoreVersion: { many: false, type: 'appStoreVersions', ids: [l.versionId] },
      appScreenshotSets: { many: true, type: 'appScreenshotSets', ids: ids('screenshot') },
      appPreviewSets: { many: true, type: 'appPreviewSets', ids: ids('preview') }
    }
  }
}

export function setResource(s: SetRecord): ResourceDef {
  const screenshots = s.kind === 'screenshot'
  const parent = s.parentType ?? 'appStoreVersionLocalizations'
  const none = (type: string) => ({ many: false, type, ids: parent === type ? [s.localizationId] : [] })
  return {
    type: screenshots ? 'appScreenshotSets' : 'appPreviewSets',
    id: s.id,
    attributes: screenshots ? { screenshotDisplayType: s.setType } : { previewType: s.setType },
    relationships: {
      appStoreVersionLocalization: none('appStoreVersionLocalizations'),
      appCustomProductPageLocalization: none('appCustomProductPageLocalizations'),
      appStoreVersionExperimentTreatmentLocalization: none('appStoreVersionExperimentTreatmentLocalizations'),
      [screenshots ? 'appScreenshots' : 'appPreviews']: { many: true, type: screenshots ? 'appScreenshots' : 'appPreviews', ids: [...s.itemIds] }
    }
  }
}

export function imageAsset(a: AssetRecord, what: string): { templateUrl: string; width: number; height: number } {
  return { templateUrl: `https://sandbox.invalid/${what}/thumb/${a.id}/{w}x{h}bb.{f}`, width: a.outcome?.width ?? 0, height: a.outcome?.height ?? 0 }
}

export function deliveryAttributes(ctx: SandboxContext, a: AssetRecord): Record<string, unknown> {
  const state = ctx.store.deliveryState(a)
  const complete = state === 'COMPLETE'
  return {
    fileSize: a.fileSize,
    fileName: a.fileName,
    sourceFileChecksum: ctx.store.publishedChecksum(a),
    uploadOperations: state === 'AWAITING_UPLOAD' && a.parts.length > 0 ? uploadOperations(ctx, a) : null,
    // AppMediaAssetState has no PROCESSING: a processing preview reads UPLOAD_COMPLETE here.
    assetDeliveryState: { errors: ctx.store.deliveryErrors(a), warnings: [], state: state === 'PROCESSING' ? 'UPLOAD_COMPLETE' : state },
    complete
  }
}

export function screenshotResource(ctx: SandboxContext, a: AssetRecord): ResourceDef {
  const { complete, ...common } = deliveryAttributes(ctx, a)
  return {
    type: 'appScreenshots',
    id: a.id,
    attributes: {
      fileSize: common.fileSize,
      fileName: common.fileName,
      sourceFileChecksum: common.sourceFileChecksum,
      imageAsset: complete ? imageAsset(a, 'image') : null,
      assetToken: a.assetToken,
      assetType: 'SCREENSHOT',
      uploadOperations: common.uploadOperations,
      assetDeliveryState: common.assetDeliveryState
    },
    relationships: { appScreenshotSet: { many: false, type: 'appScreenshotSets', ids: [a.setId] } }
  }
}

export function previewResource(ctx: SandboxContext, a: AssetRecord): ResourceDef {
  const { complete, ...common } = deliveryAttributes(ctx, a)
  const state = ctx.store.deliveryState(a)
  const frame = complete ? imageAsset(a, 'frame') : null
  return {
    type: 'appPreviews',
    id: a.id,
    attributes: {
      fileSize: common.fileSize,
      fileName: common.fileName,
      sourceFileChecksum: common.sourceFileChecksum,
      previewFrameTimeCode: a.previewFrameTimeCode,
      mimeType: a.mimeType,
      videoUrl: complete ? `https://sandbox.invalid/video/${a.id}/preview.m3u8` : null,
      previewFrameImage: frame ? { image: frame, state: { errors: [], warnings: [], state: 'COMPLETE' } } : null,
      previewImage: frame,
      uploadOperations: common.uploadOperations,
      assetDeliveryState: common.assetDeliveryState,
      videoDeliveryState: { errors: ctx.store.deliveryErrors(a), warnings: [], state }
    },
    relationships: { appPreviewSet: { many: false, type: 'appPreviewSets', ids: [a.setId] } }
  }
}

export function assetResource(ctx: SandboxContext, a: AssetRecord): ResourceDef {
  return a.kind === 'screenshot' ? screenshotResource(ctx, a) : previewResource(ctx, a)
}

/** Resolver for `included`: any modelled type by id. */
export function resolveResource(ctx: SandboxContext, type: string, id: string): ResourceDef | undefined {
  const s = ctx.store
  switch (type) {
    case 'apps': {
      const r = s.apps.get(id)
      return r && appResource(ctx, r)
    }
    case 'appStoreVersions': {
      const r = s.versions.get(id)
      return r && versionResource(ctx, r)
    }
    case 'appStoreVersionLocalizations': {
      const r = s.localizations.get(id)
      return r && localizationResource(ctx, r)
    }
    case 'appScreenshotSets':
    case 'appPreviewSets': {
      const r = s.sets.get(id)
      return r && setResource(r)
    }
    case 'appScreenshots':
    case 'appPreviews': {
      const r = s.assets.get(id)
      return r && assetResource(ctx, r)
    }
    default:
      return resolveSurfaceResource(ctx, type, id)
  }
}

export function docContext(ctx: SandboxContext, query: Map<string, string[]>) {
  return { base: ctx.apiBase, query, resolve: (type: string, id: string) => resolveResource(ctx, type, id) }
}
