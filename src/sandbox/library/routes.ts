/**
 * The App Asset Library routes (App Store Connect API 4.5.1). They are not in openapi-subset.json
 * (extracted from the 4.4.1 spec, which has none of them), so they live in this separate table that
 * `checkRoutes` does not compare with the spec. Query parameters are declared here from
 * ASSET-LIBRARY.md §2 and checked by the same validateQuery as the spec routes; bodies are checked
 * by hand in handlers.ts.
 */
import type { Handler } from '../context.js'
import { ApiError } from '../errors.js'
import type { Parameter, RouteMatch } from '../spec.js'
import { parseJsonBody } from '../validation.js'
import * as h from './handlers.js'
import { ASSET_STATES, CATEGORIES, PLACEMENT_STATES, PLACEMENT_TYPES } from './state.js'

const IMAGE_FIELDS = ['category', 'createdDate', 'fileName', 'fileSize', 'imageAsset', 'lastModifiedDate', 'placements', 'referenceName', 'specId', 'state', 'stateDetails', 'uploadOperations']
const VIDEO_FIELDS = ['category', 'createdDate', 'fileName', 'fileSize', 'lastModifiedDate', 'placements', 'previewFrameImage', 'previewFrameTimeCode', 'referenceName', 'specId', 'state', 'stateDetails', 'uploadOperations', 'videoAsset']
const PLACEMENT_FIELDS = [
  'mediaType',
  'placementType',
  'placementGroup',
  'createdDate',
  'lastModifiedDate',
  'state',
  'stateDetails',
  'image',
  'video',
  'appStoreVersionLocalization',
  'appCustomProductPageLocalization',
  'appEventLocalization',
  'appStoreVersionExperimentTreatmentLocalization'
]
const PLACEMENT_INCLUDES = ['image', 'video', 'appStoreVersionLocalization', 'appCustomProductPageLocalization', 'appEventLocalization', 'appStoreVersionExperimentTreatmentLocalization']
const LOCALIZATION_FILTERS = ['appStoreVersionLocalization', 'appCustomProductPageLocalization', 'appEventLocalization', 'appStoreVersionExperimentTreatmentLocalization']
const REF_FIELDS = ['features', 'placementProfileGroups', 'imageSpecs', 'videoSpecs', 'placementTypes', 'displayClasses']

const list = (name: string, values?: readonly string[]): Parameter => ({ name, in: 'query', schema: { type: 'array', items: { type: 'string', ...(values ? { enum: [...values] } : {}) } } })
const int = (name: string, maximum: number): Parameter => ({ name, in: 'query', schema: { type: 'integer', maximum } })

const assetListParams = (fields: string, fieldValues: string[]): Parameter[] => [
  list('filter[category]', CATEGORIES),
  list('filter[state]', ASSET_STATES),
  list('filter[referenceName]'),
  list('filter[specId]'),
  list('filter[id]'),
  list('sort', ['createdDate', '-createdDate', 'lastModifiedDate', '-lastModifiedDate', 'referenceName', '-referenceName']),
  list(`fields[${fields}]`, fieldValues),
  list('fields[appAssetLibraryPlacements]', PLACEMENT_FIELDS),
  list('include', ['placements']),
  int('limit', 200),
  int('limit[placements]', 50)
]

/** The placement list parameters; each list omits the filter on its own parent. */
const placementListParams = (omit: string): Parameter[] => [
  list('filter[placementType]', PLACEMENT_TYPES),
  list('filter[placementGroup]'),
  list('filter[state]', PLACEMENT_STATES),
  ...['image', 'video', ...LOCALIZATION_FILTERS, 'id'].filter(n => n !== omit).map(n => list(`filter[${n}]`)),
  list('sort', ['createdDate', '-createdDate', 'lastModifiedDate', '-lastModifiedDate', 'placementGroupPosition', '-placementGroupPosition']),
  list('include', PLACEMENT_INCLUDES),
  list('fields[appAssetLibraryPlacements]', PLACEMENT_FIELDS),
  list('fields[appAssetLibraryImages]', IMAGE_FIELDS),
  list('fields[appAssetLibraryVideos]', VIDEO_FIELDS),
  list('fields[appStoreVersionLocalizations]'),
  int('limit', 200)
]

const assetParams = (fields: string, fieldValues: string[]): Parameter[] => [
  list(`fields[${fields}]`, fieldValues),
  list('fields[appAssetLibraryPlacements]', PLACEMENT_FIELDS),
  list('include', ['placements']),
  int('limit[placements]', 50)
]

interface LibraryRoute {
  handler: Handler
  params: Parameter[]
  body?: boolean
}

export const LIBRARY_ROUTES: Record<string, LibraryRoute> = {
  'GET /v1/apps/{id}/assetLibrary': { handler: h.getAppLibrary, params: [list('fields[appAssetLibraries]', ['images', 'videos'])] },
  'GET /v1/apps/{id}/relationships/assetLibrary': { handler: h.getAppLibraryLinkage, params: [] },
  'GET /v1/appAssetLibraries/{id}': { handler: h.getLibrary, params: [list('fields[appAssetLibraries]', ['images', 'videos'])] },
  'GET /v1/appAssetLibraries/{id}/images': { handler: h.listLibraryAssets('IMAGE'), params: assetListParams('appAssetLibraryImages', IMAGE_FIELDS) },
  'GET /v1/appAssetLibraries/{id}/videos': { handler: h.listLibraryAssets('VIDEO'), params: assetListParams('appAssetLibraryVideos', VIDEO_FIELDS) },
  'GET /v1/appAssetLibraries/{id}/relationships/images': { handler: h.listLibraryLinkages('IMAGE'), params: [int('limit', 200)] },
  'GET /v1/appAssetLibraries/{id}/relationships/videos': { handler: h.listLibraryLinkages('VIDEO'), params: [int('limit', 200)] },
  'POST /v1/appAssetLibraryImages': { handler: h.reserveLibraryAsset('IMAGE'), params: [], body: true },
  'GET /v1/appAssetLibraryImages/{id}': { handler: h.getLibraryAsset('IMAGE'), params: assetParams('appAssetLibraryImages', IMAGE_FIELDS) },
  'PATCH /v1/appAssetLibraryImages/{id}': { handler: h.updateLibraryAsset('IMAGE'), params: [], body: true },
  'DELETE /v1/appAssetLibraryImages/{id}': { handler: h.deleteLibraryAsset('IMAGE'), params: [] },
  'GET /v1/appAssetLibraryImages/{id}/placements': { handler: h.listAssetPlacements('IMAGE'), params: placementListParams('image') },
  'GET /v1/appAssetLibraryImages/{id}/relationships/placements': { handler: h.listAssetPlacementLinkages('IMAGE'), params: [int('limit', 200)] },
  'POST /v1/appAssetLibraryVideos': { handler: h.reserveLibraryAsset('VIDEO'), params: [], body: true },
  'GET /v1/appAssetLibraryVideos/{id}': { handler: h.getLibraryAsset('VIDEO'), params: assetParams('appAssetLibraryVideos', VIDEO_FIELDS) },
  'PATCH /v1/appAssetLibraryVideos/{id}': { handler: h.updateLibraryAsset('VIDEO'), params: [], body: true },
  'DELETE /v1/appAssetLibraryVideos/{id}': { handler: h.deleteLibraryAsset('VIDEO'), params: [] },
  'GET /v1/appAssetLibraryVideos/{id}/placements': { handler: h.listAssetPlacements('VIDEO'), params: placementListParams('video') },
  'GET /v1/appAssetLibraryVideos/{id}/relationships/placements': { handler: h.listAssetPlacementLinkages('VIDEO'), params: [int('limit', 200)] },
  'POST /v1/appAssetLibraryPlacements': { handler: h.createPlacement, params: [], body: true },
  'GET /v1/appAssetLibraryPlacements/{id}': {
    handler: h.getPlacement,
    params: [list('include', PLACEMENT_INCLUDES), list('fields[appAssetLibraryPlacements]', PLACEMENT_FIELDS), list('fields[appAssetLibraryImages]', IMAGE_FIELDS), list('fields[appAssetLibraryVideos]', VIDEO_FIELDS), list('fields[appStoreVersionLocalizations]')]
  },
  'DELETE /v1/appAssetLibraryPlacements/{id}': { handler: h.deletePlacement, params: [] },
  'POST /v1/appAssetLibraryPlacementOrderingRequests': {
    handler: h.createOrderingRequest,
    params: [list('include', ['orderedPlacements']), int('limit[orderedPlacements]', 50), list('fields[appAssetLibraryPlacementOrderingRequests]', ['orderedPlacements']), list('fields[appAssetLibraryPlacements]', PLACEMENT_FIELDS)],
    body: true
  },
  'GET /v1/appStoreVersionLocalizations/{id}/placements': { handler: h.listLocalizationPlacements('appStoreVersionLocalization'), params: placementListParams('appStoreVersionLocalization') },
  'GET /v1/appCustomProductPageLocalizations/{id}/placements': { handler: h.listLocalizationPlacements('appCustomProductPageLocalization'), params: placementListParams('appCustomProductPageLocalization') },
  'GET /v1/appStoreVersionExperimentTreatmentLocalizations/{id}/placements': {
    handler: h.listLocalizationPlacements('appStoreVersionExperimentTreatmentLocalization'),
    params: placementListParams('appStoreVersionExperimentTreatmentLocalization')
  },
  // No `limit` parameter on the ref data (ASSET-LIBRARY.md §2).
  'GET /v1/appAssetLibraryRefData': {
    handler: h.listRefData,
    params: [list('filter[features]'), list('filter[placementTypes]', PLACEMENT_TYPES), list('filter[placementProfileGroups]'), list('filter[specs]'), list('fields[appAssetLibraryRefData]', REF_FIELDS)]
  },
  'GET /v1/appAssetLibraryRefData/{id}': { handler: h.getRefDatum, params: [list('fields[appAssetLibraryRefData]', REF_FIELDS)] }
}

const TEMPLATES = [...new Set(Object.keys(LIBRARY_ROUTES).map(k => k.split(' ')[1]!))].map(template => {
  const names: string[] = []
  const pattern = template.replace(/\{(\w+)\}/g, (_m, name: string) => {
    names.push(name)
    return '([^/]+)'
  })
  return { template, regex: new RegExp(`^${pattern}$`), names }
})

export interface LibraryMatch {
  route: RouteMatch
  handler: Handler
  /** Parses the JSON body (library bodies are validated by the handlers). */
  parseBody(raw: Buffer): unknown
}

/** Matches a library route; undefined when the path is not a library path. 405 for a known path with another method. */
export function matchLibraryRoute(method: string, path: string): LibraryMatch | undefined {
  for (const t of TEMPLATES) {
    const m = t.regex.exec(path)
    if (!m) continue
    const def = LIBRARY_ROUTES[`${method} ${t.template}`]
    if (!def) {
      const allowed = Object.keys(LIBRARY_ROUTES).filter(k => k.endsWith(` ${t.template}`)).map(k => k.split(' ')[0])
      throw new ApiError(405, 'METHOD_NOT_ALLOWED', `The method ${method} is not allowed for '${path}'. Allowed: ${allowed.join(', ')}`)
    }
    const params = Object.fromEntries(t.names.map((n, i) => [n, decodeURIComponent(m[i + 1]!)]))
    const operation = { operationId: `library ${method} ${t.template}`, parameters: def.params }
    return {
      route: { template: t.template, params, operation, queryParameters: def.params },
      handler: def.handler,
      parseBody: raw => parseJsonBody(raw, def.body === true)
    }
  }
  return undefined
}
