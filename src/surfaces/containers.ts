/**
 * One common shape for every place media lives. A container is what holds a kind of asset under one
 * owner: a screenshot / preview set of a localization (version, custom product page or treatment), the
 * to-one header image of an App Clip localization, the to-one image of an advanced App Clip experience,
 * the unordered attachments of a review detail, the to-one routing coverage of a version. Each is read
 * into a RemoteSet, so plan/ and deliver/ never ask where media lives.
 */
import { AppleApiError } from '../asc/api-error.js'
import type { AscClient, ResourceObject } from '../asc/client.js'
import { toOne } from '../asc/client.js'
import { createOrAdopt } from './create-or-adopt.js'
import type { AssetKind, ContainerOwner, RemoteAsset, RemoteSet } from '../model.js'
import { ASSET_TYPES, isSetKind } from './asset-types.js'
import { readLocalizationSets } from './sets.js'

/** A to-one GET when nothing exists: the spec is SILENT; accept both a 404 and `data: null`. */
async function readToOne(client: AscClient, path: string, query: Record<string, string>): Promise<ResourceObject | null> {
  try {
    const doc = await client.get<ResourceObject | null>(path, query)
    return doc.data ?? null
  } catch (e) {
    if (e instanceof AppleApiError && e.status === 404) return null
    throw e
  }
}

/**
 * Reads the containers of `kind` under `owner`. Set kinds: every set of the localization (one request).
 * Other kinds: exactly one container whose id is the upload parent's id (the owner's, or the review
 * detail's), or none when the review detail does not exist yet.
 */
export async function readContainers(client: AscClient, owner: ContainerOwner, locale: string, kind: AssetKind, setTypeName: string): Promise<RemoteSet[]> {
  const t = ASSET_TYPES[kind]
  if (isSetKind(kind)) return owner.id ? readLocalizationSets(client, owner.id, locale, kind, owner.type) : []
  if (!owner.id) return []
  const one = (assets: RemoteAsset[]): RemoteSet[] => [{ id: owner.id, kind, locale, localizationId: owner.id as string, setType: setTypeName, assets }]
  switch (kind) {
    case 'app-clip-header-image': {
      const image = await readToOne(client, `/v1/appClipDefaultExperienceLocalizations/${owner.id}/appClipHeaderImage`, { 'fields[appClipHeaderImages]': t.fields })
      return one(image ? [t.read(image)] : [])
    }
    case 'routing-coverage': {
      const file = await readToOne(client, `/v1/appStoreVersions/${owner.id}/routingAppCoverage`, { 'fields[routingAppCoverages]': t.fields })
      return one(file ? [t.read(file)] : [])
    }
    case 'app-clip-advanced-image': {
      // No list endpoint: the experience's headerImage, included.
      const doc = await client.get<ResourceObject>(`/v1/appClipAdvancedExperiences/${owner.id}`, {
        include: 'headerImage',
        'fields[appClipAdvancedExperiences]': 'headerImage',
        'fields[appClipAdvancedExperienceImages]': t.fields
      })
      const ref = toOne(doc.data, 'headerImage')
      const image = ref && doc.included?.find(r => r.type === ref.type && r.id === ref.id)
      return one(image ? [t.read(image)] : [])
    }
    case 'review-attachment': {
      const doc = await client.getAll(`/v1/appStoreReviewDetails/${owner.id}/appStoreReviewAttachments`, { 'fields[appStoreReviewAttachments]': t.fields, limit: 200 })
      return one(doc.data.map(r => t.read(r)))
    }
    default:
      throw new Error(`no container reader for ${kind}`)
  }
}

/** The review detail of a version, or null when the version has none yet. */
export async function findReviewDetail(client: AscClient, versionId: string): Promise<string | null> {
  const detail = await readToOne(client, `/v1/appStoreVersions/${versionId}/appStoreReviewDetail`, { 'fields[appStoreReviewDetails]': 'appStoreVersion' })
  return detail?.id ?? null
}

/**
 * Creates the review detail of a version, with no attributes: the action changes no review detail
 * field. Called only when there are attachments to upload. A lost answer is settled by reading.
 */
export async function createReviewDetail(client: AscClient, versionId: string): Promise<string> {
  const body = { data: { type: 'appStoreReviewDetails', relationships: { appStoreVersion: { data: { type: 'appStoreVersions', id: versionId } } } } }
  return createOrAdopt(async () => (await client.create('/v1/appStoreReviewDetails', body)).data.id, () => findReviewDetail(client, versionId))
}

/** Points an advanced App Clip experience at a newly committed image (the only way to attach one). */
export async function attachAdvancedImage(client: AscClient, experienceId: string, imageId: string): Promise<void> {
  await client.update(`/v1/appClipAdvancedExperiences/${experienceId}`, {
    data: {
      type: 'appClipAdvancedExperiences',
      id: experienceId,
      relationships: { headerImage: { data: { type: 'appClipAdvancedExperienceImages', id: imageId } } }
    }
  })
}

/** The items of an upload parent, for recovering a reservation whose answer was lost. */
export async function listParentItems(client: AscClient, parent: { type: string; id: string } | null): Promise<RemoteAsset[]> {
  if (!parent) return [] // advanced experience images: no parent to search; a lost reservation only leaves an orphan
  const kind = (Object.keys(ASSET_TYPES) as AssetKind[]).find(k => ASSET_TYPES[k].parentType === parent.type)
  if (!kind) return []
  const t = ASSET_TYPES[kind]
  if (t.set) {
    const doc = await client.getAll(`/v1/${t.set.resource}/${parent.id}/${t.set.items}`, { [`fields[${t.resource}]`]: t.fields, limit: 200 })
    return doc.data.map(r => t.read(r))
  }
  const owner: ContainerOwner = { type: parent.type, id: parent.id }
  return (await readContainers(client, owner, '', kind, t.slot ?? kind)).flatMap(c => c.assets)
}
