/** The asset library's reads and writes, one function per call (ASSET-LIBRARY.md §2, §8–§10). */
import type { AscClient, ResourceObject } from '../../asc/client.js'
import { indexIncluded, toOne } from '../../asc/client.js'
import type { LibraryAssetRef, LibraryKind, RemotePlacement } from '../../plan/library-plan.js'
import { libraryTypeOf, type LibraryRemoteAsset } from './asset-types.js'

/** The localization relationships a placement can target and be ordered in (§1, §9; in-app events are not delivered here). */
export type LibraryParent = 'appStoreVersionLocalization' | 'appCustomProductPageLocalization' | 'appStoreVersionExperimentTreatmentLocalization'
const collectionOf = (parent: LibraryParent): string => `${parent}s`

/** GET /v1/apps/{id}/relationships/assetLibrary: the library id (stable for the app's life). */
export async function readLibraryId(client: AscClient, appId: string): Promise<string> {
  const doc = await client.get<{ type: string; id: string }>(`/v1/apps/${appId}/relationships/assetLibrary`)
  return (doc.data as unknown as { id: string }).id
}

/**
 * Our assets by their `sha256:` referenceName, in batches. SILENT whether filter[referenceName]
 * takes a list; §2 says array parameters are comma-separated, so lists are sent.
 */
export async function findByMarkers(client: AscClient, libraryId: string, kind: LibraryKind, markers: string[]): Promise<LibraryAssetRef[]> {
  const t = libraryTypeOf(kind)
  const out: LibraryAssetRef[] = []
  const unique = [...new Set(markers)]
  for (let i = 0; i < unique.length; i += 40) {
    const batch = unique.slice(i, i + 40)
    const doc = await client.getAll(`/v1/appAssetLibraries/${libraryId}/${kind === 'preview' ? 'videos' : 'images'}`, {
      'filter[referenceName]': batch.join(','),
      [`fields[${t.resource}]`]: 'referenceName,state,specId',
      limit: 200
    })
    for (const r of doc.data) {
      const a = r.attributes ?? {}
      // Filter again locally: SILENT whether Apple's filter is exact or prefix.
      if (typeof a.referenceName === 'string' && batch.includes(a.referenceName)) {
        out.push({ id: r.id, kind, referenceName: a.referenceName, state: String(a.state ?? 'AWAITING_UPLOAD'), specId: (a.specId as string | null | undefined) ?? null })
      }
    }
  }
  return out
}

/** Every placement of a localization, in display order per group, with the placed asset's marker. One request. */
export async function readPlacements(client: AscClient, localizationId: string, parent: LibraryParent = 'appStoreVersionLocalization'): Promise<RemotePlacement[]> {
  const doc = await client.getAll(`/v1/${collectionOf(parent)}/${localizationId}/placements`, {
    sort: 'placementGroupPosition',
    include: 'image,video',
    'fields[appAssetLibraryPlacements]': 'mediaType,placementType,placementGroup,state,image,video',
    'fields[appAssetLibraryImages]': 'referenceName,state,specId',
    'fields[appAssetLibraryVideos]': 'referenceName,state,specId',
    limit: 200
  })
  const included = indexIncluded(doc)
  return doc.data.map(p => {
    const ref = toOne(p, 'image') ?? toOne(p, 'video')
    const asset = ref ? included.get(`${ref.type}:${ref.id}`) : undefined
    const a = asset?.attributes ?? {}
    return {
      id: p.id,
      placementType: String(p.attributes?.placementType),
      group: String(p.attributes?.placementGroup),
      assetId: ref?.id ?? '',
      mediaType: ref?.type === 'appAssetLibraryVideos' ? 'VIDEO' : 'IMAGE',
      referenceName: (a.referenceName as string | null | undefined) ?? null,
      assetState: (a.state as string | undefined) ?? null
    }
  })
}

/** Polls by listing the library filtered by id (one request per kind per round, not one per asset). */
export async function readAssetsById(client: AscClient, libraryId: string, kind: LibraryKind, ids: string[]): Promise<LibraryRemoteAsset[]> {
  const t = libraryTypeOf(kind)
  const out: LibraryRemoteAsset[] = []
  for (let i = 0; i < ids.length; i += 100) {
    const doc = await client.getAll(`/v1/appAssetLibraries/${libraryId}/${kind === 'preview' ? 'videos' : 'images'}`, {
      'filter[id]': ids.slice(i, i + 100).join(','),
      [`fields[${t.resource}]`]: t.fields,
      limit: 200
    })
    out.push(...doc.data.map(r => t.read(r) as LibraryRemoteAsset))
  }
  return out
}

export async function createPlacement(
  client: AscClient,
  kind: LibraryKind,
  assetId: string,
  placementType: string,
  group: string,
  localizationId: string,
  parent: LibraryParent = 'appStoreVersionLocalization'
): Promise<string> {
  const media = kind === 'preview' ? 'video' : 'image'
  const doc = await client.create('/v1/appAssetLibraryPlacements', {
    data: {
      type: 'appAssetLibraryPlacements',
      attributes: { placementType, placementGroup: group },
      relationships: {
        [media]: { data: { type: libraryTypeOf(kind).resource, id: assetId } },
        [parent]: { data: { type: collectionOf(parent), id: localizationId } }
      }
    }
  })
  return doc.data.id
}

export async function deletePlacement(client: AscClient, id: string): Promise<void> {
  await client.delete(`/v1/appAssetLibraryPlacements/${id}`)
}

/** One ordering request: the whole group of one localization, in display order. */
export async function orderPlacements(client: AscClient, localizationId: string, group: string, placementIds: string[], parent: LibraryParent = 'appStoreVersionLocalization'): Promise<void> {
  await client.create('/v1/appAssetLibraryPlacementOrderingRequests', {
    data: {
      type: 'appAssetLibraryPlacementOrderingRequests',
      attributes: { placementGroup: group },
      relationships: {
        orderedPlacements: { data: placementIds.map(id => ({ type: 'appAssetLibraryPlacements', id })) },
        [parent]: { data: { type: collectionOf(parent), id: localizationId } }
      }
    }
  })
}

/** Whether anything (any surface, any localization) still places the asset. */
export async function hasPlacements(client: AscClient, kind: LibraryKind, assetId: string): Promise<boolean> {
  const doc = await client.get<ResourceObject[]>(`/v1/${libraryTypeOf(kind).resource}/${assetId}/relationships/placements`, { limit: 1 })
  return (doc.data as unknown[]).length > 0
}

export async function deleteLibraryAsset(client: AscClient, kind: LibraryKind, assetId: string): Promise<void> {
  await client.delete(`/v1/${libraryTypeOf(kind).resource}/${assetId}`)
}
