/**
 * Handlers per implemented operation. The keys must equal the operations in openapi-subset.json
 * (scripts/extract-spec.mjs); startSandbox checks both lists agree.
 */
import type { Handler } from './context.js'
import { PREVIEWS, SCREENSHOTS } from './media-kinds.js'
import { deleteAsset, getAsset, reserveAsset, updateAsset } from './resources/assets.js'
import { getApp, getLocalization, getVersion, listApps, listAppVersions, listVersionLocalizations } from './resources/read.js'
import { createSet, deleteSet, getSet, getSetLinkages, listLocalizationSets, listSetItems, replaceSetLinkages } from './resources/sets.js'

export const ROUTES: Record<string, Handler> = {
  'GET /v1/apps': listApps,
  'GET /v1/apps/{id}': getApp,
  'GET /v1/apps/{id}/appStoreVersions': listAppVersions,
  'GET /v1/appStoreVersions/{id}': getVersion,
  'GET /v1/appStoreVersions/{id}/appStoreVersionLocalizations': listVersionLocalizations,
  'GET /v1/appStoreVersionLocalizations/{id}': getLocalization,
  'GET /v1/appStoreVersionLocalizations/{id}/appScreenshotSets': listLocalizationSets(SCREENSHOTS),
  'GET /v1/appStoreVersionLocalizations/{id}/appPreviewSets': listLocalizationSets(PREVIEWS),
  'POST /v1/appScreenshotSets': createSet(SCREENSHOTS),
  'GET /v1/appScreenshotSets/{id}': getSet(SCREENSHOTS),
  'DELETE /v1/appScreenshotSets/{id}': deleteSet(SCREENSHOTS),
  'GET /v1/appScreenshotSets/{id}/appScreenshots': listSetItems(SCREENSHOTS),
  'GET /v1/appScreenshotSets/{id}/relationships/appScreenshots': getSetLinkages(SCREENSHOTS),
  'PATCH /v1/appScreenshotSets/{id}/relationships/appScreenshots': replaceSetLinkages(SCREENSHOTS),
  'POST /v1/appPreviewSets': createSet(PREVIEWS),
  'GET /v1/appPreviewSets/{id}': getSet(PREVIEWS),
  'DELETE /v1/appPreviewSets/{id}': deleteSet(PREVIEWS),
  'GET /v1/appPreviewSets/{id}/appPreviews': listSetItems(PREVIEWS),
  'GET /v1/appPreviewSets/{id}/relationships/appPreviews': getSetLinkages(PREVIEWS),
  'PATCH /v1/appPreviewSets/{id}/relationships/appPreviews': replaceSetLinkages(PREVIEWS),
  'POST /v1/appScreenshots': reserveAsset(SCREENSHOTS),
  'GET /v1/appScreenshots/{id}': getAsset(SCREENSHOTS),
  'PATCH /v1/appScreenshots/{id}': updateAsset(SCREENSHOTS),
  'DELETE /v1/appScreenshots/{id}': deleteAsset(SCREENSHOTS),
  'POST /v1/appPreviews': reserveAsset(PREVIEWS),
  'GET /v1/appPreviews/{id}': getAsset(PREVIEWS),
  'PATCH /v1/appPreviews/{id}': updateAsset(PREVIEWS),
  'DELETE /v1/appPreviews/{id}': deleteAsset(PREVIEWS)
}
