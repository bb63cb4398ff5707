/**
 * The sandbox's App Asset Library reference data (`appAssetLibraryRefData`), modelled on Apple's
 * examples and the [3p] dump in ASSET-LIBRARY.md §4/§15. Image and video specs are built from the
 * accepted sizes in src/media/specs.ts: one spec per exact size (min = max), shared by every group
 * that accepts that size. This is seed data for the sandbox; the client reads it over HTTP and never
 * imports this file.
 */
import { createHash } from 'node:crypto'
import { MAX_PREVIEW_BYTES, PREVIEW_MAX_FPS, PREVIEW_MAX_SECONDS, PREVIEW_MIN_FPS, PREVIEW_MIN_SECONDS, acceptedSizes } from '../../media/specs.js'

export interface Dimensions {
  minWidth: number
  maxWidth: number
  minHeight: number
  maxHeight: number
}

export interface ImageSpec {
  specId: string
  shortName: string
  dimensions: Dimensions
  aspectRatio: string
  compatiblePlacementTypes: string[]
  alphaAllowed: boolean
  fileExtensions: string[]
  mimeTypes: string[]
  maxFileSize: number
  universalAsset: boolean
}

export interface VideoSpec extends Omit<ImageSpec, 'alphaAllowed'> {
  frameRates: { minFps: number; maxFps: number }[]
  duration: { min: string; max: string }
  audioRequired: boolean
}

export interface RefData {
  features: { featureId: string; placementPolicies: { placementType: string; groupLimits: { groupIds: string[]; maxCount: number }[] }[] }[]
  placementProfileGroups: { placementProfileGroupId: string; platform: string; displayClassId: string }[]
  imageSpecs: ImageSpec[]
  videoSpecs: VideoSpec[]
  placementTypes: { placementTypeId: string; acceptsAssetCategories: string[]; specMappings: { placementGroupId: string; specs: string[] }[] }[]
  displayClasses: { displayClassId: string; deviceFamily: string; screenDimensions: string[] }[]
}

type Size = readonly [number, number]

interface GroupSeed {
  group: string
  platform: string
  displayClassId: string
  /** Display type / preview type in specs.ts whose sizes the group accepts (the source of the pixel sizes, not of the mapping). */
  screenshotsFrom?: string
  previewsFrom?: string
  /** Explicit sizes for groups with no display type (iPhone Duo, [3p] dump). */
  screenshotSizes?: Size[]
  previewSizes?: Size[]
}

const IPHONE_GROUPS: [group: string, displayClass: string, shots: string, previews: string | undefined][] = [
  ['IPHONE_DYNAMIC_ISLAND_LARGE_PROFILE', 'IPHONE_DYNAMIC_ISLAND_LARGE_DISPLAY', 'APP_IPHONE_67', 'IPHONE_67'],
  ['IPHONE_FACE_ID_LARGE_PROFILE', 'IPHONE_FACE_ID_LARGE_DISPLAY', 'APP_IPHONE_65', 'IPHONE_65'],
  ['IPHONE_DYNAMIC_ISLAND_MEDIUM_PROFILE', 'IPHONE_DYNAMIC_ISLAND_MEDIUM_DISPLAY', 'APP_IPHONE_61', 'IPHONE_61'],
  ['IPHONE_FACE_ID_MEDIUM_PROFILE', 'IPHONE_FACE_ID_MEDIUM_DISPLAY', 'APP_IPHONE_58', 'IPHONE_58'],
  ['IPHONE_HOME_BUTTON_LARGE_PROFILE', 'IPHONE_HOME_BUTTON_LARGE_DISPLAY', 'APP_IPHONE_55', 'IPHONE_55'],
  ['IPHONE_HOME_BUTTON_MEDIUM_PROFILE', 'IPHONE_HOME_BUTTON_MEDIUM_DISPLAY', 'APP_IPHONE_47', 'IPHONE_47'],
  ['IPHONE_HOME_BUTTON_40_PROFILE', 'IPHONE_HOME_BUTTON_40_DISPLAY', 'APP_IPHONE_40', 'IPHONE_40'],
  ['IPHONE_HOME_BUTTON_35_PROFILE', 'IPHONE_HOME_BUTTON_35_DISPLAY', 'APP_IPHONE_35', 'IPHONE_35']
]

const IPAD_GROUPS: [group: string, displayClass: string, shots: string, previews: string][] = [
  ['IPAD_13_PROFILE', 'IPAD_13_DISPLAY', 'APP_IPAD_PRO_3GEN_129', 'IPAD_PRO_3GEN_129'],
  ['IPAD_129_PROFILE', 'IPAD_129_DISPLAY', 'APP_IPAD_PRO_129', 'IPAD_PRO_129'],
  ['IPAD_11_PROFILE', 'IPAD_11_DISPLAY', 'APP_IPAD_PRO_3GEN_11', 'IPAD_PRO_3GEN_11'],
  ['IPAD_105_PROFILE', 'IPAD_105_DISPLAY', 'APP_IPAD_105', 'IPAD_105'],
  ['IPAD_97_PROFILE', 'IPAD_97_DISPLAY', 'APP_IPAD_97', 'IPAD_97']
]

const WATCH_GROUPS: [group: string, displayClass: string, shots: string][] = [
  ['WATCH_ULTRA_PROFILE', 'WATCH_ULTRA', 'APP_WATCH_ULTRA'],
  ['WATCH_SERIES_10_PROFILE', 'WATCH_SERIES_10', 'APP_WATCH_SERIES_10'],
  ['WATCH_SERIES_7_PROFILE', 'WATCH_SERIES_7', 'APP_WATCH_SERIES_7'],
  ['WATCH_SERIES_4_PROFILE', 'WATCH_SERIES_4', 'APP_WATCH_SERIES_4'],
  ['WATCH_SERIES_3_PROFILE', 'WATCH_SERIES_3', 'APP_WATCH_SERIES_3']
]

/** The display classes and what Apple's `displayClasses[]` says about them (screen diagonals in inches). */
const DISPLAY_CLASSES: [id: string, family: string, dims: string[]][] = [
  // SILENT: Apple does not say which device family DEFAULT (Mac, TV, Vision Pro, creative assets) carries.
  ['DEFAULT', 'ANY', []],
  ['IPHONE_DUO', 'IPHONE', []],
  ['IPHONE_DYNAMIC_ISLAND_LARGE_DISPLAY', 'IPHONE', ['6.9']],
  ['IPHONE_FACE_ID_LARGE_DISPLAY', 'IPHONE', ['6.5']],
  ['IPHONE_DYNAMIC_ISLAND_MEDIUM_DISPLAY', 'IPHONE', ['6.3']],
  ['IPHONE_FACE_ID_MEDIUM_DISPLAY', 'IPHONE', ['6.1']],
  ['IPHONE_HOME_BUTTON_LARGE_DISPLAY', 'IPHONE', ['5.5']],
  ['IPHONE_HOME_BUTTON_MEDIUM_DISPLAY', 'IPHONE', ['4.7']],
  ['IPHONE_HOME_BUTTON_40_DISPLAY', 'IPHONE', ['4']],
  ['IPHONE_HOME_BUTTON_35_DISPLAY', 'IPHONE', ['3.5']],
  ['IPAD_13_DISPLAY', 'IPAD', ['13']],
  ['IPAD_129_DISPLAY', 'IPAD', ['12.9']],
  ['IPAD_11_DISPLAY', 'IPAD', ['11']],
  ['IPAD_105_DISPLAY', 'IPAD', ['10.5']],
  ['IPAD_97_DISPLAY', 'IPAD', ['9.7']],
  ['WATCH_ULTRA', 'APPLE_WATCH', ['49mm']],
  ['WATCH_SERIES_10', 'APPLE_WATCH', ['46mm']],
  ['WATCH_SERIES_7', 'APPLE_WATCH', ['45mm']],
  ['WATCH_SERIES_4', 'APPLE_WATCH', ['44mm']],
  ['WATCH_SERIES_3', 'APPLE_WATCH', ['42mm']]
]

function groupSeeds(): GroupSeed[] {
  const out: GroupSeed[] = []
  for (const [group, dc, shots, previews] of IPHONE_GROUPS) {
    out.push({ group, platform: 'IPHONE_APP_STORE', displayClassId: dc, screenshotsFrom: shots, previewsFrom: previews })
    if (shots !== 'APP_IPHONE_35') out.push({ group: `IMESSAGE_${group}`, platform: 'IMESSAGE_APP_STORE', displayClassId: dc, screenshotsFrom: `IMESSAGE_${shots}` })
  }
  for (const [group, dc, shots, previews] of IPAD_GROUPS) {
    out.push({ group, platform: 'IPAD_APP_STORE', displayClassId: dc, screenshotsFrom: shots, previewsFrom: previews })
    out.push({ group: `IMESSAGE_${group}`, platform: 'IMESSAGE_APP_STORE', displayClassId: dc, screenshotsFrom: `IMESSAGE_${shots}` })
  }
  for (const [group, dc, shots] of WATCH_GROUPS) out.push({ group, platform: 'WATCH_APP_STORE', displayClassId: dc, screenshotsFrom: shots })
  out.push({ group: 'MAC_PROFILE', platform: 'MAC_APP_STORE', displayClassId: 'DEFAULT', screenshotsFrom: 'APP_DESKTOP', previewsFrom: 'DESKTOP' })
  out.push({ group: 'TV_PROFILE', platform: 'TV_APP_STORE', displayClassId: 'DEFAULT', screenshotsFrom: 'APP_APPLE_TV', previewsFrom: 'APPLE_TV' })
  out.push({ group: 'VISION_PRO_PROFILE', platform: 'VISION_PRO_APP_STORE', displayClassId: 'DEFAULT', screenshotsFrom: 'APP_APPLE_VISION_PRO', previewsFrom: 'APPLE_VISION_PRO' })
  // [3p] dump of 2026-10-09: a group with no display type in the set-based API.
  out.push({
    group: 'IPHONE_DUO_PROFILE',
    platform: 'IPHONE_APP_STORE',
    displayClassId: 'IPHONE_DUO',
    screenshotSizes: [[1398, 2034], [2034, 1398], [2007, 2853], [2853, 2007]],
    previewSizes: [[886, 1920], [1920, 886]]
  })
  return out
}

/** A stable UUID-shaped id (Apple's spec ids look like UUIDs, e.g. f56c777c-…). */
function stableId(name: string): string {
  const h = createHash('sha256').update(`appAssetLibraryRefData:${name}`).digest('hex')
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`
}

/** The nominal ratio Apple prints (1290×2796 → "6:13"): the closest fraction with a small denominator. */
function aspect([w, h]: Size): string {
  let best: [number, number, number] = [w, h, Infinity]
  for (let b = 1; b <= 20; b++) {
    const a = Math.round((w / h) * b)
    const error = Math.abs(a / b - w / h)
    if (a > 0 && error < best[2] - 1e-9) best = [a, b, error]
  }
  return `${best[0]}:${best[1]}`
}

const IMAGE_EXTENSIONS = ['.jpg', '.jpeg', '.png']
const IMAGE_MIMES = ['image/jpeg', 'image/png']
const VIDEO_EXTENSIONS = ['.mp4', '.m4v', '.mov']
const VIDEO_MIMES = ['video/mp4', 'video/x-m4v', 'video/quicktime']
/** Apple's example image spec: maxFileSize 524288000. */
const MAX_IMAGE_BYTES = 524_288_000

/** What every spec of one exact size starts with: its id, short name, dimensions and aspect ratio. */
function sizedSpec(shortName: string, size: Size): Pick<ImageSpec, 'specId' | 'shortName' | 'dimensions' | 'aspectRatio'> {
  return { specId: stableId(shortName), shortName, dimensions: { minWidth: size[0], maxWidth: size[0], minHeight: size[1], maxHeight: size[1] }, aspectRatio: aspect(size) }
}

export function buildRefData(): RefData {
  const groups = groupSeeds()
  const imageByName = new Map<string, ImageSpec>()
  const videoByName = new Map<string, VideoSpec>()
  const mappings = new Map<string, Map<string, Set<string>>>() // placementType → group → specIds
  const map = (type: string, group: string, specId: string) => {
    const byGroup = mappings.get(type) ?? new Map<string, Set<string>>()
    mappings.set(type, byGroup)
    const set = byGroup.get(group) ?? new Set<string>()
    byGroup.set(group, set)
    set.add(specId)
  }
  const imageSpec = (size: Size, type: string): ImageSpec => {
    const shortName = `i${size[0]}x${size[1]}a0`
    let spec = imageByName.get(shortName)
    if (!spec) {
      spec = {
        ...sizedSpec(shortName, size),
        compatiblePlacementTypes: [],
        alphaAllowed: false,
        fileExtensions: IMAGE_EXTENSIONS,
        mimeTypes: IMAGE_MIMES,
        maxFileSize: MAX_IMAGE_BYTES,
        universalAsset: false
      }
      imageByName.set(shortName, spec)
    }
    if (!spec.compatiblePlacementTypes.includes(type)) spec.compatiblePlacementTypes.push(type)
    spec.universalAsset = spec.compatiblePlacementTypes.length > 1
    return spec
  }
  const videoSpec = (size: Size): VideoSpec => {
    const shortName = `v${size[0]}x${size[1]}`
    let spec = videoByName.get(shortName)
    if (!spec) {
      spec = {
        ...sizedSpec(shortName, size),
        compatiblePlacementTypes: ['APP_PREVIEW'],
        fileExtensions: VIDEO_EXTENSIONS,
        mimeTypes: VIDEO_MIMES,
        maxFileSize: MAX_PREVIEW_BYTES,
        universalAsset: false,
        frameRates: [{ minFps: PREVIEW_MIN_FPS, maxFps: PREVIEW_MAX_FPS }],
        duration: { min: `PT${PREVIEW_MIN_SECONDS}S`, max: `PT${PREVIEW_MAX_SECONDS}S` },
        audioRequired: true
      }
      videoByName.set(shortName, spec)
    }
    return spec
  }
  for (const g of groups) {
    const shotType = g.platform === 'IMESSAGE_APP_STORE' ? 'IMESSAGE_APP_SCREENSHOT' : 'APP_SCREENSHOT'
    const shots = g.screenshotSizes ?? (g.screenshotsFrom ? acceptedSizes('screenshot', g.screenshotsFrom) : undefined) ?? []
    for (const size of shots) map(shotType, g.group, imageSpec(size, shotType).specId)
    const previews = g.previewSizes ?? (g.previewsFrom ? acceptedSizes('preview', g.previewsFrom) : undefined) ?? []
    for (const size of previews) map('APP_PREVIEW', g.group, videoSpec(size).specId)
  }
  const placementTypes = ['APP_SCREENSHOT', 'APP_PREVIEW', 'IMESSAGE_APP_SCREENSHOT'].map(type => ({
    placementTypeId: type,
    acceptsAssetCategories: ['APP_SCREENSHOTS_AND_PREVIEWS'],
    specMappings: [...(mappings.get(type) ?? new Map<string, Set<string>>())].map(([placementGroupId, specs]) => ({ placementGroupId, specs: [...specs] }))
  }))
  const policies = placementTypes.map(t => ({
    placementType: t.placementTypeId,
    groupLimits: t.specMappings.map(m => ({ groupIds: [m.placementGroupId], maxCount: t.placementTypeId === 'APP_PREVIEW' ? 3 : 10 }))
  }))
  return {
    // CPP and PPO carry the same limits here (APP_SCREENSHOT 10, APP_PREVIEW 3 per group), each its own copy;
    // Apple says they "may differ": always read maxCount.
    features: ['APP_STORE_VERSIONS', 'CUSTOM_PRODUCT_PAGES', 'PRODUCT_PAGE_OPTIMIZATIONS'].map(featureId => ({ featureId, placementPolicies: structuredClone(policies) })),
    placementProfileGroups: groups.map(g => ({ placementProfileGroupId: g.group, platform: g.platform, displayClassId: g.displayClassId })),
    imageSpecs: [...imageByName.values()],
    videoSpecs: [...videoByName.values()],
    placementTypes,
    displayClasses: DISPLAY_CLASSES.map(([displayClassId, deviceFamily, screenDimensions]) => ({ displayClassId, deviceFamily, screenDimensions }))
  }
}
