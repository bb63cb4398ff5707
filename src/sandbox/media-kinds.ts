/**
 * Screenshots and previews follow the same life cycle with different names. One table of names keeps
 * the set and asset handlers generic.
 */
import type { AssetKind, SetKind } from '../model.js'
import { MAX_PREVIEWS_PER_SET, MAX_SCREENSHOTS_PER_SET } from '../media/specs.js'

export interface MediaKind {
  kind: SetKind
  /** JSON:API type of the set resource. */
  setType: 'appScreenshotSets' | 'appPreviewSets'
  /** JSON:API type of the item resource. */
  itemType: 'appScreenshots' | 'appPreviews'
  /** The set's type attribute. */
  setAttribute: 'screenshotDisplayType' | 'previewType'
  /** The item's to-one relationship to its set. */
  parentRelationship: 'appScreenshotSet' | 'appPreviewSet'
  /** The localization's to-many relationship to its sets (and the filter on the set list). */
  filterName: 'filter[screenshotDisplayType]' | 'filter[previewType]'
  maxItems: number
  noun: string
}

export const SCREENSHOTS: MediaKind = {
  kind: 'screenshot',
  setType: 'appScreenshotSets',
  itemType: 'appScreenshots',
  setAttribute: 'screenshotDisplayType',
  parentRelationship: 'appScreenshotSet',
  filterName: 'filter[screenshotDisplayType]',
  maxItems: MAX_SCREENSHOTS_PER_SET,
  noun: 'screenshot'
}

export const PREVIEWS: MediaKind = {
  kind: 'preview',
  setType: 'appPreviewSets',
  itemType: 'appPreviews',
  setAttribute: 'previewType',
  parentRelationship: 'appPreviewSet',
  filterName: 'filter[previewType]',
  maxItems: MAX_PREVIEWS_PER_SET,
  noun: 'app preview'
}

export const kindOf = (kind: AssetKind | SetKind): MediaKind => (kind === 'screenshot' ? SCREENSHOTS : PREVIEWS)

const CONTENT_TYPES: Record<string, string> = {
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  mp4: 'video/mp4',
  m4v: 'video/mp4',
  mov: 'video/quicktime'
}

/** The Content-Type Apple puts in an upload operation's requestHeaders, from the file extension. */
export function contentTypeFor(fileName: string): string | undefined {
  const ext = fileName.toLowerCase().split('.').pop() ?? ''
  return fileName.includes('.') ? CONTENT_TYPES[ext] : undefined
}
