/**
 * Screenshot sets and preview sets: list per localization, create, read, delete, list items in
 * display order, and reorder through the to-many relationship (REFERENCE.md section 2).
 */
import { randomUUID } from 'node:crypto'
import { platformOf } from '../../media/specs.js'
import type { ApiResult, Handler, SandboxContext } from '../context.js'
import { ApiError, invalidAttribute, invalidRelationship, notFound, stateError } from '../errors.js'
import { linkagesDocument, paginate, singleDocument } from '../json-api.js'
import type { MediaKind } from '../media-kinds.js'
import { EDITABLE_PAGE_STATES, type SetParentType, type SetRecord, type VersionRecord } from '../store.js'
import { applyFilter, list } from './read.js'
import { assetResource, docContext, setResource } from './views.js'

/** Refuses writes to media of a version that is no longer editable (e.g. submitted for review). */
export function requireEditable(ctx: SandboxContext, version: VersionRecord | undefined, action: string): void {
  if (version && !ctx.store.isEditable(version)) {
    throw stateError(
      `You cannot ${action} because the app store version '${version.versionString}' (${version.platform}) is in the state ${version.appVersionState}; media can only change while the version is editable.`
    )
  }
}

/** Refuses writes to a set whose parent (version, custom product page version, experiment) is not editable. */
export function requireSetEditable(ctx: SandboxContext, set: SetRecord | undefined, action: string): void {
  if (!set) return
  if (!set.parentType || set.parentType === 'appStoreVersionLocalizations') return requireEditable(ctx, ctx.store.versionOfSet(set), action)
  const { editable, what, state } = ctx.store.setParentEditable(set)
  if (!editable) throw stateError(`You cannot ${action} because the ${what} is in the state ${state}; its media can only change in ${EDITABLE_PAGE_STATES.join(' or ')}.`)
}

export function findSet(ctx: SandboxContext, k: MediaKind, id: string): SetRecord {
  const set = ctx.store.sets.get(id)
  if (!set || set.kind !== k.kind) throw notFound(k.setType, id)
  return set
}

export const listLocalizationSets = (k: MediaKind, parentType: SetParentType = 'appStoreVersionLocalizations'): Handler => (ctx, req) => {
  const locId = req.params.id!
  const parents = { appStoreVersionLocalizations: ctx.store.localizations, appCustomProductPageLocalizations: ctx.store.pageLocalizations, appStoreVersionExperimentTreatmentLocalizations: ctx.store.treatmentLocalizations }
  if (!parents[parentType].has(locId)) throw notFound(parentType, locId)
  let sets = ctx.store.setsOf(locId, k.kind)
  sets = applyFilter(sets, req.query, k.filterName, s => s.setType)
  // The sandbox models no custom product page or experiment parents: sets filtered by them are none of these.
  // Sets have exactly one parent: filtering by another parent kind leaves none of these.
  if (['filter[appStoreVersionLocalization]', 'filter[appCustomProductPageLocalization]', 'filter[appStoreVersionExperimentTreatmentLocalization]'].some(f => req.query.has(f))) sets = []
  return list(ctx, req, sets.map(setResource))
}

export const createSet = (k: MediaKind): Handler => (ctx, req) => {
  const data = req.body.data
  const setType: string = data.attributes[k.setAttribute]
  const rels = data.relationships ?? {}
  const locRef = rels.appStoreVersionLocalization?.data
  if (!locRef) {
    const other = rels.appCustomProductPageLocalization?.data ?? rels.appStoreVersionExperimentTreatmentLocalization?.data
    if (other) return createChildSet(ctx, k, other, setType)
    throw new ApiError(409, 'ENTITY_ERROR.RELATIONSHIP.REQUIRED', `A ${k.noun} set needs a parent localization.`, { pointer: '/data/relationships/appStoreVersionLocalization' })
  }
  const loc = ctx.store.localizations.get(locRef.id)
  if (!loc) throw invalidRelationship('appStoreVersionLocalization', `There is no resource of type 'appStoreVersionLocalizations' with id '${locRef.id}'`)
  const version = ctx.store.versions.get(loc.versionId)!
  requireEditable(ctx, version, `create a ${k.noun} set`)
  const platform = platformOf(k.kind, setType)
  if (platform !== version.platform) {
    throw invalidAttribute(k.setAttribute, `The ${k.setAttribute} '${setType}' is not valid for a ${version.platform} app store version.`)
  }
  if (ctx.store.setsOf(loc.id, k.kind).some(s => s.setType === setType)) {
    throw invalidAttribute(k.setAttribute, `A ${k.noun} set with ${k.setAttribute} '${setType}' already exists for this localization.`)
  }
  const set: SetRecord = { id: randomUUID(), kind: k.kind, localizationId: loc.id, setType, itemIds: [] }
  ctx.store.sets.set(set.id, set)
  const doc = singleDocument(docContext(ctx, new Map()), setResource(set), `${ctx.apiBase}/v1/${k.setType}`)
  return { status: 201, body: doc }
}

/** A set of a custom product page localization or a PPO treatment localization. */
function createChildSet(ctx: SandboxContext, k: MediaKind, ref: { type: string; id: string }, setType: string): ApiResult {
  const parentType = ref.type as SetParentType
  const loc = parentType === 'appCustomProductPageLocalizations' ? ctx.store.pageLocalizations.get(ref.id) : ctx.store.treatmentLocalizations.get(ref.id)
  const relName = parentType === 'appCustomProductPageLocalizations' ? 'appCustomProductPageLocalization' : 'appStoreVersionExperimentTreatmentLocalization'
  if (!loc) throw invalidRelationship(relName, `There is no resource of type '${ref.type}' with id '${ref.id}'`)
  const set: SetRecord = { id: randomUUID(), kind: k.kind, localizationId: loc.id, parentType, setType, itemIds: [] }
  requireSetEditable(ctx, set, `create a ${k.noun} set`)
  if (parentType === 'appStoreVersionExperimentTreatmentLocalizations') {
    const experiment = ctx.store.experiments.get(ctx.store.treatments.get(loc.parentId)?.experimentId ?? '')
    if (experiment && platformOf(k.kind, setType) !== experiment.platform) {
      throw invalidAttribute(k.setAttribute, `The ${k.setAttribute} '${setType}' is not valid for a ${experiment.platform} experiment.`)
    }
  }
  if (ctx.store.setsOf(loc.id, k.kind).some(s => s.setType === setType)) {
    throw invalidAttribute(k.setAttribute, `A ${k.noun} set with ${k.setAttribute} '${setType}' already exists for this localization.`)
  }
  ctx.store.sets.set(set.id, set)
  return { status: 201, body: singleDocument(docContext(ctx, new Map()), setResource(set), `${ctx.apiBase}/v1/${k.setType}`) }
}

export const getSet = (k: MediaKind): Handler => (ctx, req) => {
  const set = findSet(ctx, k, req.params.id!)
  return { status: 200, body: singleDocument(docContext(ctx, req.query), setResource(set), `${ctx.apiBase}${req.url.pathname}${req.url.search}`) }
}

export const deleteSet = (k: MediaKind): Handler => (ctx, req) => {
  const set = findSet(ctx, k, req.params.id!)
  requireSetEditable(ctx, set, `delete this ${k.noun} set`)
  ctx.store.deleteSet(set.id) // Apple: deletes the set "and all of its screenshots"
  return { status: 204 }
}

/** GET /v1/appScreenshotSets/{id}/appScreenshots: the items in display order. */
export const listSetItems = (k: MediaKind): Handler => (ctx, req) => {
  const set = findSet(ctx, k, req.params.id!)
  return list(ctx, req, ctx.store.itemsOf(set).map(a => assetResource(ctx, a)))
}

export const getSetLinkages = (k: MediaKind): Handler => (ctx, req) => {
  const set = findSet(ctx, k, req.params.id!)
  const page = paginate(set.itemIds, req.query)
  return { status: 200, body: linkagesDocument(docContext(ctx, req.query), k.itemType, page, req.url) }
}

/**
 * Reorder. Apple titles this "replace all", but in practice it only reorders: the body must list exactly
 * the set's current items (a permutation); anything else is refused rather than silently deleting.
 */
export const replaceSetLinkages = (k: MediaKind): Handler => (ctx, req): ApiResult => {
  const set = findSet(ctx, k, req.params.id!)
  requireSetEditable(ctx, set, `reorder this ${k.noun} set`)
  const items = (req.body as { data: { type: string; id: string }[] }).data
  checkPermutation(k, set, items)
  set.itemIds = items.map(i => i.id)
  return { status: 204 }
}

function checkPermutation(k: MediaKind, set: SetRecord, items: { type: string; id: string }[]): void {
  const ids = items.map(i => i.id)
  const current = new Set(set.itemIds)
  const unknown = ids.filter(id => !current.has(id))
  const missing = set.itemIds.filter(id => !ids.includes(id))
  const duplicated = ids.filter((id, i) => ids.indexOf(id) !== i)
  const problem =
    unknown.length > 0
      ? `The ${k.itemType} ${unknown.join(', ')} do not belong to this set.`
      : missing.length > 0
        ? `The request must list every item of the set; missing: ${missing.join(', ')}.`
        : duplicated.length > 0
          ? `The ${k.itemType} ${duplicated.join(', ')} are listed more than once.`
          : null
  if (problem) throw new ApiError(409, 'ENTITY_ERROR.RELATIONSHIP.INVALID', problem, { pointer: '/data' })
}

