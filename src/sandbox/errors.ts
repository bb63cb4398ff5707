/**
 * Apple-shaped error bodies. App Store Connect answers every 4xx with
 * `{ errors: [{ id, status: "409", code, title, detail, source? }] }` (status is a string; codes are
 * hierarchical, e.g. ENTITY_ERROR.ATTRIBUTE.INVALID, and clients prefix-match them).
 */
import { randomUUID } from 'node:crypto'

export type ErrorSource = { pointer: string } | { parameter: string }

export interface AppleError {
  id: string
  status: string
  code: string
  title: string
  detail?: string
  source?: ErrorSource
}

/** Titles as Apple words them for the common codes. */
const TITLES: Record<string, string> = {
  NOT_AUTHORIZED: 'Authentication credentials are missing or invalid.',
  NOT_FOUND: 'The specified resource does not exist',
  PATH_ERROR: 'The URL path is not valid',
  METHOD_NOT_ALLOWED: 'The request method is not valid for the resource path.',
  'PARAMETER_ERROR.ILLEGAL': 'A parameter is not allowed for this request',
  'PARAMETER_ERROR.INVALID': 'A parameter has an invalid value',
  ENTITY_INVALID: 'The request entity is not valid',
  'ENTITY_ERROR.ATTRIBUTE.REQUIRED': 'The provided entity is missing a required attribute',
  'ENTITY_ERROR.ATTRIBUTE.INVALID': 'An attribute value is invalid.',
  'ENTITY_ERROR.ATTRIBUTE.TYPE': 'An attribute value has the wrong type.',
  'ENTITY_ERROR.RELATIONSHIP.REQUIRED': 'The provided entity is missing a required relationship',
  'ENTITY_ERROR.RELATIONSHIP.INVALID': 'The provided entity includes a relationship with an invalid value',
  'ENTITY_ERROR.INCLUDED.INVALID': 'The provided entity is invalid.',
  ENTITY_ERROR: 'The provided entity is invalid.',
  'STATE_ERROR': 'The request cannot be fulfilled because of the state of another resource.',
  RATE_LIMIT_EXCEEDED: 'The request rate limit has been reached.',
  UNEXPECTED_ERROR: 'An unexpected error occurred.',
  SERVICE_UNAVAILABLE: 'The service is temporarily unavailable.'
}

export function titleFor(code: string): string {
  return TITLES[code] ?? TITLES[code.split('.')[0]!] ?? 'The request could not be completed.'
}

/** Thrown by handlers and middleware; server.ts turns it into the response. */
export class ApiError extends Error {
  readonly errors: AppleError[]
  constructor(
    readonly status: number,
    code: string,
    detail: string,
    source?: ErrorSource,
    readonly headers: Record<string, string> = {}
  ) {
    super(`${status} ${code}: ${detail}`)
    this.errors = [{ id: randomUUID(), status: String(status), code, title: titleFor(code), detail, ...(source ? { source } : {}) }]
  }
}

export function errorBody(errors: AppleError[]): { errors: AppleError[] } {
  return { errors }
}

export const notFound = (type: string, id: string): ApiError =>
  new ApiError(404, 'NOT_FOUND', `There is no resource of type '${type}' with id '${id}'`)

export const stateError = (detail: string): ApiError => new ApiError(409, 'STATE_ERROR', detail)

export const invalidAttribute = (attribute: string, detail: string): ApiError =>
  new ApiError(409, 'ENTITY_ERROR.ATTRIBUTE.INVALID', detail, { pointer: `/data/attributes/${attribute}` })

export const invalidRelationship = (relationship: string, detail: string): ApiError =>
  new ApiError(409, 'ENTITY_ERROR.RELATIONSHIP.INVALID', detail, { pointer: `/data/relationships/${relationship}` })
