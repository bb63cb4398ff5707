/**
 * Handlers of the App Asset Library endpoints (ASSET-LIBRARY.md §2). The 4.4.1 spec has none of
 * them, so request bodies are validated here by hand, following the digest's §5 exactly (required
 * attributes, exactly-one-of relationships), with Apple's error codes from §11 where Apple names
 * one. Where Apple is SILENT the choice is marked in a comment.
 */
import type { ApiRequest, ApiResult, Handler, SandboxContext } from '../context.js'
import { ApiError, notFound } from '../errors.js'
import { linkagesDocument, listDocument, paginate, resourceObject, singleDocument } from '../json-api.js'
import { planParts } from '../upload-urls.js'
import { EDITABLE_PAGE_STATES, type AssetRecord } from '../store.js'
import { processLibraryAsset } from './processing.js'
import { CATEGORIES, PLACEMENT_TYPES, libraryOf, type LibraryAsset, type LibraryState, type MediaType, type Placement } from './state.js'
import { assetResource, libraryDocContext, libraryResource, placementResource } from './views.js'
import type { RefData } from './ref-data.js'

type Json = Record<string, any> // eslint-disable-line @typescript-eslint/no-explicit-any -- request bodies are checked field by field below

const LOCALIZATION_RELATIONSHIPS = ['appStoreVersionLocalization', 'appCustomProductPageLocalization', 'appEventLocalization', 'appStoreVersionExperimentTreatmentLocalization'] as const
const LOCALIZATION_TYPES: Record<string, string> = {
  appStoreVersionLocalization: 'appStoreVersionLocalizations',
  appCustomProductPageLocalization: 'appCustomProductPageLocalizations',
  appEventLocalization: 'appEventLocalizations',
  appStoreVersionExperimentTreatmentLocalization: 'appStoreVersionExperimentTreatmentLocalizations'
}

function withMeta(e: ApiError, meta: Record<string, unknown>): ApiError {
  Object.assign(e.errors[0]!, { meta })
  return e
}

// ---- request body checks ----

function dataOf(req: ApiRequest, type: string, withId = false): Json {
  const data = (req.body as Json | undefined)?.data
  if (!data || typeof data !== 'object' || Array.isArray(data)) throw new ApiError(409, 'ENTITY_ERROR', "The request entity must have a 'data' object", { pointer: '/data' })
  if (data.type !== type) throw new ApiError(409, 'ENTITY_ERROR.INCLUDED.INVALID', `The value at '/data/type' must be '${type}'`, { pointer: '/data/type' })
  if (withId && data.id !== req.params.id) throw new ApiError(409, 'ENTITY_ERROR.ATTRIBUTE.INVALID', `The id '${String(data.id)}' in the body does not match the URL.`, { pointer: '/data/id' })
  return data
}

function checkAttributes(data: Json, allowed: Record<string, 'string' | 'number' | 'boolean'>, required: string[]): Json {
  const attrs: Json = data.attributes ?? {}
  if (typeof attrs !== 'object' || Array.isArray(attrs)) throw new ApiError(409, 'ENTITY_ERROR', "'attributes' must be an object", { pointer: '/data/attributes' })
  for (const [name, value] of Object.entries(attrs)) {
    const type = allowed[name]
    if (!type) throw new ApiError(409, 'ENTITY_ERROR.ATTRIBUTE.UNKNOWN', `'${name}' is not a valid attribute for this request`, { pointer: `/data/attributes/${name}` })
    if (value !== null && typeof value !== type) throw new ApiError(409, 'ENTITY_ERROR.ATTRIBUTE.TYPE', `The value at '/data/attributes/${name}' must be of type ${type}`, { pointer: `/data/attributes/${name}` })
  }
  for (const name of required) {
    if (attrs[name] === undefined || attrs[name] === null) {
      throw new ApiError(409, 'ENTITY_ERROR.ATTRIBUTE.REQUIRED', `You must provide a value for the attribute '${name}' with this request`, { pointer: `/data/attributes/${name}` })
    }
  }
  return attrs
}

/** Relationships present in the body; unknown names are rejected. */
function relationshipsOf(data: Json, allowed: readonly string[]): Json {
  const rels: Json = data.relationships ?? {}
  for (const name of Object.keys(rels)) {
    if (!allowed.includes(name)) throw new ApiError(409, 'ENTITY_ERROR.RELATIONSHIP.UNKNOWN', `'${name}' is not a valid relationship for this request`, { pointer: `/data/relationships/${name}` })
  }
  return rels
}

function toOne(rels: Json, name: string, type: string): string {
  const d = rels[name]?.data
  if (!d || typeof d !== 'object' || Array.isArray(d) || typeof d.id !== 'string') {
    throw new ApiError(409, 'ENTITY_ERROR.RELATIONSHIP.INVALID', `The relationship '${name}' must have a 'data' object with type and id`, { pointer: `/data/relationships/${name}` })
  }
  if (d.type !== type) throw new ApiError(409, 'ENTITY_ERROR.RELATIONSHIP.INVALID', `The relationship '${name}' must point at '${type}'`, { pointer: `/data/relationships/${name}/data/type` })
  return d.id
}

/** Exactly one of `names` (ASSET-LIBRARY.md §5): none → REQUIRED, several → INVALID. */
function exactlyOne(rels: Json, names: readonly string[], what: string): string {
  const given = names.filter(n => rels[n] !== undefined)
  if (given.length === 0) throw new ApiError(409, 'ENTITY_ERROR.RELATIONSHIP.REQUIRED', `You must provide exactly one ${what} relationship (${names.join(', ')})`, { pointer: '/data/relationships' })
  if (given.length > 1) throw new ApiError(409, 'ENTITY_ERROR.RELATIONSHIP.INVALID', `Only one ${what} relationship may be given; got ${given.join(', ')}`, { pointer: `/data/relationships/${given[1]}` })
  return given[0]!
}

// ---- lookups ----

const typeOf = (m: MediaType) => (m === 'IMAGE' ? 'appAssetLibraryImages' : 'appAssetLibraryVideos')

function findAsset(lib: LibraryState, m: MediaType, id: string): LibraryAsset {
  const a = lib.assets.get(id)
  if (!a || a.mediaType !== m) throw notFound(typeOf(m), id)
  return a
}

function findLibrary(ctx: SandboxContext, id: string): string {
  if (!libraryOf(ctx.store).hasLibrary(id)) throw notFound('appAssetLibraries', id)
  return id
}

/** The localizations that take placements and ordering requests in the sandbox (in-app events are not modelled). */
const PLACEABLE = ['appStoreVersionLocalization', 'appCustomProductPageLocalization', 'appStoreVersionExperimentTreatmentLocalization'] as const

interface PlacementParent {
  appId: string | undefined
  editable: boolean
  state: string
  /** What the parent is called in messages. */
  what: string
  /** `meta.feature` of a STATE_ERROR.INVALID_STATE (§8, §11). */
  errorFeature: string
  /** The ref data feature whose placement policies (maxCount) apply (§7). */
  refFeature: string
}

/** The localization behind a placement's parent relationship, with its app and whether its parent is editable; undefined when it does not exist. */
function placementParent(ctx: SandboxContext, relationship: string, id: string): PlacementParent | undefined {
  const s = ctx.store
  switch (relationship) {
    case 'appStoreVersionLocalization': {
      if (!s.localizations.has(id)) return undefined
      const v = s.versionOfLocalization(id)
      return { appId: v?.appId, editable: !v || s.isEditable(v), state: v?.appVersionState ?? 'missing', what: 'App Store version', errorFeature: 'APP_STORE_VERSIONS', refFeature: 'APP_STORE_VERSIONS' }
    }
    case 'appCustomProductPageLocalization': {
      const l = s.pageLocalizations.get(id)
      if (!l) return undefined
      const v = s.pageVersions.get(l.parentId)
      const page = v && s.pages.get(v.pageId)
      const state = v?.state ?? 'missing'
      return { appId: page?.appId, editable: EDITABLE_PAGE_STATES.includes(state), state, what: 'custom product page version', errorFeature: 'ASC_FEATURE_CUSTOM_PRODUCT_PAGES', refFeature: 'CUSTOM_PRODUCT_PAGES' }
    }
    case 'appStoreVersionExperimentTreatmentLocalization': {
      const l = s.treatmentLocalizations.get(id)
      if (!l) return undefined
      const t = s.treatments.get(l.parentId)
      const e = t && s.experiments.get(t.experimentId)
      const state = e?.state ?? 'missing'
      return { appId: e?.appId, editable: EDITABLE_PAGE_STATES.includes(state), state, what: 'experiment', errorFeature: 'ASC_FEATURE_PRODUCT_PAGE_OPTIMIZATIONS', refFeature: 'PRODUCT_PAGE_OPTIMIZATIONS' }
    }
    default:
      return undefined
  }
}

function requireEditableParent(ctx: SandboxContext, relationship: string, localizationId: string, action: string): void {
  const parent = placementParent(ctx, relationship, localizationId)
  if (parent && !parent.editable) {
    throw withMeta(new ApiError(409, 'STATE_ERROR.INVALID_STATE', `You cannot ${action} while the ${parent.what} is in the state ${parent.state}.`), { state: parent.state, feature: parent.errorFeature })
  }
}

const selfOf = (ctx: SandboxContext, req: ApiRequest) => `${ctx.apiBase}${req.url.pathname}${req.url.search}`

function single(ctx: SandboxContext, req: ApiRequest, def: ReturnType<typeof assetResource>, status = 200): ApiResult {
  return { status, body: singleDocument(libraryDocContext(ctx, req.query), def, selfOf(ctx, req)) }
}

// ---- the library ----

export const getAppLibrary: Handler = (ctx, req) => {
  if (!ctx.store.apps.has(req.params.id!)) throw notFound('apps', req.params.id!)
  return single(ctx, req, libraryResource(ctx, req.params.id!))
}

export const getAppLibraryLinkage: Handler = (ctx, req) => {
  if (!ctx.store.apps.has(req.params.id!)) throw notFound('apps', req.params.id!)
  // Library id = app id, as in every Apple example ([3p] says the same; Apple does not promise it).
  return { status: 200, body: { data: { type: 'appAssetLibraries', id: req.params.id }, links: { self: selfOf(ctx, req), related: `${ctx.apiBase}/v1/apps/${req.params.id}/assetLibrary` } } }
}

export const getLibrary: Handler = (ctx, req) => single(ctx, req, libraryResource(ctx, findLibrary(ctx, req.params.id!)))

function filterAssets(lib: LibraryState, assets: LibraryAsset[], q: Map<string, string[]>): LibraryAsset[] {
  const f = (name: string) => q.get(`filter[${name}]`)
  let out = assets
  const category = f('category')
  if (category) out = out.filter(a => category.includes(a.category))
  const state = f('state')
  if (state) out = out.filter(a => state.includes(lib.state(a)))
  // SILENT whether filter[referenceName] is exact or prefix, and whether it takes a list: exact, comma-separated list.
  const names = f('referenceName')
  if (names) out = out.filter(a => a.referenceName !== null && names.includes(a.referenceName))
  const specs = f('specId')
  if (specs) out = out.filter(a => lib.processed(a) && a.outcome?.specId != null && specs.includes(a.outcome.specId))
  const ids = f('id')
  if (ids) out = out.filter(a => ids.includes(a.id))
  const sort = q.get('sort')?.[0]
  if (sort) {
    const desc = sort.startsWith('-')
    const key = desc ? sort.slice(1) : sort
    const value = (a: LibraryAsset): string | number => (key === 'referenceName' ? (a.referenceName ?? '') : key === 'lastModifiedDate' ? a.modifiedAt : a.createdAt)
    out = [...out].sort((x, y) => (value(x) < value(y) ? -1 : value(x) > value(y) ? 1 : 0) * (desc ? -1 : 1))
  }
  return out
}

export const listLibraryAssets = (m: MediaType): Handler => (ctx, req) => {
  const lib = libraryOf(ctx.store)
  const libraryId = findLibrary(ctx, req.params.id!)
  const all = [...lib.assets.values()].filter(a => a.libraryId === libraryId && a.mediaType === m)
  const page = paginate(filterAssets(lib, all, req.query), req.query)
  return { status: 200, body: listDocument(libraryDocContext(ctx, req.query), page.items.map(a => assetResource(ctx, a)), page, req.url) }
}

export const listLibraryLinkages = (m: MediaType): Handler => (ctx, req) => {
  const lib = libraryOf(ctx.store)
  const libraryId = findLibrary(ctx, req.params.id!)
  const ids = [...lib.assets.values()].filter(a => a.libraryId === libraryId && a.mediaType === m).map(a => a.id)
  return { status: 200, body: linkagesDocument(libraryDocContext(ctx, req.query), typeOf(m), paginate(ids, req.query), req.url) }
}

// ---- images and videos ----

export const reserveLibraryAsset = (m: MediaType): Handler => (ctx, req) => {
  const lib = libraryOf(ctx.store)
  const data = dataOf(req, typeOf(m))
  const allowed: Record<string, 'string' | 'number' | 'boolean'> = { category: 'string', fileName: 'string', fileSize: 'number', referenceName: 'string' }
  if (m === 'VIDEO') allowed.previewFrameTimeCode = 'string'
  const attrs = checkAttributes(data, allowed, ['category', 'fileName', 'fileSize'])
  // `placements` at create: SILENT on what it does; accepted and ignored.
  const rels = relationshipsOf(data, ['assetLibrary', 'placements'])
  if (rels.assetLibrary === undefined) throw new ApiError(409, 'ENTITY_ERROR.RELATIONSHIP.REQUIRED', "You must provide a value for the relationship 'assetLibrary' with this request", { pointer: '/data/relationships/assetLibrary' })
  const libraryId = toOne(rels, 'assetLibrary', 'appAssetLibraries')
  if (!lib.hasLibrary(libraryId)) throw new ApiError(409, 'ENTITY_ERROR.RELATIONSHIP.INVALID', `There is no resource of type 'appAssetLibraries' with id '${libraryId}'`, { pointer: '/data/relationships/assetLibrary' })
  if (!(CATEGORIES as readonly string[]).includes(attrs.category)) {
    throw new ApiError(409, 'ENTITY_ERROR.ATTRIBUTE.INVALID', `'${attrs.category}' is not a valid category. Allowed values: ${CATEGORIES.join(', ')}`, { pointer: '/data/attributes/category' })
  }
  if (!Number.isInteger(attrs.fileSize) || attrs.fileSize < 1) throw new ApiError(409, 'ENTITY_ERROR.ATTRIBUTE.INVALID', 'The file size must be a positive number of bytes.', { pointer: '/data/attributes/fileSize' })
  if (attrs.previewFrameTimeCode != null && !/^\d{2}:\d{2}:\d{2}:\d{2}$/.test(attrs.previewFrameTimeCode)) {
    throw new ApiError(409, 'ENTITY_ERROR.ATTRIBUTE.INVALID', "previewFrameTimeCode must look like '00:00:03:00'", { pointer: '/data/attributes/previewFrameTimeCode' })
  }
  const now = ctx.now()
  const id = lib.newId()
  const ttl = ctx.dice.config.expireUploadUrls ? -60 : ctx.options.uploadUrlTtlSeconds
  const record: AssetRecord = {
    id,
    kind: m === 'IMAGE' ? 'screenshot' : 'preview',
    setId: `appAssetLibraries:${libraryId}`,
    fileName: attrs.fileName,
    fileSize: attrs.fileSize,
    mimeType: null,
    previewFrameTimeCode: attrs.previewFrameTimeCode ?? null,
    assetToken: `SandboxLibrary/v1/${id}_${attrs.fileName}`,
    createdAt: now,
    uploadExpires: Math.floor(now / 1000) + ttl,
    parts: planParts(attrs.fileSize, ctx.options.partSize),
    committedAt: null,
    processingMs: 0,
    checksumDelayMs: 0,
    checksum: null,
    checksumPublished: false,
    outcome: null
  }
  const asset: LibraryAsset = {
    id,
    mediaType: m,
    libraryId,
    category: attrs.category,
    referenceName: attrs.referenceName ?? null,
    createdAt: now,
    modifiedAt: now,
    previewFrameTimeCode: attrs.previewFrameTimeCode ?? null,
    record,
    outcome: null,
    forcedState: null
  }
  ctx.store.assets.set(id, record)
  lib.assets.set(id, asset)
  return { status: 201, body: singleDocument(libraryDocContext(ctx, new Map()), assetResource(ctx, asset), `${ctx.apiBase}/v1/${typeOf(m)}`) }
}

export const getLibraryAsset = (m: MediaType): Handler => (ctx, req) => single(ctx, req, assetResource(ctx, findAsset(libraryOf(ctx.store), m, req.params.id!)))

const committing = new WeakSet<LibraryAsset>()

export const updateLibraryAsset = (m: MediaType): Handler => async (ctx, req) => {
  const lib = libraryOf(ctx.store)
  const a = findAsset(lib, m, req.params.id!)
  const data = dataOf(req, typeOf(m), true)
  const allowed: Record<string, 'string' | 'number' | 'boolean'> = { uploaded: 'boolean', referenceName: 'string', archived: 'boolean' }
  if (m === 'VIDEO') allowed.previewFrameTimeCode = 'string'
  // The commit takes `uploaded` only: there is no checksum attribute (sourceFileChecksum is rejected as unknown).
  const attrs = checkAttributes(data, allowed, [])
  if (attrs.archived === true) {
    if (lib.state(a) !== 'APPROVED') throw new ApiError(409, 'STATE_ERROR.INVALID_ASSET_STATE', 'Only an approved asset can be archived.')
    a.forcedState = 'ARCHIVED'
  }
  if (attrs.referenceName !== undefined) a.referenceName = attrs.referenceName
  if (attrs.previewFrameTimeCode != null) a.previewFrameTimeCode = attrs.previewFrameTimeCode
  if (attrs.uploaded === true) await commit(ctx, lib, a)
  a.modifiedAt = ctx.now()
  return { status: 200, body: singleDocument(libraryDocContext(ctx, new Map()), assetResource(ctx, a), `${ctx.apiBase}/v1/${typeOf(m)}/${a.id}`) }
}

async function commit(ctx: SandboxContext, lib: LibraryState, a: LibraryAsset): Promise<void> {
  const r = a.record
  if (r.committedAt !== null || committing.has(a)) {
    throw new ApiError(409, 'STATE_ERROR', `The asset '${a.id}' was already committed (state ${lib.state(a)}); delete it and reserve again to replace it.`)
  }
  const missing = r.parts.filter(p => p.receivedBytes !== p.length)
  if (missing.length) {
    // SILENT: the code of a size mismatch at commit. The sandbox answers like its set-based commit.
    throw new ApiError(409, 'ENTITY_ERROR.ATTRIBUTE.INVALID', `The bytes received do not equal fileSize ${r.fileSize}: missing part(s) ${missing.map(p => p.partNumber).join(', ')}.`, { pointer: '/data/attributes/uploaded' })
  }
  committing.add(a)
  try {
    const outcome = await processLibraryAsset(ctx, a)
    if (!lib.assets.has(a.id)) throw notFound(typeOf(a.mediaType), a.id)
    a.outcome = outcome
    Object.assign(r, {
      outcome: { state: outcome.state === 'FAILED' ? 'FAILED' : 'COMPLETE', errors: outcome.stateDetails, width: outcome.width, height: outcome.height },
      committedAt: ctx.now(),
      processingMs: ctx.options.processingMs
    })
    void ctx.parts.remove(a.id).catch(() => undefined)
  } finally {
    committing.delete(a)
  }
}

export const deleteLibraryAsset = (m: MediaType): Handler => async (ctx, req) => {
  const lib = libraryOf(ctx.store)
  const a = findAsset(lib, m, req.params.id!)
  if (lib.placementsOfAsset(a.id).length > 0) {
    throw new ApiError(409, 'STATE_ERROR.ASSET_HAS_PLACEMENTS', 'The asset cannot be deleted while placements still use it. Delete those placements first.')
  }
  lib.deleteAsset(a.id)
  await ctx.parts.remove(a.id)
  return { status: 204 }
}

function filterPlacements(lib: LibraryState, list: Placement[], q: Map<string, string[]>): Placement[] {
  const f = (name: string) => q.get(`filter[${name}]`)
  let out = list
  const checks: [string, (p: Placement) => string | null][] = [
    ['placementType', p => p.placementType],
    ['placementGroup', p => p.placementGroup],
    ['state', p => lib.placementState(p)],
    ['image', p => (p.mediaType === 'IMAGE' ? p.assetId : null)],
    ['video', p => (p.mediaType === 'VIDEO' ? p.assetId : null)],
    ['appStoreVersionLocalization', p => (p.parentRelationship === 'appStoreVersionLocalization' ? p.parentId : null)],
    ['appCustomProductPageLocalization', p => (p.parentRelationship === 'appCustomProductPageLocalization' ? p.parentId : null)],
    ['appEventLocalization', p => (p.parentRelationship === 'appEventLocalization' ? p.parentId : null)],
    ['appStoreVersionExperimentTreatmentLocalization', p => (p.parentRelationship === 'appStoreVersionExperimentTreatmentLocalization' ? p.parentId : null)],
    ['id', p => p.id]
  ]
  for (const [name, value] of checks) {
    const wanted = f(name)
    if (wanted) out = out.filter(p => wanted.includes(value(p) ?? '\u0000'))
  }
  const sort = q.get('sort')?.[0] ?? 'createdDate'
  const desc = sort.startsWith('-')
  const key = desc ? sort.slice(1) : sort
  if (key === 'placementGroupPosition') {
    // Display order: parents, then groups, each group in its order. There is no position attribute.
    const parents = [...new Set(out.map(p => p.parentId))]
    const rank = new Map<string, number>()
    let i = 0
    for (const parent of parents) for (const p of lib.placementsOfParent(parent)) rank.set(p.id, i++)
    out = [...out].sort((x, y) => (rank.get(x.id) ?? 0) - (rank.get(y.id) ?? 0))
  } else out = [...out].sort((x, y) => x.createdAt - y.createdAt)
  return desc ? out.reverse() : out
}

function placementList(ctx: SandboxContext, req: ApiRequest, list: Placement[]): ApiResult {
  const lib = libraryOf(ctx.store)
  const page = paginate(filterPlacements(lib, list, req.query), req.query)
  return { status: 200, body: listDocument(libraryDocContext(ctx, req.query), page.items.map(p => placementResource(ctx, p)), page, req.url) }
}

export const listAssetPlacements = (m: MediaType): Handler => (ctx, req) => {
  const lib = libraryOf(ctx.store)
  const a = findAsset(lib, m, req.params.id!)
  return placementList(ctx, req, lib.placementsOfAsset(a.id))
}

export const listAssetPlacementLinkages = (m: MediaType): Handler => (ctx, req) => {
  const lib = libraryOf(ctx.store)
  const a = findAsset(lib, m, req.params.id!)
  const ids = lib.placementsOfAsset(a.id).map(p => p.id)
  return { status: 200, body: linkagesDocument(libraryDocContext(ctx, req.query), 'appAssetLibraryPlacements', paginate(ids, req.query), req.url) }
}

// ---- placements ----

/** `features[feature].placementPolicies[type].groupLimits[]` entry covering the group (APP_STORE_VERSIONS, CUSTOM_PRODUCT_PAGES or PRODUCT_PAGE_OPTIMIZATIONS). */
function groupLimit(ref: RefData, feature: string, type: string, group: string): { groupIds: string[]; maxCount: number } | undefined {
  return ref.features.find(f => f.featureId === feature)?.placementPolicies.find(p => p.placementType === type)?.groupLimits.find(l => l.groupIds.includes(group))
}

export const createPlacement: Handler = (ctx, req) => {
  const lib = libraryOf(ctx.store)
  const ref = lib.refData
  const data = dataOf(req, 'appAssetLibraryPlacements')
  // Neither attribute is marked required in the schema, but both are needed in practice (§5).
  const attrs = checkAttributes(data, { placementType: 'string', placementGroup: 'string' }, ['placementType', 'placementGroup'])
  const rels = relationshipsOf(data, ['image', 'video', ...LOCALIZATION_RELATIONSHIPS])
  const media = exactlyOne(rels, ['image', 'video'], 'asset')
  const parentRel = exactlyOne(rels, LOCALIZATION_RELATIONSHIPS, 'localization')
  const assetId = toOne(rels, media, media === 'image' ? 'appAssetLibraryImages' : 'appAssetLibraryVideos')
  const parentId = toOne(rels, parentRel, LOCALIZATION_TYPES[parentRel]!)
  if (!(PLACEABLE as readonly string[]).includes(parentRel)) {
    throw new ApiError(409, 'ENTITY_ERROR.RELATIONSHIP.INVALID', `The sandbox does not model placements on ${LOCALIZATION_TYPES[parentRel]}.`, { pointer: `/data/relationships/${parentRel}` })
  }
  const parent = placementParent(ctx, parentRel, parentId)
  if (!parent) throw new ApiError(409, 'ENTITY_ERROR.RELATIONSHIP.INVALID', `There is no resource of type '${LOCALIZATION_TYPES[parentRel]}' with id '${parentId}'`, { pointer: `/data/relationships/${parentRel}` })
  const asset = lib.assets.get(assetId)
  const mediaType: MediaType = media === 'image' ? 'IMAGE' : 'VIDEO'
  if (!asset || asset.mediaType !== mediaType) throw new ApiError(409, 'ENTITY_ERROR.RELATIONSHIP.INVALID', `There is no resource of type '${typeOf(mediaType)}' with id '${assetId}'`, { pointer: `/data/relationships/${media}` })
  if (parent.appId && asset.libraryId !== parent.appId) {
    throw new ApiError(409, 'ENTITY_ERROR.RELATIONSHIP.INVALID', "The asset belongs to another app's library.", { pointer: `/data/relationships/${media}` })
  }
  if (!(PLACEMENT_TYPES as readonly string[]).includes(attrs.placementType)) {
    throw new ApiError(409, 'ENTITY_ERROR.ATTRIBUTE.INVALID', `'${attrs.placementType}' is not a valid placementType.`, { pointer: '/data/attributes/placementType' })
  }
  const mismatch = () =>
    new ApiError(409, 'ENTITY_ERROR.ATTRIBUTE.INVALID', "The requested 'placementType' and 'placementGroup' combination is not supported for this parent.", { pointer: '/data/attributes/placementType' })
  const typeDef = ref.placementTypes.find(t => t.placementTypeId === attrs.placementType)
  const mapping = typeDef?.specMappings.find(s => s.placementGroupId === attrs.placementGroup)
  const limit = groupLimit(ref, parent.refFeature, attrs.placementType, attrs.placementGroup)
  if (!typeDef || !mapping || !limit) throw mismatch()
  if (!typeDef.acceptsAssetCategories.includes(asset.category)) throw mismatch()
  // Previews are videos, screenshots are images.
  if ((attrs.placementType === 'APP_PREVIEW') !== (mediaType === 'VIDEO')) throw mismatch()
  // A processed asset's matched spec decides which groups accept it.
  if (lib.processed(asset) && asset.outcome?.specId && !mapping.specs.includes(asset.outcome.specId)) {
    throw new ApiError(409, 'ENTITY_ERROR.ATTRIBUTE.INVALID', `The asset's specification does not fit the placement group '${attrs.placementGroup}'.`, { pointer: '/data/attributes/placementGroup' })
  }
  requireEditableParent(ctx, parentRel, parentId, 'add placements')
  const used = [...lib.placements.values()].filter(p => p.parentId === parentId && p.placementType === attrs.placementType && limit.groupIds.includes(p.placementGroup)).length
  if (used >= limit.maxCount) {
    // SILENT: which error code over-limit gives; the sandbox answers as its set-based limit does.
    throw new ApiError(409, 'ENTITY_ERROR.RELATIONSHIP.INVALID', `The placement group '${attrs.placementGroup}' already holds the maximum of ${limit.maxCount} ${attrs.placementType} placements.`, { pointer: '/data/attributes/placementGroup' })
  }
  const p: Placement = { id: lib.newId(), assetId, mediaType, placementType: attrs.placementType, placementGroup: attrs.placementGroup, parentRelationship: parentRel, parentId, createdAt: ctx.now() }
  lib.addPlacement(p)
  const dc = libraryDocContext(ctx, new Map())
  return { status: 201, body: { data: resourceObject(dc, placementResource(ctx, p), [media]), links: { self: `${ctx.apiBase}/v1/appAssetLibraryPlacements` } } }
}

function findPlacement(lib: LibraryState, id: string): Placement {
  const p = lib.placements.get(id)
  if (!p) throw notFound('appAssetLibraryPlacements', id)
  return p
}

export const getPlacement: Handler = (ctx, req) => single(ctx, req, placementResource(ctx, findPlacement(libraryOf(ctx.store), req.params.id!)))

export const deletePlacement: Handler = (ctx, req) => {
  const lib = libraryOf(ctx.store)
  const p = findPlacement(lib, req.params.id!)
  requireEditableParent(ctx, p.parentRelationship, p.parentId, 'remove placements')
  lib.deletePlacement(p.id)
  return { status: 204 }
}

/** GET /v1/{appStoreVersion,appCustomProductPage,appStoreVersionExperimentTreatment}Localizations/{id}/placements. */
export const listLocalizationPlacements = (relationship: (typeof PLACEABLE)[number]): Handler => (ctx, req) => {
  const lib = libraryOf(ctx.store)
  if (!placementParent(ctx, relationship, req.params.id!)) throw notFound(LOCALIZATION_TYPES[relationship]!, req.params.id!)
  // SILENT whether set-based media appear here ([3p] says they do): the sandbox keeps the two apart.
  return placementList(ctx, req, [...lib.placements.values()].filter(p => p.parentId === req.params.id))
}

// ---- ordering ----

export const createOrderingRequest: Handler = (ctx, req) => {
  const lib = libraryOf(ctx.store)
  const data = dataOf(req, 'appAssetLibraryPlacementOrderingRequests')
  const attrs = checkAttributes(data, { placementGroup: 'string' }, ['placementGroup'])
  const targets = ['appStoreVersionLocalization', 'appCustomProductPageLocalization', 'appStoreVersionExperimentTreatmentLocalization']
  const rels = relationshipsOf(data, ['orderedPlacements', ...targets])
  const ordered = rels.orderedPlacements?.data
  if (!Array.isArray(ordered)) throw new ApiError(409, 'ENTITY_ERROR.RELATIONSHIP.REQUIRED', "You must provide the relationship 'orderedPlacements' (a list) with this request", { pointer: '/data/relationships/orderedPlacements' })
  const parentRel = exactlyOne(rels, targets, 'localization')
  const parentId = toOne(rels, parentRel, LOCALIZATION_TYPES[parentRel]!)
  if (!placementParent(ctx, parentRel, parentId)) {
    throw new ApiError(409, 'ENTITY_ERROR.RELATIONSHIP.INVALID', `There is no resource of type '${LOCALIZATION_TYPES[parentRel]}' with id '${parentId}' in the sandbox`, { pointer: `/data/relationships/${parentRel}` })
  }
  const ids: string[] = ordered.map((d: Json, i: number) => {
    if (d?.type !== 'appAssetLibraryPlacements' || typeof d.id !== 'string') {
      throw new ApiError(409, 'ENTITY_ERROR.RELATIONSHIP.INVALID', `orderedPlacements[${i}] must be an appAssetLibraryPlacements linkage`, { pointer: `/data/relationships/orderedPlacements/data/${i}` })
    }
    return d.id
  })
  // One order per placement type within the group (SILENT at Apple): the listed placements name the type.
  const placementType = lib.placements.get(ids[0] ?? '')?.placementType ?? 'APP_SCREENSHOT'
  const key = lib.key(parentId, attrs.placementGroup, placementType)
  const current = lib.order.get(key) ?? []
  for (const id of ids) {
    if (!current.includes(id)) {
      throw new ApiError(409, 'ENTITY_ERROR.RELATIONSHIP.INVALID', `The placement '${id}' is not in group '${attrs.placementGroup}' of this localization.`, { pointer: '/data/relationships/orderedPlacements' })
    }
  }
  // SILENT: partial or duplicate lists. The sandbox is strict: the list must hold every placement of the group once.
  if (new Set(ids).size !== ids.length || ids.length !== current.length) {
    throw new ApiError(409, 'ENTITY_ERROR.RELATIONSHIP.INVALID', `orderedPlacements must list each of the ${current.length} placements of '${attrs.placementGroup}' exactly once.`, { pointer: '/data/relationships/orderedPlacements' })
  }
  requireEditableParent(ctx, parentRel, parentId, 'reorder placements')
  lib.order.set(key, ids)
  lib.orderingRequests++
  const id = lib.newId()
  const dc = libraryDocContext(ctx, req.query)
  const included = (req.query.get('include') ?? []).includes('orderedPlacements') ? ids.map(pid => resourceObject(dc, placementResource(ctx, lib.placements.get(pid)!), [])) : []
  return {
    status: 201,
    body: {
      data: {
        type: 'appAssetLibraryPlacementOrderingRequests',
        id,
        relationships: { orderedPlacements: { meta: { paging: { total: ids.length, limit: 50 } }, data: ids.map(pid => ({ type: 'appAssetLibraryPlacements', id: pid })) } },
        links: { self: `${ctx.apiBase}/v1/appAssetLibraryPlacementOrderingRequests/${id}` }
      },
      ...(included.length ? { included } : {}),
      links: { self: `${ctx.apiBase}/v1/appAssetLibraryPlacementOrderingRequests` }
    }
  }
}

// ---- reference data ----

function refDatum(ctx: SandboxContext, q: Map<string, string[]>): { type: string; id: string; attributes: Record<string, unknown>; links: object } {
  const ref = libraryOf(ctx.store).refData
  const f = (n: string) => q.get(`filter[${n}]`)
  const features = f('features')
  const types = f('placementTypes')
  const groups = f('placementProfileGroups')
  const specs = f('specs')
  const attributes: Record<string, unknown> = {
    features: features ? ref.features.filter(x => features.includes(x.featureId)) : ref.features,
    placementProfileGroups: groups ? ref.placementProfileGroups.filter(g => groups.includes(g.placementProfileGroupId)) : ref.placementProfileGroups,
    imageSpecs: specs ? ref.imageSpecs.filter(s => specs.includes(s.specId)) : ref.imageSpecs,
    videoSpecs: specs ? ref.videoSpecs.filter(s => specs.includes(s.specId)) : ref.videoSpecs,
    placementTypes: types ? ref.placementTypes.filter(t => types.includes(t.placementTypeId)) : ref.placementTypes,
    displayClasses: ref.displayClasses
  }
  const fields = q.get('fields[appAssetLibraryRefData]')
  const kept = fields ? Object.fromEntries(Object.entries(attributes).filter(([k]) => fields.includes(k))) : attributes
  return { type: 'appAssetLibraryRefData', id: '1', attributes: kept, links: { self: `${ctx.apiBase}/v1/appAssetLibraryRefData/1` } }
}

export const listRefData: Handler = (ctx, req) => ({
  status: 200,
  body: { data: [refDatum(ctx, req.query)], links: { self: selfOf(ctx, req) }, meta: { paging: { total: 1, limit: 50 } } }
})

export const getRefDatum: Handler = (ctx, req) => {
  if (req.params.id !== '1') throw notFound('appAssetLibraryRefData', req.params.id!)
  return { status: 200, body: { data: refDatum(ctx, req.query), links: { self: selfOf(ctx, req) } } }
}

