/**
 * Request validation against the spec: query parameters (names, enums, limits) and JSON bodies (ajv),
 * answered with the error codes Apple uses (PARAMETER_ERROR.* for the query, ENTITY_ERROR.* for bodies).
 */
import type { ErrorObject } from 'ajv'
import { ApiError } from './errors.js'
import type { Parameter, RouteMatch, Spec } from './spec.js'

/** Parsed query: each declared parameter's comma-separated values. */
export type Query = Map<string, string[]>

function checkValue(p: Parameter, value: string): string | null {
  const s = p.schema
  if (s.type === 'integer') {
    if (!/^\d+$/.test(value) || Number(value) < 1) return `'${value}' is not a valid value for '${p.name}'; expected a positive integer`
    if (s.maximum !== undefined && Number(value) > s.maximum) return `The maximum value for '${p.name}' is ${s.maximum}`
    return null
  }
  if (s.type === 'boolean') return value === 'true' || value === 'false' ? null : `'${value}' is not a valid boolean for '${p.name}'`
  const allowed = s.type === 'array' ? s.items?.enum : s.enum
  if (allowed && !allowed.includes(value)) return `'${value}' is not a valid value for '${p.name}'. Allowed values: ${allowed.join(', ')}`
  return null
}

/**
 * Validates the query string of a matched operation. `cursor` is accepted on every list operation even
 * though the spec declares no cursor parameter: links.next carries it, and clients follow links.next as given.
 */
export function validateQuery(route: RouteMatch, search: URLSearchParams): Query {
  const query: Query = new Map()
  const declared = new Map(route.queryParameters.map(p => [p.name, p]))
  const pageable = declared.has('limit')
  for (const name of new Set(search.keys())) {
    const raw = search.getAll(name).join(',')
    if (name === 'cursor' && pageable) {
      query.set(name, [raw])
      continue
    }
    const p = declared.get(name)
    if (!p) throw new ApiError(400, 'PARAMETER_ERROR.ILLEGAL', `The parameter '${name}' can not be used with this request`, { parameter: name })
    const values = p.schema.type === 'array' ? raw.split(',').filter(v => v !== '') : [raw]
    for (const v of values) {
      const problem = checkValue(p, v)
      if (problem) throw new ApiError(400, 'PARAMETER_ERROR.INVALID', problem, { parameter: name })
    }
    query.set(name, values)
  }
  return query
}

function pointerOf(e: ErrorObject): string {
  const missing = e.keyword === 'required' ? `/${String(e.params.missingProperty)}` : ''
  return `${e.instancePath}${missing}`
}

/** Maps the first ajv error to Apple's ENTITY_ERROR family (409), pointing at the offending member. */
function toApiError(e: ErrorObject): ApiError {
  const pointer = pointerOf(e)
  const inRelationships = pointer.startsWith('/data/relationships')
  const member = pointer.split('/').pop() ?? ''
  if (e.keyword === 'required') {
    const code = inRelationships || member === 'relationships' ? 'ENTITY_ERROR.RELATIONSHIP.REQUIRED' : 'ENTITY_ERROR.ATTRIBUTE.REQUIRED'
    return new ApiError(409, code, `You must provide a value for the ${inRelationships ? 'relationship' : 'attribute'} '${member}' with this request`, { pointer })
  }
  if (e.keyword === 'type') {
    return new ApiError(409, 'ENTITY_ERROR.ATTRIBUTE.TYPE', `The value at '${pointer}' must be of type ${String(e.params.type)}`, { pointer })
  }
  if (e.keyword === 'enum') {
    const allowed = (e.params.allowedValues as unknown[]).filter(v => v !== null).join(', ')
    const code = pointer.endsWith('/type') ? 'ENTITY_ERROR.INCLUDED.INVALID' : 'ENTITY_ERROR.ATTRIBUTE.INVALID'
    return new ApiError(409, code, `The value at '${pointer}' is not one of the allowed values: ${allowed}`, { pointer })
  }
  const code = inRelationships ? 'ENTITY_ERROR.RELATIONSHIP.INVALID' : 'ENTITY_ERROR.ATTRIBUTE.INVALID'
  return new ApiError(409, code, `The value at '${pointer}' is invalid: ${e.message ?? e.keyword}`, { pointer })
}

/** Parses and validates a JSON body; a body that is not JSON is 400 ENTITY_INVALID like Apple's. */
export function validateBody(spec: Spec, route: RouteMatch, raw: Buffer): unknown {
  const body = parseJsonBody(raw, !!route.operation.requestBody)
  if (body === undefined) return undefined
  const errors = spec.validateBody(route.operation, body)
  if (errors && errors.length > 0) throw toApiError(errors[0]!)
  return body
}

/** A JSON object body where the operation `accepts` one (400 ENTITY_INVALID otherwise); undefined where it takes none. */
export function parseJsonBody(raw: Buffer, accepts: boolean): object | undefined {
  if (!accepts) {
    if (raw.length > 0) throw new ApiError(400, 'ENTITY_INVALID', 'This request does not accept a request body')
    return undefined
  }
  let body: unknown
  try {
    body = JSON.parse(raw.toString('utf8'))
  } catch {
    throw new ApiError(400, 'ENTITY_INVALID', 'The request entity is not valid JSON')
  }
  if (!body || typeof body !== 'object' || Array.isArray(body)) throw new ApiError(400, 'ENTITY_INVALID', 'The request entity must be a JSON object')
  return body
}
