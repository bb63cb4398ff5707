/**
 * Accepted pixel sizes per display type and preview type, from Apple's screenshot and app preview
 * specifications (see SPECS.md in the shared reference). Portrait sizes are listed; landscape is the
 * transpose unless a type is landscape-only. The sandbox and the client's pre-flight share this table
 * so that a size the client accepts is a size the service accepts.
 */
import type { Platform } from '../model.js'

type Size = readonly [width: number, height: number]

interface ScreenshotSpec {
  sizes: readonly Size[]
  /** Mac, Apple TV and Vision Pro accept landscape only. */
  landscapeOnly?: boolean
  platform: Platform
  label: string
}

const IPHONE_67: Size[] = [[1260, 2736], [1290, 2796], [1320, 2868]]
const IPHONE_65: Size[] = [[1242, 2688], [1284, 2778]]
const IPHONE_61: Size[] = [[1179, 2556], [1206, 2622]]
const IPHONE_58: Size[] = [[1170, 2532], [1125, 2436], [1080, 2340]]
const IPHONE_55: Size[] = [[1242, 2208]]
const IPHONE_47: Size[] = [[750, 1334]]
const IPHONE_40: Size[] = [[640, 1136]]
const IPHONE_35: Size[] = [[640, 960]]
const IPAD_13: Size[] = [[2064, 2752], [2048, 2732]]
const IPAD_129: Size[] = [[2048, 2732]]
const IPAD_11: Size[] = [[1488, 2266], [1668, 2420], [1668, 2388], [1640, 2360]]
const IPAD_105: Size[] = [[1668, 2224]]
const IPAD_97: Size[] = [[1536, 2048]]

export const SCREENSHOT_SPECS: Readonly<Record<string, ScreenshotSpec>> = {
  APP_IPHONE_67: { sizes: IPHONE_67, platform: 'IOS', label: 'iPhone 6.9"' },
  APP_IPHONE_65: { sizes: IPHONE_65, platform: 'IOS', label: 'iPhone 6.5"' },
  APP_IPHONE_61: { sizes: IPHONE_61, platform: 'IOS', label: 'iPhone 6.3"' },
  APP_IPHONE_58: { sizes: IPHONE_58, platform: 'IOS', label: 'iPhone 6.1"' },
  APP_IPHONE_55: { sizes: IPHONE_55, platform: 'IOS', label: 'iPhone 5.5"' },
  APP_IPHONE_47: { sizes: IPHONE_47, platform: 'IOS', label: 'iPhone 4.7"' },
  APP_IPHONE_40: { sizes: IPHONE_40, platform: 'IOS', label: 'iPhone 4"' },
  APP_IPHONE_35: { sizes: IPHONE_35, platform: 'IOS', label: 'iPhone 3.5"' },
  APP_IPAD_PRO_3GEN_129: { sizes: IPAD_13, platform: 'IOS', label: 'iPad 13"' },
  APP_IPAD_PRO_129: { sizes: IPAD_129, platform: 'IOS', label: 'iPad 12.9" (2nd gen)' },
  APP_IPAD_PRO_3GEN_11: { sizes: IPAD_11, platform: 'IOS', label: 'iPad 11"' },
  APP_IPAD_105: { sizes: IPAD_105, platform: 'IOS', label: 'iPad 10.5"' },
  APP_IPAD_97: { sizes: IPAD_97, platform: 'IOS', label: 'iPad 9.7"' },
  APP_DESKTOP: {
    sizes: [[1280, 800], [1440, 900], [2560, 1600], [2880, 1800]],
    landscapeOnly: true,
    platform: 'MAC_OS',
    label: 'Mac'
  },
  APP_APPLE_TV: { sizes: [[1920, 1080], [3840, 2160]], landscapeOnly: true, platform: 'TV_OS', label: 'Apple TV' },
  APP_APPLE_VISION_PRO: { sizes: [[3840, 2160]], landscapeOnly: true, platform: 'VISION_OS', label: 'Apple Vision Pro' },
  APP_WATCH_ULTRA: { sizes: [[410, 502], [422, 514]], platform: 'IOS', label: 'Apple Watch Ultra' },
  APP_WATCH_SERIES_10: { sizes: [[416, 496]], platform: 'IOS', label: 'Apple Watch Series 10' },
  APP_WATCH_SERIES_7: { sizes: [[396, 484]], platform: 'IOS', label: 'Apple Watch Series 7' },
  APP_WATCH_SERIES_4: { sizes: [[368, 448]], platform: 'IOS', label: 'Apple Watch Series 4' },
  APP_WATCH_SERIES_3: { sizes: [[312, 390]], platform: 'IOS', label: 'Apple Watch Series 3' },
  IMESSAGE_APP_IPHONE_67: { sizes: IPHONE_67, platform: 'IOS', label: 'iMessage iPhone 6.9"' },
  IMESSAGE_APP_IPHONE_65: { sizes: IPHONE_65, platform: 'IOS', label: 'iMessage iPhone 6.5"' },
  IMESSAGE_APP_IPHONE_61: { sizes: IPHONE_61, platform: 'IOS', label: 'iMessage iPhone 6.3"' },
  IMESSAGE_APP_IPHONE_58: { sizes: IPHONE_58, platform: 'IOS', label: 'iMessage iPhone 6.1"' },
  IMESSAGE_APP_IPHONE_55: { sizes: IPHONE_55, platform: 'IOS', label: 'iMessage iPhone 5.5"' },
  IMESSAGE_APP_IPHONE_47: { sizes: IPHONE_47, platform: 'IOS', label: 'iMessage iPhone 4.7"' },
  IMESSAGE_APP_IPHONE_40: { sizes: IPHONE_40, platform: 'IOS', label: 'iMessage iPhone 4"' },
  IMESSAGE_APP_IPAD_PRO_3GEN_129: { sizes: IPAD_13, platform: 'IOS', label: 'iMessage iPad 13"' },
  IMESSAGE_APP_IPAD_PRO_3GEN_11: { sizes: IPAD_11, platform: 'IOS', label: 'iMessage iPad 11"' },
  IMESSAGE_APP_IPAD_PRO_129: { sizes: IPAD_129, platform: 'IOS', label: 'iMessage iPad 12.9"' },
  IMESSAGE_APP_IPAD_105: { sizes: IPAD_105, platform: 'IOS', label: 'iMessage iPad 10.5"' },
  IMESSAGE_APP_IPAD_97: { sizes: IPAD_97, platform: 'IOS', label: 'iMessage iPad 9.7"' }
}

interface PreviewSpec {
  sizes: readonly Size[]
  landscapeOnly?: boolean
  platform: Platform
  label: string
}

const P_886: Size[] = [[886, 1920]]
export const PREVIEW_SPECS: Readonly<Record<string, PreviewSpec>> = {
  IPHONE_67: { sizes: P_886, platform: 'IOS', label: 'iPhone 6.9"' },
  IPHONE_65: { sizes: P_886, platform: 'IOS', label: 'iPhone 6.5"' },
  IPHONE_61: { sizes: P_886, platform: 'IOS', label: 'iPhone 6.3"' },
  IPHONE_58: { sizes: P_886, platform: 'IOS', label: 'iPhone 6.1"' },
  IPHONE_55: { sizes: [[1080, 1920]], platform: 'IOS', label: 'iPhone 5.5"' },
  IPHONE_47: { sizes: [[750, 1334]], platform: 'IOS', label: 'iPhone 4.7"' },
  IPHONE_40: { sizes: [[1080, 1920]], platform: 'IOS', label: 'iPhone 4"' },
  IPHONE_35: { sizes: [[640, 960]], platform: 'IOS', label: 'iPhone 3.5"' },
  IPAD_PRO_3GEN_129: { sizes: [[1200, 1600]], platform: 'IOS', label: 'iPad 13"' },
  IPAD_PRO_3GEN_11: { sizes: [[1200, 1600]], platform: 'IOS', label: 'iPad 11"' },
  IPAD_PRO_129: { sizes: [[1200, 1600], [900, 1200]], platform: 'IOS', label: 'iPad 12.9" (2nd gen)' },
  IPAD_105: { sizes: [[1200, 1600]], platform: 'IOS', label: 'iPad 10.5"' },
  IPAD_97: { sizes: [[900, 1200]], platform: 'IOS', label: 'iPad 9.7"' },
  DESKTOP: { sizes: [[1920, 1080], [2880, 1800]], landscapeOnly: true, platform: 'MAC_OS', label: 'Mac' },
  APPLE_TV: { sizes: [[1920, 1080], [3840, 2160]], landscapeOnly: true, platform: 'TV_OS', label: 'Apple TV' },
  APPLE_VISION_PRO: { sizes: [[3840, 2160]], landscapeOnly: true, platform: 'VISION_OS', label: 'Apple Vision Pro' }
}

/** Limits per set (SPECS.md, REFERENCE.md). */
export const MAX_SCREENSHOTS_PER_SET = 10
export const MAX_PREVIEWS_PER_SET = 3
export const MAX_PREVIEW_BYTES = 500 * 1024 * 1024
export const PREVIEW_MIN_SECONDS = 15
export const PREVIEW_MAX_SECONDS = 30
export const PREVIEW_MIN_FPS = 23
export const PREVIEW_MAX_FPS = 30
export const SCREENSHOT_EXTENSIONS = ['.png', '.jpg', '.jpeg'] as const
export const PREVIEW_EXTENSIONS = ['.mov', '.m4v', '.mp4'] as const

function orientations(spec: { sizes: readonly Size[]; landscapeOnly?: boolean }): Size[] {
  if (spec.landscapeOnly) return [...spec.sizes]
  return spec.sizes.flatMap(([w, h]) => (w === h ? [[w, h] as Size] : [[w, h] as Size, [h, w] as Size]))
}

/** Every accepted width×height of a display type or preview type, both orientations where allowed. */
export function acceptedSizes(kind: 'screenshot' | 'preview', setType: string): Size[] | undefined {
  const spec = kind === 'screenshot' ? SCREENSHOT_SPECS[setType] : PREVIEW_SPECS[setType]
  return spec ? orientations(spec) : undefined
}

export function isAcceptedSize(kind: 'screenshot' | 'preview', setType: string, width: number, height: number): boolean {
  return (acceptedSizes(kind, setType) ?? []).some(([w, h]) => w === width && h === height)
}

export function formatSizes(sizes: readonly Size[]): string {
  return sizes.map(([w, h]) => `${w}×${h}`).join(', ')
}

/** The platform a display type or preview type belongs to (APP_DESKTOP → MAC_OS and so on). */
export function platformOf(kind: 'screenshot' | 'preview', setType: string): Platform | undefined {
  return (kind === 'screenshot' ? SCREENSHOT_SPECS[setType] : PREVIEW_SPECS[setType])?.platform
}

export const SCREENSHOT_DISPLAY_TYPES = Object.keys(SCREENSHOT_SPECS)
export const PREVIEW_TYPES = Object.keys(PREVIEW_SPECS)

/** App Clip header images and advanced App Clip experience images (SPECS.md): exactly 1800×1200, PNG or JPEG, no alpha. */
export const APP_CLIP_IMAGE_WIDTH = 1800
export const APP_CLIP_IMAGE_HEIGHT = 1200
export const APP_CLIP_IMAGE_EXTENSIONS = SCREENSHOT_EXTENSIONS
/** Routing app coverage files are GeoJSON. */
export const ROUTING_COVERAGE_EXTENSIONS = ['.geojson'] as const
