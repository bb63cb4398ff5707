/**
 * Screenshot sets and preview sets of a localization — of a version, a custom product page or a
 * product page optimization treatment (the same sets under three parents): read them with their items
 * in one request per kind, and create a missing set (adopting it if a lost answer hid that it was created).
 */
import type { AscClient, ResourceObject } from '../asc/client.js'
import { indexIncluded, toMany } from '../asc/client.js'
import type { AssetKind, RemoteSet } from '../model.js'
import { createOrAdopt } from './create-or-adopt.js'
import { ASSET_TYPES, type AssetType } from './asset-types.js'

export const VERSION_LOCALIZATIONS = 'appStoreVersionLocalizations'
export const CPP_LOCALIZATIONS = 'appCustomProductPageLocalizations'
export const TREATMENT_LOCALIZATIONS = 'appStoreVersionExperimentTreatmentLocalizations'

/** The set's to-one relationship naming each kind of parent localization. */
const PARENT_RELATIONSHIP: Record<string, string> = {
  [VERSION_LOCALIZATIONS]: 'appStoreVersionLocalization',
  [CPP_LOCALIZATIONS]: 'appCustomProductPageLocalization',
  [TREATMENT_LOCALIZATIONS]: 'appStoreVersionExperimentTreatmentLocalization'
}

function setType(kind: AssetKind): AssetType & { set: NonNullable<AssetType['set']> } {
  const t = ASSET_TYPES[kind]
  if (!t.set) throw new Error(`${kind} has no sets`)
  return t as AssetType & { set: NonNullable<AssetType['set']> }
}

/** Reads every set of one kind on a localization, items in display order. One request. */
export async function readLocalizationSets(
  client: AscClient,
  localizationId: string,
  locale: string,
  kind: AssetKind,
  ownerType: string = VERSION_LOCALIZATIONS
): Promise<RemoteSet[]> {
  const t = setType(kind)
  const doc = await client.getAll(`/v1/${ownerType}/${localizationId}/${t.set.resource}`, {
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
  const t = setType(kind)
  const assets = toMany(set, t.set.items)
    .map(ref => included.get(`${ref.type}:${ref.id}`))
    .filter((r): r is ResourceObject => r !== undefined)
    .map(r => t.read(r))
  return { id: set.id, kind, locale, localizationId, setType: String(set.attributes?.[t.set.typeAttribute]), assets }
}

/** Creates a set; if the answer was lost, reads the localization and adopts the set if it exists. */
export async function createSet(client: AscClient, localizationId: string, locale: string, kind: AssetKind, type: string, ownerType: string = VERSION_LOCALIZATIONS): Promise<string> {
  const t = setType(kind)
  const body = {
    data: {
      type: t.set.resource,
      attributes: { [t.set.typeAttribute]: type },
      relationships: { [PARENT_RELATIONSHIP[ownerType] ?? 'appStoreVersionLocalization']: { data: { type: ownerType, id: localizationId } } }
    }
  }
  return createOrAdopt(
    async () => (await client.create(`/v1/${t.set.resource}`, body)).data.id,
    async () => (await readLocalizationSets(client, localizationId, locale, kind, ownerType)).find(s => s.setType === type)?.id
  )
}

export async function reorderSet(client: AscClient, kind: AssetKind, setId: string, assetIds: string[]): Promise<void> {
  const t = setType(kind)
  await client.update(`/v1/${t.set.resource}/${setId}/relationships/${t.set.items}`, {
    data: assetIds.map(id => ({ type: t.resource, id }))
  })
}
