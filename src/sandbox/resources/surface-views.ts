/**
 * Resource objects of the surfaces beyond version localizations: App Clips and their experiences,
 * review details, custom product pages, PPO experiments (v2) and treatments, and the four asset types
 * that live on them — with the attributes and relationships the 4.4.1 spec declares.
 */
import type { SandboxContext } from '../context.js'
import type { ResourceDef } from '../json-api.js'
import type { AssetRecord, ChildLocalizationRecord } from '../store.js'
import { deliveryAttributes, imageAsset } from './views.js'

const one = (type: string, id: string | null | undefined) => ({ many: false, type, ids: id ? [id] : [] })
const many = (type: string, ids: string[]) => ({ many: true, type, ids })

/** The JSON:API type of each non-set asset kind. */
export const ITEM_TYPES: Record<string, AssetRecord['kind']> = {
  appClipHeaderImages: 'app-clip-header-image',
  appClipAdvancedExperienceImages: 'app-clip-advanced-image',
  appStoreReviewAttachments: 'review-attachment',
  routingAppCoverages: 'routing-coverage'
}

export function itemResource(ctx: SandboxContext, a: AssetRecord): ResourceDef {
  const { complete, ...common } = deliveryAttributes(ctx, a)
  const base = {
    fileSize: common.fileSize,
    fileName: common.fileName,
    sourceFileChecksum: common.sourceFileChecksum,
    uploadOperations: common.uploadOperations,
    assetDeliveryState: common.assetDeliveryState
  }
  const image = { imageAsset: complete ? imageAsset(a, 'image') : null }
  switch (a.kind) {
    case 'app-clip-header-image':
      return { type: 'appClipHeaderImages', id: a.id, attributes: { ...base, ...image }, relationships: { appClipDefaultExperienceLocalization: one('appClipDefaultExperienceLocalizations', a.setId) } }
    case 'app-clip-advanced-image':
      return { type: 'appClipAdvancedExperienceImages', id: a.id, attributes: { ...base, ...image }, relationships: {} }
    case 'review-attachment':
      return { type: 'appStoreReviewAttachments', id: a.id, attributes: base, relationships: { appStoreReviewDetail: one('appStoreReviewDetails', a.setId) } }
    default:
      return { type: 'routingAppCoverages', id: a.id, attributes: base, relationships: { appStoreVersion: one('appStoreVersions', a.setId) } }
  }
}

function childLocalization(type: string, l: ChildLocalizationRecord, parentRel: string, parentType: string, ctx: SandboxContext, extra: Record<string, unknown>): ResourceDef {
  const sets = (kind: 'screenshot' | 'preview') => ctx.store.setsOf(l.id, kind).map(s => s.id)
  return {
    type,
    id: l.id,
    attributes: { locale: l.locale, ...extra },
    relationships: {
      [parentRel]: one(parentType, l.parentId),
      appScreenshotSets: many('appScreenshotSets', sets('screenshot')),
      appPreviewSets: many('appPreviewSets', sets('preview'))
    }
  }
}

export function resolveSurfaceResource(ctx: SandboxContext, type: string, id: string): ResourceDef | undefined {
  const s = ctx.store
  if (ITEM_TYPES[type]) {
    const a = s.assets.get(id)
    return a && a.kind === ITEM_TYPES[type] ? itemResource(ctx, a) : undefined
  }
  switch (type) {
    case 'appClips': {
      const c = s.appClips.get(id)
      if (!c) return undefined
      const experiences = [...s.clipExperiences.values()].filter(e => e.appClipId === id).map(e => e.id)
      const advanced = [...s.advancedExperiences.values()].filter(e => e.appClipId === id).map(e => e.id)
      return { type, id, attributes: { bundleId: c.bundleId }, relationships: { app: one('apps', c.appId), appClipDefaultExperiences: many('appClipDefaultExperiences', experiences), appClipAdvancedExperiences: many('appClipAdvancedExperiences', advanced) } }
    }
    case 'appClipDefaultExperiences': {
      const e = s.clipExperiences.get(id)
      if (!e) return undefined
      const locs = [...s.clipLocalizations.values()].filter(l => l.experienceId === id).map(l => l.id)
      return {
        type,
        id,
        attributes: { action: 'OPEN' },
        relationships: { appClip: one('appClips', e.appClipId), releaseWithAppStoreVersion: one('appStoreVersions', e.releaseVersionId), appClipDefaultExperienceLocalizations: many('appClipDefaultExperienceLocalizations', locs) }
      }
    }
    case 'appClipDefaultExperienceLocalizations': {
      const l = s.clipLocalizations.get(id)
      if (!l) return undefined
      const image = s.childrenOf('app-clip-header-image', id)[0]
      return { type, id, attributes: { locale: l.locale, subtitle: null }, relationships: { appClipDefaultExperience: one('appClipDefaultExperiences', l.experienceId), appClipHeaderImage: one('appClipHeaderImages', image?.id) } }
    }
    case 'appClipAdvancedExperiences': {
      const x = s.advancedExperiences.get(id)
      if (!x) return undefined
      return {
        type,
        id,
        attributes: { link: x.link, version: 1, status: 'RECEIVED', action: 'OPEN', isPoweredBy: false, place: null, placeStatus: 'PENDING', businessCategory: null, defaultLanguage: 'EN' },
        relationships: { appClip: one('appClips', x.appClipId), headerImage: one('appClipAdvancedExperienceImages', x.headerImageId), localizations: many('appClipAdvancedExperienceLocalizations', []) }
      }
    }
    case 'appStoreReviewDetails': {
      const d = s.reviewDetails.get(id)
      if (!d) return undefined
      const attachments = s.childrenOf('review-attachment', id).map(a => a.id)
      return {
        type,
        id,
        attributes: { contactFirstName: null, contactLastName: null, contactPhone: null, contactEmail: d.contactEmail, demoAccountName: null, demoAccountPassword: null, demoAccountRequired: false, notes: d.notes },
        relationships: { appStoreVersion: one('appStoreVersions', d.versionId), appStoreReviewAttachments: many('appStoreReviewAttachments', attachments) }
      }
    }
    case 'appCustomProductPages': {
      const p = s.pages.get(id)
      if (!p) return undefined
      const versions = [...s.pageVersions.values()].filter(v => v.pageId === id).map(v => v.id)
      return { type, id, attributes: { name: p.name, url: `https://apps.apple.com/app/id${p.appId}?ppid=${id}`, visible: true }, relationships: { app: one('apps', p.appId), appCustomProductPageVersions: many('appCustomProductPageVersions', versions) } }
    }
    case 'appCustomProductPageVersions': {
      const v = s.pageVersions.get(id)
      if (!v) return undefined
      const locs = [...s.pageLocalizations.values()].filter(l => l.parentId === id).map(l => l.id)
      return { type, id, attributes: { version: '1', state: v.state, deepLink: null }, relationships: { appCustomProductPage: one('appCustomProductPages', v.pageId), appCustomProductPageLocalizations: many('appCustomProductPageLocalizations', locs) } }
    }
    case 'appCustomProductPageLocalizations': {
      const l = s.pageLocalizations.get(id)
      return l && childLocalization(type, l, 'appCustomProductPageVersion', 'appCustomProductPageVersions', ctx, { promotionalText: null })
    }
    case 'appStoreVersionExperiments': {
      const x = s.experiments.get(id)
      if (!x) return undefined
      const treatments = [...s.treatments.values()].filter(t => t.experimentId === id).map(t => t.id)
      return {
        type,
        id,
        attributes: { name: x.name, platform: x.platform, trafficProportion: 50, state: x.state, reviewRequired: true, startDate: null, endDate: null },
        relationships: { app: one('apps', x.appId), appStoreVersionExperimentTreatments: many('appStoreVersionExperimentTreatments', treatments) }
      }
    }
    case 'appStoreVersionExperimentTreatments': {
      const t = s.treatments.get(id)
      if (!t) return undefined
      const locs = [...s.treatmentLocalizations.values()].filter(l => l.parentId === id).map(l => l.id)
      return {
        type,
        id,
        attributes: { name: t.name, appIcon: null, appIconName: null, promotedDate: null },
        relationships: { appStoreVersionExperimentV2: one('appStoreVersionExperiments', t.experimentId), appStoreVersionExperimentTreatmentLocalizations: many('appStoreVersionExperimentTreatmentLocalizations', locs) }
      }
    }
    case 'appStoreVersionExperimentTreatmentLocalizations': {
      const l = s.treatmentLocalizations.get(id)
      return l && childLocalization(type, l, 'appStoreVersionExperimentTreatment', 'appStoreVersionExperimentTreatments', ctx, {})
    }
    default:
      return undefined
  }
}
