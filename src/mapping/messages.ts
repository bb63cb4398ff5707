/**
 * Ajv errors rewritten as sentences that name the field and say what is accepted. Ajv's own texts
 * ("must be equal to one of the allowed values") name neither, and users fix YAML by reading these.
 */
import type { ErrorObject } from 'ajv'
import { displayPath, pointerSegments } from './locate.js'
import { MEDIA_SECTIONS } from './schema.js'

export interface SchemaMessage {
  segments: string[]
  message: string
  /** Set for unknown keys: the problem points at the key rather than the object. */
  key?: string
}

const ENUM_NOUNS: Record<string, string> = {
  platform: 'platform',
  ...Object.fromEntries(MEDIA_SECTIONS.map(s => [s.typeKey, s.typeNoun]))
}

const PATTERN_HINTS: Record<string, string> = {
  'frame-time-code': 'is not a frame time code; expected HH:MM:SS:FF, e.g. "00:00:05:00"',
  locales: 'is not a locale code; expected e.g. en-US, de-DE, ja',
  'placement-group': 'is not a placement group id; expected upper-case letters, digits and underscores, e.g. IPHONE_DUO_PROFILE'
}

/** The field an error is about: the last key, skipping array indices (locales/0 → locales). */
function fieldName(segments: readonly string[]): string {
  return [...segments].reverse().find(s => !/^\d+$/.test(s)) ?? ''
}

function describeValue(value: unknown): string {
  if (value === null || value === undefined) return 'an empty value'
  if (Array.isArray(value)) return 'a list'
  if (typeof value === 'object') return 'a mapping'
  return JSON.stringify(value)
}

const TYPE_WORDS: Record<string, string> = {
  object: 'a mapping of keys (key: value)',
  array: 'a list',
  string: 'a string',
  number: 'a number',
  integer: 'an integer',
  boolean: 'true or false'
}

function allowedKeys(parentSchema: unknown): string {
  const props = (parentSchema as { properties?: Record<string, unknown> } | undefined)?.properties ?? {}
  return Object.keys(props).join(', ')
}

function keywordMessage(e: ErrorObject, field: string): string {
  const value = describeValue(e.data)
  switch (e.keyword) {
    case 'enum': {
      const noun = ENUM_NOUNS[field] ?? 'an accepted value'
      const article = ENUM_NOUNS[field] ? 'a ' : ''
      return `${value} is not ${article}${noun}; accepted: ${(e.params.allowedValues as unknown[]).join(', ')}`
    }
    case 'pattern':
      return `${value} ${PATTERN_HINTS[field] ?? `does not match ${String(e.params.pattern)}`}`
    case 'type':
      return `expected ${TYPE_WORDS[String(e.params.type)] ?? String(e.params.type)}, got ${value}`
    case 'required':
      return `missing required key "${String(e.params.missingProperty)}"`
    case 'minItems':
      return `must list at least ${String(e.params.limit)} item(s)`
    case 'minLength':
      return 'must not be empty'
    case 'uniqueItems':
      return `lists ${describeValue((e.data as unknown[])[Number(e.params.j)])} twice`
    default:
      return e.message ?? `is not valid (${e.keyword})`
  }
}

export function schemaMessage(e: ErrorObject): SchemaMessage {
  const segments = pointerSegments(e.instancePath)
  const where = displayPath(segments) || 'the mapping file'
  if (e.keyword === 'additionalProperties') {
    const key = String(e.params.additionalProperty)
    return {
      segments,
      key,
      message: `${where}: unknown key "${key}"; allowed keys: ${allowedKeys(e.parentSchema)}`
    }
  }
  const message = `${where}: ${keywordMessage(e, fieldName(segments))}`
  if (e.keyword === 'uniqueItems') {
    // Point at the repeated item rather than the start of the list.
    return { segments: [...segments, String(Math.max(Number(e.params.i), Number(e.params.j)))], message }
  }
  return { segments, message }
}
