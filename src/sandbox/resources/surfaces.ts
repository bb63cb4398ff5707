/**
 * The surfaces beyond version localizations (REFERENCE.md 3d–3h): App Clips (default experience
 * localizations with their to-one header image; advanced experiences with their detached image),
 * review details with their unordered attachments, routing app coverage (to-one on the version),
 * custom product pages and PPO experiments (v2) down to the localizations that own screenshot and
 * preview sets — plus the reserve / read / commit / delete life cycle of the four asset types.
 *
 * Choices where the spec is SILENT (documented in the README):
 * - A to-one GET with nothing behind it (routingAppCoverage, appClipHeaderImage, appStoreReviewDetail)
 *   answers 404 NOT_FOUND: `data` is required and not nullable in the spec's responses.
 * - A second reservation for a to-one parent (header image, routing coverage) is refused with 409 while
 *   one exists (the conservative reading): clients delete the old file first.
 * - Custom product page versions and experiments take media changes in PREPARE_FOR_SUBMISSION or REJECTED.
 */
import { randomUUID } from 'node:crypto'
import { geoJsonProblems } from '../../media/geojson.js'
import { APP_CLIP_IMAGE_HEIGHT, APP_CLIP_IMAGE_WIDTH } from '../../media/specs.js'
import type { AssetKind } from '../../model.js'
import type { ApiRequest, ApiResult, Handler, SandboxContext } from '../context.js'
import { ApiError, invalidAttribute, invalidRelationship, notFound, stateError } from '../errors.js'
import { singleDocument, type ResourceDef } from '../json-api.js'
import { imageInfo } from '../processing.js'
import type { AssetRecord, ProcessingOutcome, VersionRecord } from '../store.js'
import { commitUpload, extensionOf, newAsset, removeAsset } from './asset-life.js'
import { applyFilter, list, single } from './read.js'
import { requireEditable } from './sets.js'
import { itemResource, resolveSurfaceResource } from './surface-views.js'
import { docContext } from './views.js'

// ---- generic reads ----

function def(ctx: SandboxContext, type: string, id: string): ResourceDef {
  const r = resolveSurfaceResource(ctx, type, id)
  if (!r) throw notFound(type, id)
  return r
}

const listOf = (ctx: SandboxContext, req: ApiRequest, type: string, ids: string[]): ApiResult =>
  list(
    ctx,
    req,
    ids.map(id => def(ctx, type, id))
  )

function requireApp(ctx: SandboxContext, id: string): void {
  if (!ctx.store.apps.has(id)) throw notFound('apps', id)
}

/** GET of a to-one relationship: the resource, or 404 when there is none (SILENT in the spec; see above). */
function toOne(ctx: SandboxContext, req: ApiRequest, type: string, id: string | undefined, what: string): ApiResult {
  if (!id) throw new ApiError(404, 'NOT_FOUND', `There is no ${what}.`)
  return single(ctx, req, def(ctx, type, id))
}

export const listAppClips: Handler = (ctx, req) => {
  requireApp(ctx, req.params.id!)
  let clips = [...ctx.store.appClips.values()].filter(c => c.appId === req.params.id)
  clips = applyFilter(clips, req.query, 'filter[bundleId]', c => c.bundleId)
  return listOf(ctx, req, 'appClips', clips.map(c => c.id))
}

export const listClipDefaultExperiences: Handler = (ctx, req) => {
  if (!ctx.store.appClips.has(req.params.id!)) throw notFound('appClips', req.params.id!)
  let experiences = [...ctx.store.clipExperiences.values()].filter(e => e.appClipId === req.params.id)
  const released = req.query.get('exists[releaseWithAppStoreVersion]')?.[0]
  if (released !== undefined) experiences = experiences.filter(e => (e.releaseVersionId !== null) === (released === 'true'))
  return listOf(ctx, req, 'appClipDefaultExperiences', experiences.map(e => e.id))
}

export const listClipLocalizations: Handler = (ctx, req) => {
  if (!ctx.store.clipExperiences.has(req.params.id!)) throw notFound('appClipDefaultExperiences', req.params.id!)
  let locs = [...ctx.store.clipLocalizations.values()].filter(l => l.experienceId === req.params.id)
  locs = applyFilter(locs, req.query, 'filter[locale]', l => l.locale)
  return listOf(ctx, req, 'appClipDefaultExperienceLocalizations', locs.map(l => l.id))
}

export const getClipHeaderImageOf: Handler = (ctx, req) => {
  if (!ctx.store.clipLocalizations.has(req.params.id!)) throw notFound('appClipDefaultExperienceLocalizations', req.params.id!)
  return toOne(ctx, req, 'appClipHeaderImages', ctx.store.childrenOf('app-clip-header-image', req.params.id!)[0]?.id, 'header image for this App Clip localization')
}

export const getAdvancedExperience: Handler = (ctx, req) => single(ctx, req, def(ctx, 'appClipAdvancedExperiences', req.params.id!))

/** PATCH: only `relationships.headerImage` is modelled (the way a new image is swapped in); other attributes are accepted and ignored. */
export const updateAdvancedExperience: Handler = (ctx, req) => {
  const x = ctx.store.advancedExperiences.get(req.params.id!)
  if (!x) throw notFound('appClipAdvancedExperiences', req.params.id!)
  const data = req.body.data
  if (data.id !== x.id) throw new ApiError(409, 'ENTITY_ERROR.ATTRIBUTE.INVALID', `The id '${data.id}' in the body does not match the URL.`, { pointer: '/data/id' })
  const ref = data.relationships?.headerImage?.data
  if (ref) {
    const image = ctx.store.assets.get(ref.id)
    if (!image || image.kind !== 'app-clip-advanced-image') throw invalidRelationship('headerImage', `There is no resource of type 'appClipAdvancedExperienceImages' with id '${ref.id}'`)
    if (ctx.store.deliveryState(image) === 'AWAITING_UPLOAD') throw invalidRelationship('headerImage', `The image '${ref.id}' has not been uploaded yet.`)
    // The previous image is not deleted: the API has no DELETE for these images, it stays orphaned.
    x.headerImageId = image.id
  }
  return { status: 200, body: singleDocument(docContext(ctx, new Map()), def(ctx, 'appClipAdvancedExperiences', x.id), `${ctx.apiBase}${req.url.pathname}`) }
}

export const getReviewDetailOf: Handler = (ctx, req) => {
  if (!ctx.store.versions.has(req.params.id!)) throw notFound('appStoreVersions', req.params.id!)
  const detail = [...ctx.store.reviewDetails.values()].find(d => d.versionId === req.params.id)
  return toOne(ctx, req, 'appStoreReviewDetails', detail?.id, 'App Store review detail for this version')
}

export const getReviewDetail: Handler = (ctx, req) => single(ctx, req, def(ctx, 'appStoreReviewDetails', req.params.id!))

/** POST /v1/appStoreReviewDetails: one per version; the attributes are stored as given. */
export const createReviewDetail: Handler = (ctx, req) => {
  const data = req.body.data
  const versionId: string = data.relationships.appStoreVersion.data.id
  const version = ctx.store.versions.get(versionId)
  if (!version) throw invalidRelationship('appStoreVersion', `There is no resource of type 'appStoreVersions' with id '${versionId}'`)
  requireEditable(ctx, version, 'create an App Store review detail')
  if ([...ctx.store.reviewDetails.values()].some(d => d.versionId === versionId)) throw stateError(`The app store version '${version.versionString}' already has an App Store review detail.`)
  const attrs = data.attributes ?? {}
  const id = randomUUID()
  ctx.store.reviewDetails.set(id, { id, versionId, notes: attrs.notes ?? null, contactEmail: attrs.contactEmail ?? null })
  return { status: 201, body: singleDocument(docContext(ctx, new Map()), def(ctx, 'appStoreReviewDetails', id), `${ctx.apiBase}/v1/appStoreReviewDetails`) }
}

/** PATCH of review fields: accepted as the spec allows (the action never sends one; tests assert that). */
export const updateReviewDetail: Handler = (ctx, req) => {
  const d = ctx.store.reviewDetails.get(req.params.id!)
  if (!d) throw notFound('appStoreReviewDetails', req.params.id!)
  const attrs = req.body.data.attributes ?? {}
  if ('notes' in attrs) d.notes = attrs.notes
  if ('contactEmail' in attrs) d.contactEmail = attrs.contactEmail
  return single(ctx, { ...req, query: new Map() }, def(ctx, 'appStoreReviewDetails', d.id))
}

export const listReviewAttachments: Handler = (ctx, req) => {
  if (!ctx.store.reviewDetails.has(req.params.id!)) throw notFound('appStoreReviewDetails', req.params.id!)
  return list(ctx, req, ctx.store.childrenOf('review-attachment', req.params.id!).map(a => itemResource(ctx, a)))
}

export const getRoutingCoverageOf: Handler = (ctx, req) => {
  if (!ctx.store.versions.has(req.params.id!)) throw notFound('appStoreVersions', req.params.id!)
  return toOne(ctx, req, 'routingAppCoverages', ctx.store.childrenOf('routing-coverage', req.params.id!)[0]?.id, 'routing app coverage for this version')
}

export const listPages: Handler = (ctx, req) => {
  requireApp(ctx, req.params.id!)
  return listOf(ctx, req, 'appCustomProductPages', [...ctx.store.pages.values()].filter(p => p.appId === req.params.id).map(p => p.id))
}

export const listPageVersions: Handler = (ctx, req) => {
  if (!ctx.store.pages.has(req.params.id!)) throw notFound('appCustomProductPages', req.params.id!)
  let versions = [...ctx.store.pageVersions.values()].filter(v => v.pageId === req.params.id)
  versions = applyFilter(versions, req.query, 'filter[state]', v => v.state)
  return listOf(ctx, req, 'appCustomProductPageVersions', versions.map(v => v.id))
}

export const listPageLocalizations: Handler = (ctx, req) => {
  if (!ctx.store.pageVersions.has(req.params.id!)) throw notFound('appCustomProductPageVersions', req.params.id!)
  let locs = [...ctx.store.pageLocalizations.values()].filter(l => l.parentId === req.params.id)
  locs = applyFilter(locs, req.query, 'filter[locale]', l => l.locale)
  return listOf(ctx, req, 'appCustomProductPageLocalizations', locs.map(l => l.id))
}

export const listExperimentsV2: Handler = (ctx, req) => {
  requireApp(ctx, req.params.id!)
  let experiments = [...ctx.store.experiments.values()].filter(x => x.appId === req.params.id)
  experiments = applyFilter(experiments, req.query, 'filter[state]', x => x.state)
  return listOf(ctx, req, 'appStoreVersionExperiments', experiments.map(x => x.id))
}

export const listTreatmentsV2: Handler = (ctx, req) => {
  if (!ctx.store.experiments.has(req.params.id!)) throw notFound('appStoreVersionExperiments', req.params.id!)
  return listOf(ctx, req, 'appStoreVersionExperimentTreatments', [...ctx.store.treatments.values()].filter(t => t.experimentId === req.params.id).map(t => t.id))
}

export const listTreatmentLocalizations: Handler = (ctx, req) => {
  if (!ctx.store.treatments.has(req.params.id!)) throw notFound('appStoreVersionExperimentTreatments', req.params.id!)
  let locs = [...ctx.store.treatmentLocalizations.values()].filter(l => l.parentId === req.params.id)
  locs = applyFilter(locs, req.query, 'filter[locale]', l => l.locale)
  return listOf(ctx, req, 'appStoreVersionExperimentTreatmentLocalizations', locs.map(l => l.id))
}

// ---- the four asset types ----

export interface ItemKind {
  kind: AssetKind
  type: string
  /** The relationship naming the parent at reservation; null for advanced experience images. */
  parentRelationship: string | null
  /** Most items per parent (1 = to-one). */
  max: number
  noun: string
  extensions: readonly string[] | null
}

export const HEADER_IMAGES: ItemKind = { kind: 'app-clip-header-image', type: 'appClipHeaderImages', parentRelationship: 'appClipDefaultExperienceLocalization', max: 1, noun: 'App Clip header image', extensions: ['.png', '.jpg', '.jpeg'] }
export const ADVANCED_IMAGES: ItemKind = { kind: 'app-clip-advanced-image', type: 'appClipAdvancedExperienceImages', parentRelationship: null, max: Infinity, noun: 'advanced App Clip experience image', extensions: ['.png', '.jpg', '.jpeg'] }
export const REVIEW_ATTACHMENTS: ItemKind = { kind: 'review-attachment', type: 'appStoreReviewAttachments', parentRelationship: 'appStoreReviewDetail', max: 200, noun: 'review attachment', extensions: null }
export const ROUTING_COVERAGES: ItemKind = { kind: 'routing-coverage', type: 'routingAppCoverages', parentRelationship: 'appStoreVersion', max: 1, noun: 'routing app coverage', extensions: ['.geojson'] }

/** The version whose editability governs a parent's media (none for advanced experiences). */
function versionOfParent(ctx: SandboxContext, k: ItemKind, parentId: string): { exists: boolean; version?: VersionRecord } {
  const s = ctx.store
  switch (k.kind) {
    case 'app-clip-header-image': {
      const l = s.clipLocalizations.get(parentId)
      const release = l && s.clipExperiences.get(l.experienceId)?.releaseVersionId
      return { exists: !!l, version: release ? s.versions.get(release) : undefined }
    }
    case 'review-attachment': {
      const d = s.reviewDetails.get(parentId)
      return { exists: !!d, version: d && s.versions.get(d.versionId) }
    }
    case 'routing-coverage':
      return { exists: s.versions.has(parentId), version: s.versions.get(parentId) }
    default:
      return { exists: true }
  }
}

function findItem(ctx: SandboxContext, k: ItemKind, id: string): AssetRecord {
  const a = ctx.store.assets.get(id)
  if (!a || a.kind !== k.kind) throw notFound(k.type, id)
  return a
}

function respondItem(ctx: SandboxContext, a: AssetRecord, status: number, query = new Map<string, string[]>(), self?: string): ApiResult {
  return { status, body: singleDocument(docContext(ctx, query), itemResource(ctx, a), self ?? `${ctx.apiBase}/v1/${itemResource(ctx, a).type}/${a.id}`) }
}

export const reserveItem = (k: ItemKind): Handler => (ctx, req) => {
  const { attributes, relationships } = req.body.data
  const parentId: string = k.parentRelationship ? relationships[k.parentRelationship].data.id : ''
  const parent = versionOfParent(ctx, k, parentId)
  if (!parent.exists) throw invalidRelationship(k.parentRelationship ?? 'parent', `There is no parent with id '${parentId}'`)
  requireEditable(ctx, parent.version, `add a ${k.noun}`)
  const fileName: string = attributes.fileName
  const fileSize: number = attributes.fileSize
  if (k.extensions && !k.extensions.includes(extensionOf(fileName))) throw invalidAttribute('fileName', `The file name '${fileName}' must end in ${k.extensions.join(', ')}.`)
  if (!Number.isInteger(fileSize) || fileSize < 1) throw invalidAttribute('fileSize', 'The file size must be a positive number of bytes.')
  const existing = k.parentRelationship ? ctx.store.childrenOf(k.kind, parentId) : []
  if (existing.length >= k.max) {
    throw k.max === 1
      ? stateError(`This ${k.parentRelationship} already has a ${k.noun} ('${existing[0]!.id}'); delete it before uploading another.`)
      : invalidRelationship(k.parentRelationship as string, `The ${k.parentRelationship} already holds the maximum of ${k.max} ${k.noun}s.`)
  }
  const asset = newAsset(ctx, { kind: k.kind, setId: parentId, fileName, fileSize, mimeType: null, previewFrameTimeCode: null })
  ctx.store.assets.set(asset.id, asset)
  return respondItem(ctx, asset, 201, new Map(), `${ctx.apiBase}/v1/${k.type}`)
}

export const getItem = (k: ItemKind): Handler => (ctx, req) => respondItem(ctx, findItem(ctx, k, req.params.id!), 200, req.query, `${ctx.apiBase}${req.url.pathname}${req.url.search}`)

export const deleteItem = (k: ItemKind): Handler => async (ctx, req) => {
  const a = findItem(ctx, k, req.params.id!)
  requireEditable(ctx, versionOfParent(ctx, k, a.setId).version, `delete this ${k.noun}`)
  await removeAsset(ctx, a)
  return { status: 204 }
}

export const updateItem = (k: ItemKind): Handler => async (ctx, req) => {
  const a = findItem(ctx, k, req.params.id!)
  const data = req.body.data
  if (data.id !== a.id) throw new ApiError(409, 'ENTITY_ERROR.ATTRIBUTE.INVALID', `The id '${data.id}' in the body does not match the URL.`, { pointer: '/data/id' })
  requireEditable(ctx, versionOfParent(ctx, k, a.setId).version, `change this ${k.noun}`)
  const attrs = data.attributes ?? {}
  if (attrs.uploaded === true) {
    await commitUpload(ctx, a, {
      noun: k.noun,
      type: k.type,
      checksum: attrs.sourceFileChecksum ?? null,
      missingParts: missing => `Not all parts of '${a.fileName}' were uploaded: missing part(s) ${missing.map(p => p.partNumber).join(', ')}.`,
      process: () => processItem(ctx, k, a)
    })
  }
  return respondItem(ctx, a, 200)
}

const failed = (code: string, description: string): ProcessingOutcome => ({ state: 'FAILED', errors: [{ code, description }] })

/** Header and advanced images: PNG/JPEG matching the extension, no alpha, 1800×1200. Routing coverage: GeoJSON. Attachments: anything. */
async function processItem(ctx: SandboxContext, k: ItemKind, a: AssetRecord): Promise<ProcessingOutcome> {
  if (ctx.dice.config.processingFailures.includes(a.fileName)) return failed('IMAGE_TOOL_FAILURE', 'The file could not be processed. (sandbox fault injection)')
  const src = ctx.parts.source(a.id, a.parts, a.fileSize)
  if (k.kind === 'app-clip-header-image' || k.kind === 'app-clip-advanced-image') {
    const info = await imageInfo(src)
    if (!info) return failed('IMAGE_TOOL_FAILURE', 'The file is not a valid PNG or JPEG image.')
    if (info.alpha) return failed('IMAGE_ALPHA_NOT_ALLOWED', "Images can't contain alpha channels or transparencies.")
    if (info.width !== APP_CLIP_IMAGE_WIDTH || info.height !== APP_CLIP_IMAGE_HEIGHT) return failed('IMAGE_INCORRECT_DIMENSIONS', `The image must be ${APP_CLIP_IMAGE_WIDTH}×${APP_CLIP_IMAGE_HEIGHT}.`)
    return { state: 'COMPLETE', errors: [], width: info.width, height: info.height }
  }
  if (k.kind === 'routing-coverage') {
    const problems = geoJsonProblems((await src.read(0, a.fileSize)).toString('utf8'), 1)
    if (problems.length) return failed('INVALID_GEOJSON', `The routing app coverage file ${problems[0]}.`)
  }
  return { state: 'COMPLETE', errors: [] }
}
