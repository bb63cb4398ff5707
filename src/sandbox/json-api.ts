/**
 * JSON:API documents as Apple sends them: resources with `links.self`, relationships with
 * `links {self, related}` and, when included, `data` (+ `meta.paging` for to-many), `fields[type]`
 * sparse fieldsets, `included`, and paged lists with `links.next` and `meta.paging`.
 */
import { ApiError } from './errors.js'
import type { Query } from './validation.js'

export interface RelationshipDef {
  many: boolean
  type: string
  ids: string[]
}

export interface ResourceDef {
  type: string
  id: string
  attributes: Record<string, unknown>
  relationships: Record<string, RelationshipDef>
}

export type Resolver = (type: string, id: string) => ResourceDef | undefined

/**
 * Page size when the request has no `limit`. The spec is SILENT on the default; 50 is a conservative
 * choice that makes clients that forget `limit` page early (as they must be ready to on Apple's side).
 */
export const DEFAULT_PAGE_SIZE = 50
/** Default number of related ids per included to-many relationship (spec maximum for limit[...] is 50). */
export const DEFAULT_INCLUDED_LIMIT = 50

export interface DocContext {
  base: string
  query: Query
  resolve: Resolver
}

function sparse<T>(values: Record<string, T>, keep: string[] | undefined): Record<string, T> {
  if (!keep) return values
  return Object.fromEntries(Object.entries(values).filter(([k]) => keep.includes(k)))
}

function relationshipObject(ctx: DocContext, owner: ResourceDef, name: string, rel: RelationshipDef, withData: boolean): object {
  const links = { self: `${ctx.base}/v1/${owner.type}/${owner.id}/relationships/${name}`, related: `${ctx.base}/v1/${owner.type}/${owner.id}/${name}` }
  if (!withData) return { links }
  if (!rel.many) return { links, data: rel.ids[0] ? { type: rel.type, id: rel.ids[0] } : null }
  const limit = Number(ctx.query.get(`limit[${name}]`)?.[0] ?? DEFAULT_INCLUDED_LIMIT)
  const ids = rel.ids.slice(0, limit)
  return { links, meta: { paging: { total: rel.ids.length, limit } }, data: ids.map(id => ({ type: rel.type, id })) }
}

/** One resource object; `includeNames` are the relationships whose linkage data is shown. */
export function resourceObject(ctx: DocContext, def: ResourceDef, includeNames: string[]): object {
  const fields = ctx.query.get(`fields[${def.type}]`)
  const relationships: Record<string, object> = {}
  for (const [name, rel] of Object.entries(sparse(def.relationships, fields))) {
    relationships[name] = relationshipObject(ctx, def, name, rel, includeNames.includes(name))
  }
  const out: Record<string, unknown> = { type: def.type, id: def.id, attributes: sparse(def.attributes, fields) }
  if (Object.keys(relationships).length > 0) out.relationships = relationships
  out.links = { self: `${ctx.base}/v1/${def.type}/${def.id}` }
  return out
}

/** The `included` array for primary resources: related resources of the requested relationships, once each. */
function includedFor(ctx: DocContext, primaries: ResourceDef[]): object[] {
  const include = ctx.query.get('include') ?? []
  const seen = new Set<string>()
  const out: object[] = []
  for (const p of primaries) {
    for (const name of include) {
      const rel = p.relationships[name]
      if (!rel) continue // a valid include the sandbox does not model (e.g. build): nothing to include
      const limit = rel.many ? Number(ctx.query.get(`limit[${name}]`)?.[0] ?? DEFAULT_INCLUDED_LIMIT) : 1
      for (const id of rel.ids.slice(0, limit)) {
        const key = `${rel.type}/${id}`
        const def = seen.has(key) ? undefined : ctx.resolve(rel.type, id)
        if (!def) continue
        seen.add(key)
        out.push(resourceObject(ctx, def, []))
      }
    }
  }
  return out
}

export function singleDocument(ctx: DocContext, def: ResourceDef, selfUrl: string): object {
  const include = ctx.query.get('include') ?? []
  const included = includedFor(ctx, [def])
  return { data: resourceObject(ctx, def, include), ...(included.length ? { included } : {}), links: { self: selfUrl } }
}

export interface Page<T> {
  items: T[]
  total: number
  limit: number
  nextOffset: number | null
}

const encodeCursor = (offset: number): string => Buffer.from(JSON.stringify({ o: offset })).toString('base64url')

function decodeCursor(cursor: string): number {
  try {
    const o = (JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as { o?: unknown }).o
    if (typeof o === 'number' && Number.isInteger(o) && o >= 0) return o
  } catch {
    // fall through
  }
  throw new ApiError(400, 'PARAMETER_ERROR.INVALID', `'${cursor}' is not a valid cursor`, { parameter: 'cursor' })
}

export function paginate<T>(items: T[], query: Query): Page<T> {
  const limit = Number(query.get('limit')?.[0] ?? DEFAULT_PAGE_SIZE)
  const cursor = query.get('cursor')?.[0]
  const offset = cursor ? decodeCursor(cursor) : 0
  const end = offset + limit
  return { items: items.slice(offset, end), total: items.length, limit, nextOffset: end < items.length ? end : null }
}

/** `links` (self, and next with its cursor when there is more) and `meta.paging` of a paged document. */
function pagingOf(ctx: DocContext, page: Page<unknown>, url: URL): { links: Record<string, string>; meta: { paging: Record<string, unknown> } } {
  const self = `${ctx.base}${url.pathname}${url.search}`
  const links: Record<string, string> = { self }
  const meta: { paging: Record<string, unknown> } = { paging: { total: page.total, limit: page.limit } }
  if (page.nextOffset !== null) {
    const next = new URL(self)
    const cursor = encodeCursor(page.nextOffset)
    next.searchParams.set('cursor', cursor)
    links.next = next.toString()
    meta.paging.nextCursor = cursor
  }
  return { links, meta }
}

/** A paged list document; `url` is the request URL on the sandbox host. */
export function listDocument(ctx: DocContext, defs: ResourceDef[], page: Page<unknown>, url: URL): object {
  const include = ctx.query.get('include') ?? []
  const { links, meta } = pagingOf(ctx, page, url)
  const included = includedFor(ctx, defs)
  return { data: defs.map(d => resourceObject(ctx, d, include)), ...(included.length ? { included } : {}), links, meta }
}

/** A to-many linkages document (GET .../relationships/x). */
export function linkagesDocument(ctx: DocContext, type: string, page: Page<string>, url: URL): object {
  const { links, meta } = pagingOf(ctx, page, url)
  return { data: page.items.map(id => ({ type, id })), links, meta }
}
