/**
 * The App Asset Library reference data (`appAssetLibraryRefData`), read at run time, and the one
 * function that maps a mapping entry's display type to a placement group without a hard-coded
 * table: display type → (store platform, device family, screen size) from the labels in
 * src/media/specs.ts → the display class whose deviceFamily and screenDimensions match → the group
 * with that displayClassId and platform that the placement type accepts.
 */
import type { AscClient, ResourceObject } from '../../asc/client.js'
import { PREVIEW_SPECS, SCREENSHOT_SPECS } from '../../media/specs.js'

export interface SpecDimensions {
  minWidth: number
  maxWidth: number
  minHeight: number
  maxHeight: number
}

export interface ImageSpec {
  specId: string
  shortName?: string
  dimensions: SpecDimensions
  compatiblePlacementTypes?: string[]
  alphaAllowed?: boolean
  fileExtensions?: string[]
  mimeTypes?: string[]
  maxFileSize?: number
}

export interface VideoSpec extends Omit<ImageSpec, 'alphaAllowed'> {
  frameRates?: { minFps: number; maxFps: number }[]
  duration?: { min?: string; max?: string }
  audioRequired?: boolean
}

export interface RefData {
  features: { featureId: string; placementPolicies?: { placementType: string; groupLimits?: { groupIds: string[]; maxCount: number }[] }[] }[]
  placementProfileGroups: { placementProfileGroupId: string; platform: string; displayClassId: string }[]
  imageSpecs: ImageSpec[]
  videoSpecs: VideoSpec[]
  placementTypes: { placementTypeId: string; acceptsAssetCategories?: string[]; specMappings?: { placementGroupId: string; specs: string[] }[] }[]
  displayClasses: { displayClassId: string; deviceFamily: string; screenDimensions?: string[] }[]
}

export type LibraryKind = 'screenshot' | 'preview'
export const CATEGORY = 'APP_SCREENSHOTS_AND_PREVIEWS'

/** The ref-data features whose placement policies (maxCount) apply to each surface the library delivers (§7). */
export const LIBRARY_FEATURES = { version: 'APP_STORE_VERSIONS', 'custom-product-page': 'CUSTOM_PRODUCT_PAGES', experiment: 'PRODUCT_PAGE_OPTIMIZATIONS' } as const

/** One request: the catalog for the surfaces the library delivers (a collection holding one datum). */
export async function readRefData(client: AscClient, feature: string = Object.values(LIBRARY_FEATURES).join(',')): Promise<RefData> {
  const doc = await client.get<ResourceObject[]>('/v1/appAssetLibraryRefData', { 'filter[features]': feature })
  const attrs = (doc.data[0]?.attributes ?? {}) as Partial<RefData>
  return {
    features: attrs.features ?? [],
    placementProfileGroups: attrs.placementProfileGroups ?? [],
    imageSpecs: attrs.imageSpecs ?? [],
    videoSpecs: attrs.videoSpecs ?? [],
    placementTypes: attrs.placementTypes ?? [],
    displayClasses: attrs.displayClasses ?? []
  }
}

/** What a display type's label in specs.ts says: store platform, device family and screen size. */
export function describeDisplayType(kind: LibraryKind, type: string): { platform: string; family: string; size?: string; model?: string; imessage: boolean } | undefined {
  const spec = kind === 'screenshot' ? SCREENSHOT_SPECS[type] : PREVIEW_SPECS[type]
  if (!spec) return undefined
  const imessage = spec.label.startsWith('iMessage ')
  const label = imessage ? spec.label.slice('iMessage '.length) : spec.label
  const size = /(\d+(?:\.\d+)?)"/.exec(label)?.[1]
  const families: [RegExp, string, string][] = [
    [/^iPhone\b/, 'IPHONE', 'IPHONE_APP_STORE'],
    [/^iPad\b/, 'IPAD', 'IPAD_APP_STORE'],
    [/^Mac\b/, 'MAC', 'MAC_APP_STORE'],
    [/^Apple TV\b/, 'APPLE_TV', 'TV_APP_STORE'],
    [/^Apple Vision Pro\b/, 'APPLE_VISION_PRO', 'VISION_PRO_APP_STORE'],
    [/^Apple Watch\b/, 'APPLE_WATCH', 'WATCH_APP_STORE']
  ]
  const hit = families.find(([re]) => re.test(label))
  if (!hit) return undefined
  const model = hit[1] === 'APPLE_WATCH' ? label.replace(/^Apple Watch\s*/, '').toUpperCase().replace(/\s+/g, '_') : undefined
  return { platform: imessage ? 'IMESSAGE_APP_STORE' : hit[2], family: hit[1], size, model, imessage }
}

/** The placement type of a mapping entry: previews → APP_PREVIEW, iMessage display types → IMESSAGE_APP_SCREENSHOT. */
export function placementTypeOf(kind: LibraryKind, type: string | undefined, group?: string): string {
  if (kind === 'preview') return 'APP_PREVIEW'
  return type?.startsWith('IMESSAGE_') || group?.startsWith('IMESSAGE_') ? 'IMESSAGE_APP_SCREENSHOT' : 'APP_SCREENSHOT'
}

/** The groups a placement type accepts (its specMappings). */
export function groupsOf(ref: RefData, placementType: string): string[] {
  return (ref.placementTypes.find(t => t.placementTypeId === placementType)?.specMappings ?? []).map(m => m.placementGroupId)
}

/**
 * Display type → placement group through the reference data (the one place this mapping lives).
 * Returns undefined when the reference data has no single matching group; the mapping can then
 * name `placement-group` directly.
 */
export function placementGroupFor(ref: RefData, kind: LibraryKind, type: string): string | undefined {
  const d = describeDisplayType(kind, type)
  if (!d) return undefined
  const accepted = new Set(groupsOf(ref, placementTypeOf(kind, type)))
  let candidates = ref.placementProfileGroups.filter(g => g.platform === d.platform && accepted.has(g.placementProfileGroupId))
  const classOf = (id: string) => ref.displayClasses.find(c => c.displayClassId === id)
  if (candidates.length > 1 && d.size) {
    candidates = candidates.filter(g => {
      const c = classOf(g.displayClassId)
      return c?.deviceFamily === d.family && (c.screenDimensions ?? []).includes(d.size as string)
    })
  } else if (candidates.length > 1 && d.model) {
    // Watches: the label names the model ("Series 10"), the display class carries it in its id (WATCH_SERIES_10).
    candidates = candidates.filter(g => classOf(g.displayClassId)?.deviceFamily === d.family && g.displayClassId.endsWith(`_${d.model}`))
  }
  return candidates.length === 1 ? candidates[0]!.placementProfileGroupId : undefined
}

/** The spec ids a group accepts for a placement type. */
export function specIdsOf(ref: RefData, placementType: string, group: string): string[] {
  return ref.placementTypes.find(t => t.placementTypeId === placementType)?.specMappings?.find(m => m.placementGroupId === group)?.specs ?? []
}

/** features[feature].placementPolicies[type].groupLimits[] entry covering the group. */
export function maxCountOf(ref: RefData, placementType: string, group: string, feature = 'APP_STORE_VERSIONS'): number | undefined {
  return ref.features
    .find(f => f.featureId === feature)
    ?.placementPolicies?.find(p => p.placementType === placementType)
    ?.groupLimits?.find(l => l.groupIds.includes(group))?.maxCount
}

/** Whether the type accepts our category (acceptsAssetCategories). */
export function acceptsCategory(ref: RefData, placementType: string): boolean {
  return (ref.placementTypes.find(t => t.placementTypeId === placementType)?.acceptsAssetCategories ?? []).includes(CATEGORY)
}
