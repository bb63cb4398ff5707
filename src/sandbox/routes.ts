/**
 * Handlers per implemented operation. The keys must equal the operations in openapi-subset.json
 * (scripts/extract-spec.mjs); startSandbox checks both lists agree.
 */
import type { Handler } from './context.js'
import { PREVIEWS, SCREENSHOTS } from './media-kinds.js'
import { deleteAsset, getAsset, reserveAsset, updateAsset } from './resources/assets.js'
import { getApp, getLocalization, getVersion, listApps, listAppVersions, listVersionLocalizations } from './resources/read.js'
import { createSet, deleteSet, getSet, getSetLinkages, listLocalizationSets, listSetItems, replaceSetLinkages } from './resources/sets.js'
import * as sf from './resources/surfaces.js'

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
  'DELETE /v1/appPreviews/{id}': deleteAsset(PREVIEWS),
  // App Clips (REFERENCE.md 3e, 3f)
  'GET /v1/apps/{id}/appClips': sf.listAppClips,
  'GET /v1/appClips/{id}/appClipDefaultExperiences': sf.listClipDefaultExperiences,
  'GET /v1/appClipDefaultExperiences/{id}/appClipDefaultExperienceLocalizations': sf.listClipLocalizations,
  'GET /v1/appClipDefaultExperienceLocalizations/{id}/appClipHeaderImage': sf.getClipHeaderImageOf,
  'POST /v1/appClipHeaderImages': sf.reserveItem(sf.HEADER_IMAGES),
  'GET /v1/appClipHeaderImages/{id}': sf.getItem(sf.HEADER_IMAGES),
  'PATCH /v1/appClipHeaderImages/{id}': sf.updateItem(sf.HEADER_IMAGES),
  'DELETE /v1/appClipHeaderImages/{id}': sf.deleteItem(sf.HEADER_IMAGES),
  'GET /v1/appClipAdvancedExperiences/{id}': sf.getAdvancedExperience,
  'PATCH /v1/appClipAdvancedExperiences/{id}': sf.updateAdvancedExperience,
  'POST /v1/appClipAdvancedExperienceImages': sf.reserveItem(sf.ADVANCED_IMAGES),
  'GET /v1/appClipAdvancedExperienceImages/{id}': sf.getItem(sf.ADVANCED_IMAGES),
  'PATCH /v1/appClipAdvancedExperienceImages/{id}': sf.updateItem(sf.ADVANCED_IMAGES),
  // Review details and routing coverage (3d)
  'GET /v1/appStoreVersions/{id}/appStoreReviewDetail': sf.getReviewDetailOf,
  'POST /v1/appStoreReviewDetails': sf.createReviewDetail,
  'GET /v1/appStoreReviewDetails/{id}': sf.getReviewDetail,
  'PATCH /v1/appStoreReviewDetails/{id}': sf.updateReviewDetail,
  'GET /v1/appStoreReviewDetails/{id}/appStoreReviewAttachments': sf.listReviewAttachments,
  'POST /v1/appStoreReviewAttachments': sf.reserveItem(sf.REVIEW_ATTACHMENTS),
  'GET /v1/appStoreReviewAttachments/{id}': sf.getItem(sf.REVIEW_ATTACHMENTS),
  'PATCH /v1/appStoreReviewAttachments/{id}': sf.updateItem(sf.REVIEW_ATTACHMENTS),
  'DELETE /v1/appStoreReviewAttachments/{id}': sf.deleteItem(sf.REVIEW_ATTACHMENTS),
  'GET /v1/appStoreVersions/{id}/routingAppCoverage': sf.getRoutingCoverageOf,
  'POST /v1/routingAppCoverages': sf.reserveItem(sf.ROUTING_COVERAGES),
  'GET /v1/routingAppCoverages/{id}': sf.getItem(sf.ROUTING_COVERAGES),
  'PATCH /v1/routingAppCoverages/{id}': sf.updateItem(sf.ROUTING_COVERAGES),
  'DELETE /v1/routingAppCoverages/{id}': sf.deleteItem(sf.ROUTING_COVERAGES),
  // Custom product pages (3g)
  'GET /v1/apps/{id}/appCustomProductPages': sf.listPages,
  'GET /v1/appCustomProductPages/{id}/appCustomProductPageVersions': sf.listPageVersions,
  'GET /v1/appCustomProductPageVersions/{id}/appCustomProductPageLocalizations': sf.listPageLocalizations,
  'GET /v1/appCustomProductPageLocalizations/{id}/appScreenshotSets': listLocalizationSets(SCREENSHOTS, 'appCustomProductPageLocalizations'),
  'GET /v1/appCustomProductPageLocalizations/{id}/appPreviewSets': listLocalizationSets(PREVIEWS, 'appCustomProductPageLocalizations'),
  // Product page optimization, v2 (3h)
  'GET /v1/apps/{id}/appStoreVersionExperimentsV2': sf.listExperimentsV2,
  'GET /v2/appStoreVersionExperiments/{id}/appStoreVersionExperimentTreatments': sf.listTreatmentsV2,
  'GET /v1/appStoreVersionExperimentTreatments/{id}/appStoreVersionExperimentTreatmentLocalizations': sf.listTreatmentLocalizations,
  'GET /v1/appStoreVersionExperimentTreatmentLocalizations/{id}/appScreenshotSets': listLocalizationSets(SCREENSHOTS, 'appStoreVersionExperimentTreatmentLocalizations'),
  'GET /v1/appStoreVersionExperimentTreatmentLocalizations/{id}/appPreviewSets': listLocalizationSets(PREVIEWS, 'appStoreVersionExperimentTreatmentLocalizations')
}
