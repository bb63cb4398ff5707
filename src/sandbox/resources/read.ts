/**
 * Read-only parents: apps → appStoreVersions → appStoreVersionLocalizations (REFERENCE.md 3a, 3b).
 */
import type { ApiRequest, ApiResult, SandboxContext } from '../context.js'
import { notFound } from '../errors.js'
import { listDocument, paginate, singleDocument, type ResourceDef } from '../json-api.js'
import type { Query } from '../validation.js'
import { appResource, docContext, localizationResource, versionResource } from './views.js'

/** Keeps items whose value is one of the filter's comma-separated values (exact match, as the spec's filters are lists). */
export function applyFilter<T>(items: T[], query: Query, name: string, value: (item: T) => string | undefined): T[] {
  const wanted = query.get(name)
  if (!wanted) return items
  return items.filter(i => wanted.includes(value(i) ?? ''))
}

export function list(ctx: SandboxContext, req: ApiRequest, defs: ResourceDef[]): ApiResult {
  const page = paginate(defs, req.query)
  return { status: 200, body: listDocument(docContext(ctx, req.query), page.items, page, req.url) }
}

export function single(ctx: SandboxContext, req: ApiRequest, def: ResourceDef): ApiResult {
  return { status: 200, body: singleDocument(docContext(ctx, req.query), def, `${ctx.apiBase}${req.url.pathname}${req.url.search}`) }
}

/** The record `req.params.id` names, or 404 NOT_FOUND naming `type`. */
function byId<T>(records: Map<string, T>, type: string, req: ApiRequest): T {
  const record = records.get(req.params.id!)
  if (!record) throw notFound(type, req.params.id!)
  return record
}

/** The records whose parent is `req.params.id`; 404 NOT_FOUND naming `parentType` when there is no such parent. */
function childrenOf<T>(req: ApiRequest, parents: Map<string, unknown>, parentType: string, records: Map<string, T>, parentOf: (r: T) => string): T[] {
  const parentId = req.params.id!
  if (!parents.has(parentId)) throw notFound(parentType, parentId)
  return [...records.values()].filter(r => parentOf(r) === parentId)
}

export function listApps(ctx: SandboxContext, req: ApiRequest): ApiResult {
  let apps = [...ctx.store.apps.values()]
  apps = applyFilter(apps, req.query, 'filter[bundleId]', a => a.bundleId)
  apps = applyFilter(apps, req.query, 'filter[id]', a => a.id)
  apps = applyFilter(apps, req.query, 'filter[name]', a => a.name)
  apps = applyFilter(apps, req.query, 'filter[sku]', a => a.sku)
  const sort = req.query.get('sort')?.[0]
  if (sort) {
    const key = sort.replace(/^-/, '') as 'name' | 'bundleId' | 'sku'
    apps.sort((a, b) => a[key].localeCompare(b[key]) * (sort.startsWith('-') ? -1 : 1))
  }
  return list(ctx, req, apps.map(a => appResource(ctx, a)))
}

export function getApp(ctx: SandboxContext, req: ApiRequest): ApiResult {
  return single(ctx, req, appResource(ctx, byId(ctx.store.apps, 'apps', req)))
}

export function listAppVersions(ctx: SandboxContext, req: ApiRequest): ApiResult {
  let versions = childrenOf(req, ctx.store.apps, 'apps', ctx.store.versions, v => v.appId)
  versions = applyFilter(versions, req.query, 'filter[platform]', v => v.platform)
  versions = applyFilter(versions, req.query, 'filter[versionString]', v => v.versionString)
  versions = applyFilter(versions, req.query, 'filter[appVersionState]', v => v.appVersionState)
  versions = applyFilter(versions, req.query, 'filter[appStoreState]', v => versionResource(ctx, v).attributes.appStoreState as string)
  versions = applyFilter(versions, req.query, 'filter[id]', v => v.id)
  // Apple lists the newest version first.
  versions.sort((a, b) => b.createdDate.localeCompare(a.createdDate) || compareVersionStrings(b.versionString, a.versionString))
  return list(ctx, req, versions.map(v => versionResource(ctx, v)))
}

function compareVersionStrings(a: string, b: string): number {
  const pa = a.split('.').map(Number)
  const pb = b.split('.').map(Number)
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0)
    if (d !== 0) return d
  }
  return 0
}

export function getVersion(ctx: SandboxContext, req: ApiRequest): ApiResult {
  return single(ctx, req, versionResource(ctx, byId(ctx.store.versions, 'appStoreVersions', req)))
}

export function listVersionLocalizations(ctx: SandboxContext, req: ApiRequest): ApiResult {
  let locs = childrenOf(req, ctx.store.versions, 'appStoreVersions', ctx.store.localizations, l => l.versionId)
  locs = applyFilter(locs, req.query, 'filter[locale]', l => l.locale)
  return list(ctx, req, locs.map(l => localizationResource(ctx, l)))
}

export function getLocalization(ctx: SandboxContext, req: ApiRequest): ApiResult {
  return single(ctx, req, localizationResource(ctx, byId(ctx.store.localizations, 'appStoreVersionLocalizations', req)))
}
