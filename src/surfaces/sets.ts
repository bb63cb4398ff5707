/**
 * Screenshot sets and preview sets of a localization: read them with their items in one request
 * per kind, and create a missing set (adopting it if a lost answer hid that it was created).
 */
import type { AscClient, ResourceObject } from '../asc/client.js'
import { indexIncluded, toMany } from '../asc/client.js'
import { OutcomeUnknownError } from '../asc/http.js'
import type { AssetKind, RemoteSet } from '../model.js'
import { ASSET_TYPES } from './asset-types.js'

/** Reads every set of one kind on a localization, items in display order. One request. */
export async function readLocalizationSets(client: AscClient, localizationId: string, locale: string, kind: AssetKind): Promise<RemoteSet[]> {
  const t = ASSET_TYPES[kind]
  const doc = await client.getAll(`/v1/appStoreVersionLocalizations/${localizationId}/${t.set.resource}`, {
    include: t.set.items,
    limit: 200,
    [`limit[${t.set.items}]`]: 50,
    [`fields[${t.set.resource}]`]: `${t.set.typeAttribute},${t.set.items}`,
    [`fields[${t.resource}]`]: t.fields
  })
  const included = indexIncluded(doc)
  return doc.data.map(set => toRemoteSet(set, included, kind, locale, localizationId))
}

function toRemoteSet(set: ResourceObject, included: Map<string, ResourceObject>, kind: AssetKind, locale: string, localizationId: string): RemoteSet {
  const t = ASSET_TYPES[kind]
  const assets = toMany(set, t.set.items)
    .map(ref => included.get(`${ref.type}:${ref.id}`))
    .filter((r): r is ResourceObject => r !== undefined)
    .map(r => t.read(r))
  return { id: set.id, kind, locale, localizationId, setType: String(set.attributes?.[t.set.typeAttribute]), assets }
}

/** Creates a set; if the answer was lost, reads the localization and adopts the set if it exists. */
export async function createSet(client: AscClient, localizationId: string, locale: string, kind: AssetKind, setType: string, attempt = 0): Promise<string> {
  const t = ASSET_TYPES[kind]
  try {
    const doc = await client.create(`/v1/${t.set.resource}`, {
      data: {
        type: t.set.resource,
        attributes: { [t.set.typeAttribute]: setType },
        relationships: { appStoreVersionLocalization: { data: { type: 'appStoreVersionLocalizations', id: localizationId } } }
      }
    })
    return doc.data.id
  } catch (e) {
    if (!(e instanceof OutcomeUnknownError) || attempt >= 3) throw e
    const sets = await readLocalizationSets(client, localizationId, locale, kind)
    const existing = sets.find(s => s.setType === setType)
    if (existing?.id) return existing.id
    return createSet(client, localizationId, locale, kind, setType, attempt + 1)
  }
}

export async function reorderSet(client: AscClient, kind: AssetKind, setId: string, assetIds: string[]): Promise<void> {
  const t = ASSET_TYPES[kind]
  await client.update(`/v1/${t.set.resource}/${setId}/relationships/${t.set.items}`, {
    data: assetIds.map(id => ({ type: t.resource, id }))
  })
}
