/**
 * One typed settings object, built from raw strings (action inputs or CLI flags) and validated with
 * errors that name the input. Both front ends call `parseSettings`, so they accept the same values.
 */
import path from 'node:path'
import { InputError } from '../errors.js'
import { PLATFORMS, type Mode, type Platform } from '../model.js'
import { normalizePrivateKey, validateApiKey, type ApiKey } from '../asc/token.js'

export interface Settings {
  apiKey: ApiKey
  appId?: string
  bundleId?: string
  platform: Platform
  /** The version string to update; undefined → the one editable version of the platform. */
  version?: string
  mappingPath: string
  workspace: string
  mode: Mode
  dryRun: boolean
  waitForProcessing: boolean
  processingTimeoutMs: number
  concurrency: number
  locales?: string[]
  apiBaseUrl: string
  reportPath: string
  /** What to do when a mapping glob matches no file. */
  onEmptyGlob: 'error' | 'warn'
  /** sets (set-based screenshots and previews, deprecated in 4.5.1) or library (App Asset Library). Default sets. */
  mediaApi?: 'sets' | 'library'
}

/** Raw values by input name (kebab-case, exactly as in action.yml). Empty strings count as unset. */
export type RawSettings = Partial<Record<string, string | undefined>>

export interface SettingsContext {
  workspace: string
  /** GITHUB_REF, e.g. refs/tags/v1.2.0. */
  ref?: string
  tempDir: string
}

const MODES: readonly Mode[] = ['sync', 'append', 'replace']

export function parseSettings(raw: RawSettings, ctx: SettingsContext): Settings {
  const get = (name: string) => {
    const v = raw[name]?.trim()
    return v ? v : undefined
  }
  const appId = get('app-id')
  const bundleId = get('bundle-id')
  if (!appId && !bundleId) throw new InputError('app-id', 'set either app-id (the numeric Apple ID of the app) or bundle-id.')
  if (appId && !/^\d+$/.test(appId)) throw new InputError('app-id', `"${appId}" is not an Apple ID; it is the number shown in App Store Connect › App Information (for example 1234567890).`)
  const workspace = path.resolve(ctx.workspace)
  return {
    apiKey: readApiKey(get),
    appId,
    bundleId: appId ? undefined : bundleId,
    platform: oneOf(get('platform')?.toUpperCase() ?? 'IOS', PLATFORMS, 'platform'),
    version: get('version') ?? versionFromRef(ctx.ref),
    mappingPath: path.resolve(workspace, get('mapping') ?? 'app-store-assets.yml'),
    workspace,
    mode: oneOf(get('mode')?.toLowerCase() ?? 'sync', MODES, 'mode'),
    dryRun: bool(get('dry-run'), false, 'dry-run'),
    waitForProcessing: bool(get('wait-for-processing'), true, 'wait-for-processing'),
    processingTimeoutMs: duration(get('processing-timeout') ?? '15m', 'processing-timeout'),
    concurrency: integer(get('concurrency') ?? '8', 1, 64, 'concurrency'),
    locales: list(get('locales')),
    apiBaseUrl: baseUrl(get('api-base-url') ?? 'https://api.appstoreconnect.apple.com'),
    reportPath: path.resolve(workspace, get('report-path') ?? path.join(ctx.tempDir, 'app-store-media-report.json')),
    onEmptyGlob: oneOf(get('on-empty-glob')?.toLowerCase() ?? 'error', ['error', 'warn'] as const, 'on-empty-glob'),
    mediaApi: oneOf(get('media-api')?.toLowerCase() ?? 'sets', ['sets', 'library'] as const, 'media-api')
  }
}

function readApiKey(get: (name: string) => string | undefined): ApiKey {
  const keyId = get('key-id')
  if (!keyId) throw new InputError('key-id', 'is required: the 10-character key id of an App Store Connect API key.')
  const pem = get('private-key')
  if (!pem) throw new InputError('private-key', 'is required: the contents of AuthKey_<KEY ID>.p8 (PEM text or base64), from a secret.')
  const key: ApiKey = { keyId, issuerId: get('issuer-id'), privateKeyPem: normalizePrivateKey(pem) }
  validateApiKey(key)
  return key
}

/** refs/tags/v1.2.0 → 1.2.0; refs/tags/release-2.0 → 2.0; anything else → undefined. */
export function versionFromRef(ref: string | undefined): string | undefined {
  const m = /^refs\/tags\/(?:[A-Za-z_-]*?)v?(\d+(?:\.\d+){0,2})$/.exec(ref ?? '')
  return m?.[1]
}

function oneOf<T extends string>(value: string, allowed: readonly T[], input: string): T {
  if ((allowed as readonly string[]).includes(value)) return value as T
  throw new InputError(input, `"${value}" is not accepted; use one of ${allowed.join(', ')}.`)
}

function bool(value: string | undefined, fallback: boolean, input: string): boolean {
  if (value === undefined) return fallback
  if (/^(true|yes|1|on)$/i.test(value)) return true
  if (/^(false|no|0|off)$/i.test(value)) return false
  throw new InputError(input, `"${value}" is not a boolean; use true or false.`)
}

function integer(value: string, min: number, max: number, input: string): number {
  const n = Number(value)
  if (!Number.isInteger(n) || n < min || n > max) throw new InputError(input, `"${value}" is not accepted; use a whole number from ${min} to ${max}.`)
  return n
}

/** "15m", "90s", "1h30m", "600" (seconds) → milliseconds. */
export function duration(value: string, input: string): number {
  const v = value.trim().toLowerCase()
  const m = /^(?:(\d+)h)?\s*(?:(\d+)m)?\s*(?:(\d+)s)?$/.exec(v)
  const total = /^\d+$/.test(v) ? Number(v) * 1000 : m && v ? (Number(m[1] ?? 0) * 3600 + Number(m[2] ?? 0) * 60 + Number(m[3] ?? 0)) * 1000 : NaN
  if (!Number.isFinite(total) || total <= 0 || total > 6 * 3_600_000) {
    throw new InputError(input, `"${value}" is not a duration; use for example 15m, 90s or 1h30m (at most 6h).`)
  }
  return total
}

function list(value: string | undefined): string[] | undefined {
  if (!value) return undefined
  const items = value.split(/[\s,]+/).filter(Boolean)
  return items.length ? [...new Set(items)] : undefined
}

function baseUrl(value: string): string {
  let u: URL
  try {
    u = new URL(value)
  } catch {
    throw new InputError('api-base-url', `"${value}" is not a URL; the default is https://api.appstoreconnect.apple.com.`)
  }
  const local = u.hostname === '127.0.0.1' || u.hostname === 'localhost' || u.hostname === '[::1]'
  if (u.protocol !== 'https:' && !(u.protocol === 'http:' && local)) {
    throw new InputError('api-base-url', `"${value}" must use https (plain http is allowed only for a local sandbox on 127.0.0.1).`)
  }
  return u.origin + u.pathname.replace(/\/+$/, '')
}
