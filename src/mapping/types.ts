/** Shapes produced by the mapping stage: the parsed file (Mapping) and its expansion on disk (ExpandedSet). */
import type { AssetKind, Platform, SourceRef, Surface, SurfaceTarget } from '../model.js'

/** One validated entry (of `screenshots`, `previews`, a page's or treatment's lists, or another kind), before `{locale}` is expanded. */
export interface MappingEntry {
  kind: AssetKind
  /** Where the media goes. Absent means 'version' (the version's own localizations). */
  surface?: Surface
  /** The page, experiment + treatment, or advanced experience the entry names. */
  target?: SurfaceTarget
  /** The glob exactly as written, relative to the workspace; may contain one `{locale}` segment. */
  files: string
  /**
   * ScreenshotDisplayType for screenshots, PreviewType for previews; the slot of other kinds (e.g. APP_CLIP_HEADER_IMAGE).
   * For an entry that names only a `placement-group` (see `groupOnly`), the placement group.
   */
  setType: string
  /** `placement-group` as written (media-api: library): the asset library group, instead of the one derived from the display type. */
  placementGroup?: string
  /** True when the entry names a placement group but no display / preview type: no specs.ts size check applies, and only media-api: library can deliver it. */
  groupOnly?: boolean
  /** As written, or derived from setType with platformOf (IOS for a `groupOnly` entry without one). */
  platform: Platform
  /** True when no platform follows from the entry: the run's `platform` input decides (review attachments, routing coverage). */
  defaultPlatform?: boolean
  /** True for kinds that have no locale (review attachments, routing coverage, advanced experience images). */
  localeless?: boolean
  frameTimeCode?: string
  locales?: string[]
  source: SourceRef
}

export interface Mapping {
  /** Absolute path of the mapping file. */
  path: string
  /** Path relative to the workspace (POSIX separators), as shown in problems. */
  displayPath: string
  entries: MappingEntry[]
}

/** One entry expanded for one locale: a target container and the files it should hold, in order. */
export interface ExpandedSet {
  kind: AssetKind
  surface?: Surface
  target?: SurfaceTarget
  platform: Platform
  defaultPlatform?: boolean
  /** '' for kinds without a locale. */
  locale: string
  setType: string
  placementGroup?: string
  groupOnly?: boolean
  frameTimeCode?: string
  /** Absolute paths, natural order. */
  files: string[]
  source: SourceRef
}
