/**
 * Finds the app, the App Store version to change and its localizations, in as few requests as the
 * API allows: the version list request includes the localizations.
 */
import type { AscClient, ResourceObject } from '../asc/client.js'
import { AppleApiError } from '../asc/api-error.js'
import { toMany } from '../asc/client.js'
import { ResolveError } from '../errors.js'
import type { Platform } from '../model.js'

/** States in which a version's media can change (SPECS.md; the sandbox enforces the same list). */
export const EDITABLE_STATES = ['PREPARE_FOR_SUBMISSION', 'DEVELOPER_REJECTED', 'REJECTED', 'METADATA_REJECTED', 'INVALID_BINARY'] as const

export interface ResolvedApp {
  id: string
  bundleId?: string
  name?: string
}

export interface ResolvedVersion {
  id: string
  versionString: string
  platform: Platform
  state: string
  /** locale → localization id */
  localizations: Map<string, string>
}

export async function resolveApp(client: AscClient, appId?: string, bundleId?: string): Promise<ResolvedApp> {
  if (appId) return { id: appId }
  const doc = await client.get<ResourceObject[]>('/v1/apps', { 'filter[bundleId]': bundleId, 'fields[apps]': 'bundleId,name', limit: 200 })
  // filter[bundleId] is not promised to be exact (it may match prefixes): check on our side.
  const exact = doc.data.filter(a => a.attributes?.bundleId === bundleId)
  if (exact.length === 1) return { id: exact[0].id, bundleId, name: exact[0].attributes?.name as string | undefined }
  const near = doc.data.map(a => String(a.attributes?.bundleId)).slice(0, 10)
  throw new ResolveError(
    `No app with bundle id "${bundleId}" is visible to this API key${near.length ? ` (similar: ${near.join(', ')})` : ''}. Check bundle-id, or pass app-id, and that the key belongs to the app's team.`
  )
}

const VERSION_FIELDS = {
  'fields[appStoreVersions]': 'versionString,platform,appVersionState,appStoreVersionLocalizations',
  include: 'appStoreVersionLocalizations',
  'fields[appStoreVersionLocalizations]': 'locale',
  'limit[appStoreVersionLocalizations]': 50
}

export async function resolveVersion(client: AscClient, app: ResolvedApp, platform: Platform, version?: string): Promise<ResolvedVersion> {
  const path = `/v1/apps/${app.id}/appStoreVersions`
  const query = version
    ? { ...VERSION_FIELDS, 'filter[platform]': platform, 'filter[versionString]': version, limit: 10 }
    : { ...VERSION_FIELDS, 'filter[platform]': platform, 'filter[appVersionState]': EDITABLE_STATES.join(','), limit: 10 }
  const doc = await client.get<ResourceObject[]>(path, query).catch(e => {
    if (e instanceof AppleApiError && e.status === 404) throw new ResolveError(`App ${app.id} was not found; check app-id and that the API key belongs to the app's team.`)
    throw e
  })
  const found = doc.data
  if (found.length === 0) throw await noVersion(client, path, platform, version)
  if (found.length > 1) {
    throw new ResolveError(`${found.length} editable ${platform} versions exist (${found.map(describe).join(', ')}); set the version input to pick one.`)
  }
  const v = found[0]
  const state = String(v.attributes?.appVersionState ?? v.attributes?.appStoreState)
  if (!(EDITABLE_STATES as readonly string[]).includes(state)) {
    throw new ResolveError(
      `${platform} version ${describe(v)} cannot be changed: its media is editable only in ${EDITABLE_STATES.join(', ')}. Create a new version in App Store Connect, or set the version input.`
    )
  }
  return { id: v.id, versionString: String(v.attributes?.versionString), platform, state, localizations: await localizationsOf(client, v, doc.included ?? []) }
}

function describe(v: ResourceObject): string {
  return `${v.attributes?.versionString} (${v.attributes?.appVersionState ?? v.attributes?.appStoreState})`
}

async function noVersion(client: AscClient, path: string, platform: Platform, version?: string): Promise<ResolveError> {
  const recent = await client.get<ResourceObject[]>(path, { 'filter[platform]': platform, 'fields[appStoreVersions]': 'versionString,appVersionState', limit: 10 })
  const candidates = recent.data.map(describe)
  const list = candidates.length ? ` Versions found: ${candidates.join(', ')}.` : ` The app has no ${platform} versions.`
  return new ResolveError(
    version
      ? `${platform} version ${version} was not found.${list} Create it in App Store Connect, or set the version input (a tag such as refs/tags/v1.2.0 gives 1.2.0).`
      : `No editable ${platform} version exists.${list} Create one in App Store Connect or set the version input.`
  )
}

async function localizationsOf(client: AscClient, v: ResourceObject, included: ResourceObject[]): Promise<Map<string, string>> {
  const refs = toMany(v, 'appStoreVersionLocalizations')
  const total = v.relationships?.appStoreVersionLocalizations?.meta?.paging?.total ?? refs.length
  const byId = new Map(included.filter(r => r.type === 'appStoreVersionLocalizations').map(r => [r.id, r]))
  let locs = refs.map(ref => byId.get(ref.id)).filter((r): r is ResourceObject => r !== undefined)
  if (total > locs.length) {
    // More localizations than fit in an include: read them all.
    locs = (await client.getAll(`/v1/appStoreVersions/${v.id}/appStoreVersionLocalizations`, { 'fields[appStoreVersionLocalizations]': 'locale', limit: 200 })).data
  }
  return new Map(locs.map(l => [String(l.attributes?.locale), l.id]))
}
