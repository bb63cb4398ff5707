/** Shapes produced by the mapping stage: the parsed file (Mapping) and its expansion on disk (ExpandedSet). */
import type { AssetKind, Platform, SourceRef } from '../model.js'

/** One validated entry of `screenshots` or `previews`, before `{locale}` is expanded. */
export interface MappingEntry {
  kind: AssetKind
  /** The glob exactly as written, relative to the workspace; may contain one `{locale}` segment. */
  files: string
  /** ScreenshotDisplayType for screenshots, PreviewType for previews. */
  setType: string
  /** As written, or derived from setType with platformOf. */
  platform: Platform
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

/** One entry expanded for one locale: a target set and the files it should hold, in order. */
export interface ExpandedSet {
  kind: AssetKind
  platform: Platform
  locale: string
  setType: string
  frameTimeCode?: string
  /** Absolute paths, natural order. */
  files: string[]
  source: SourceRef
}
