export const id = 559;
export const ids = [559];
export const modules = {

/***/ 1559:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  runAction: () => (/* binding */ runAction)
});

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 14 modules
var core = __webpack_require__(6421);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/connection.ts
var connection = __webpack_require__(7199);
// EXTERNAL MODULE: ./src/model.ts
var model = __webpack_require__(182);
// EXTERNAL MODULE: ./src/report/redact.ts
var redact = __webpack_require__(649);
;// CONCATENATED MODULE: ./src/media/specs.ts
const IPHONE_67 = [[1260, 2736], [1290, 2796], [1320, 2868]];
const IPHONE_65 = [[1242, 2688], [1284, 2778]];
const IPHONE_61 = [[1179, 2556], [1206, 2622]];
const IPHONE_58 = [[1170, 2532], [1125, 2436], [1080, 2340]];
const IPHONE_55 = [[1242, 2208]];
const IPHONE_47 = [[750, 1334]];
const IPHONE_40 = [[640, 1136]];
const IPHONE_35 = [[640, 960]];
const IPAD_13 = [[2064, 2752], [2048, 2732]];
const IPAD_129 = [[2048, 2732]];
const IPAD_11 = [[1488, 2266], [1668, 2420], [1668, 2388], [1640, 2360]];
const IPAD_105 = [[1668, 2224]];
const IPAD_97 = [[1536, 2048]];
const SCREENSHOT_SPECS = {
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
};
const P_886 = [[886, 1920]];
const PREVIEW_SPECS = {
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
};
/** Limits per set (SPECS.md, REFERENCE.md). */
const MAX_SCREENSHOTS_PER_SET = 10;
const MAX_PREVIEWS_PER_SET = 3;
const MAX_PREVIEW_BYTES = 500 * 1024 * 1024;
const PREVIEW_MIN_SECONDS = 15;
const PREVIEW_MAX_SECONDS = 30;
const PREVIEW_MIN_FPS = 23;
const PREVIEW_MAX_FPS = 30;
const SCREENSHOT_EXTENSIONS = ['.png', '.jpg', '.jpeg'];
const PREVIEW_EXTENSIONS = ['.mov', '.m4v', '.mp4'];
function orientations(spec) {
    if (spec.landscapeOnly)
        return [...spec.sizes];
    return spec.sizes.flatMap(([w, h]) => (w === h ? [[w, h]] : [[w, h], [h, w]]));
}
/** Every accepted width×height of a display type or preview type, both orientations where allowed. */
function acceptedSizes(kind, setType) {
    const spec = kind === 'screenshot' ? SCREENSHOT_SPECS[setType] : PREVIEW_SPECS[setType];
    return spec ? orientations(spec) : undefined;
}
function isAcceptedSize(kind, setType, width, height) {
    return (acceptedSizes(kind, setType) ?? []).some(([w, h]) => w === width && h === height);
}
function formatSizes(sizes) {
    return sizes.map(([w, h]) => `${w}×${h}`).join(', ');
}
/** The platform a display type or preview type belongs to (APP_DESKTOP → MAC_OS and so on). */
function platformOf(kind, setType) {
    return (kind === 'screenshot' ? SCREENSHOT_SPECS[setType] : PREVIEW_SPECS[setType])?.platform;
}
const SCREENSHOT_DISPLAY_TYPES = Object.keys(SCREENSHOT_SPECS);
const PREVIEW_TYPES = Object.keys(PREVIEW_SPECS);
/** App Clip header images and advanced App Clip experience images (SPECS.md): exactly 1800×1200, PNG or JPEG, no alpha. */
const APP_CLIP_IMAGE_WIDTH = 1800;
const APP_CLIP_IMAGE_HEIGHT = 1200;
const APP_CLIP_IMAGE_EXTENSIONS = SCREENSHOT_EXTENSIONS;
/** Routing app coverage files are GeoJSON. */
const ROUTING_COVERAGE_EXTENSIONS = ['.geojson'];

;// CONCATENATED MODULE: ./src/surfaces/asset-types.ts

function deliveryState(attrs, key) {
    const s = attrs[key];
    return { state: (s?.state ?? 'AWAITING_UPLOAD'), errors: s?.errors ?? [] };
}
function readCommon(kind, r, stateKey) {
    const a = r.attributes ?? {};
    const { state, errors } = deliveryState(a, stateKey);
    const image = (a.imageAsset ?? a.previewFrameImage?.image);
    return {
        id: r.id,
        kind,
        fileName: String(a.fileName ?? ''),
        fileSize: Number(a.fileSize ?? 0),
        checksum: a.sourceFileChecksum ?? null,
        state,
        errors,
        uploadOperations: a.uploadOperations ?? undefined,
        templateUrl: image?.templateUrl
    };
}
const commit = (local) => ({ uploaded: true, sourceFileChecksum: local.md5 });
const SCREENSHOTS = {
    kind: 'screenshot',
    resource: 'appScreenshots',
    parentRelationship: 'appScreenshotSet',
    parentType: 'appScreenshotSets',
    set: { resource: 'appScreenshotSets', typeAttribute: 'screenshotDisplayType', items: 'appScreenshots' },
    ordered: true,
    maxItems: MAX_SCREENSHOTS_PER_SET,
    deletable: true,
    fields: 'fileName,fileSize,sourceFileChecksum,assetDeliveryState,imageAsset,uploadOperations',
    reserveAttributes: local => ({ fileName: local.fileName, fileSize: local.size }),
    commitAttributes: commit,
    read: r => readCommon('screenshot', r, 'assetDeliveryState')
};
const PREVIEWS = {
    kind: 'preview',
    resource: 'appPreviews',
    parentRelationship: 'appPreviewSet',
    parentType: 'appPreviewSets',
    set: { resource: 'appPreviewSets', typeAttribute: 'previewType', items: 'appPreviews' },
    ordered: true,
    maxItems: MAX_PREVIEWS_PER_SET,
    deletable: true,
    // videoDeliveryState replaces the deprecated assetDeliveryState for previews (REFERENCE.md §6).
    fields: 'fileName,fileSize,sourceFileChecksum,videoDeliveryState,previewFrameImage,previewFrameTimeCode,uploadOperations',
    reserveAttributes: (local, extra) => ({
        fileName: local.fileName,
        fileSize: local.size,
        ...(extra.frameTimeCode ? { previewFrameTimeCode: extra.frameTimeCode } : {}),
        mimeType: previewMime(local.fileName)
    }),
    commitAttributes: commit,
    read: r => readCommon('preview', r, 'videoDeliveryState')
};
function previewMime(fileName) {
    return /\.mov$/i.test(fileName) ? 'video/quicktime' : 'video/mp4';
}
const IMAGE_FIELDS = 'fileName,fileSize,sourceFileChecksum,assetDeliveryState,imageAsset,uploadOperations';
const FILE_FIELDS = 'fileName,fileSize,sourceFileChecksum,assetDeliveryState,uploadOperations';
const plain = (local) => ({ fileName: local.fileName, fileSize: local.size });
/** To-one on an App Clip default experience localization (REFERENCE.md 3e). */
const APP_CLIP_HEADER_IMAGES = {
    kind: 'app-clip-header-image',
    resource: 'appClipHeaderImages',
    parentRelationship: 'appClipDefaultExperienceLocalization',
    parentType: 'appClipDefaultExperienceLocalizations',
    ordered: false,
    maxItems: 1,
    deletable: true,
    slot: 'APP_CLIP_HEADER_IMAGE',
    fields: IMAGE_FIELDS,
    reserveAttributes: plain,
    commitAttributes: commit,
    read: r => readCommon('app-clip-header-image', r, 'assetDeliveryState')
};
/**
 * No parent, no list and no DELETE (REFERENCE.md 3f): read through the experience's headerImage,
 * replaced by uploading a new image and PATCHing the experience. The old image stays behind, orphaned,
 * by Apple's design: nothing in the API can delete it.
 */
const APP_CLIP_ADVANCED_IMAGES = {
    kind: 'app-clip-advanced-image',
    resource: 'appClipAdvancedExperienceImages',
    parentRelationship: null,
    parentType: null,
    ordered: false,
    maxItems: 1,
    deletable: false,
    slot: 'APP_CLIP_ADVANCED_EXPERIENCE_IMAGE',
    fields: IMAGE_FIELDS,
    reserveAttributes: plain,
    commitAttributes: commit,
    read: r => readCommon('app-clip-advanced-image', r, 'assetDeliveryState')
};
/** Unordered, to-many on the version's review detail (REFERENCE.md 3d); the relationship cannot be reordered. */
const REVIEW_ATTACHMENTS = {
    kind: 'review-attachment',
    resource: 'appStoreReviewAttachments',
    parentRelationship: 'appStoreReviewDetail',
    parentType: 'appStoreReviewDetails',
    ordered: false,
    // Apple publishes no limit; the list endpoint pages at 200.
    maxItems: 200,
    deletable: true,
    slot: 'REVIEW_ATTACHMENT',
    fields: FILE_FIELDS,
    reserveAttributes: plain,
    commitAttributes: commit,
    read: r => readCommon('review-attachment', r, 'assetDeliveryState')
};
/** To-one on the version (REFERENCE.md 3d): one .geojson per version. */
const ROUTING_COVERAGES = {
    kind: 'routing-coverage',
    resource: 'routingAppCoverages',
    parentRelationship: 'appStoreVersion',
    parentType: 'appStoreVersions',
    ordered: false,
    maxItems: 1,
    deletable: true,
    slot: 'ROUTING_APP_COVERAGE',
    fields: FILE_FIELDS,
    reserveAttributes: plain,
    commitAttributes: commit,
    read: r => readCommon('routing-coverage', r, 'assetDeliveryState')
};
const ASSET_TYPES = {
    screenshot: SCREENSHOTS,
    preview: PREVIEWS,
    'app-clip-header-image': APP_CLIP_HEADER_IMAGES,
    'app-clip-advanced-image': APP_CLIP_ADVANCED_IMAGES,
    'review-attachment': REVIEW_ATTACHMENTS,
    'routing-coverage': ROUTING_COVERAGES
};
/** Set-based kinds (screenshots, previews): the only ones with sets, display types and reorder. */
function isSetKind(kind) {
    return kind === 'screenshot' || kind === 'preview';
}

// EXTERNAL MODULE: ./src/asc/api-error.ts
var api_error = __webpack_require__(8102);
// EXTERNAL MODULE: ./src/asc/client.ts
var asc_client = __webpack_require__(9150);
// EXTERNAL MODULE: ./src/asc/http.ts + 2 modules
var http = __webpack_require__(872);
;// CONCATENATED MODULE: ./src/surfaces/create-or-adopt.ts
/**
 * A POST is never sent again blindly: when its answer was lost, the resource may exist. Read first,
 * adopt what is there, and only then create again — a bounded number of times.
 */

async function createOrAdopt(create, find, attempts = 3) {
    for (let attempt = 0;; attempt++) {
        try {
            return await create();
        }
        catch (e) {
            if (!(e instanceof http/* OutcomeUnknownError */.Do) || attempt >= attempts)
                throw e;
            const existing = await find();
            if (existing)
                return existing;
        }
    }
}

;// CONCATENATED MODULE: ./src/surfaces/sets.ts



const VERSION_LOCALIZATIONS = 'appStoreVersionLocalizations';
const CPP_LOCALIZATIONS = 'appCustomProductPageLocalizations';
const TREATMENT_LOCALIZATIONS = 'appStoreVersionExperimentTreatmentLocalizations';
/** The set's to-one relationship naming each kind of parent localization. */
const PARENT_RELATIONSHIP = {
    [VERSION_LOCALIZATIONS]: 'appStoreVersionLocalization',
    [CPP_LOCALIZATIONS]: 'appCustomProductPageLocalization',
    [TREATMENT_LOCALIZATIONS]: 'appStoreVersionExperimentTreatmentLocalization'
};
function setType(kind) {
    const t = ASSET_TYPES[kind];
    if (!t.set)
        throw new Error(`${kind} has no sets`);
    return t;
}
/** Reads every set of one kind on a localization, items in display order. One request. */
async function readLocalizationSets(client, localizationId, locale, kind, ownerType = VERSION_LOCALIZATIONS) {
    const t = setType(kind);
    const doc = await client.getAll(`/v1/${ownerType}/${localizationId}/${t.set.resource}`, {
        include: t.set.items,
        limit: 200,
        [`limit[${t.set.items}]`]: 50,
        [`fields[${t.set.resource}]`]: `${t.set.typeAttribute},${t.set.items}`,
        [`fields[${t.resource}]`]: t.fields
    });
    const included = (0,asc_client/* indexIncluded */.v)(doc);
    return doc.data.map(set => toRemoteSet(set, included, kind, locale, localizationId));
}
function toRemoteSet(set, included, kind, locale, localizationId) {
    const t = setType(kind);
    const assets = (0,asc_client/* toMany */.Pu)(set, t.set.items)
        .map(ref => included.get(`${ref.type}:${ref.id}`))
        .filter((r) => r !== undefined)
        .map(r => t.read(r));
    return { id: set.id, kind, locale, localizationId, setType: String(set.attributes?.[t.set.typeAttribute]), assets };
}
/** Creates a set; if the answer was lost, reads the localization and adopts the set if it exists. */
async function createSet(client, localizationId, locale, kind, type, ownerType = VERSION_LOCALIZATIONS) {
    const t = setType(kind);
    const body = {
        data: {
            type: t.set.resource,
            attributes: { [t.set.typeAttribute]: type },
            relationships: { [PARENT_RELATIONSHIP[ownerType] ?? 'appStoreVersionLocalization']: { data: { type: ownerType, id: localizationId } } }
        }
    };
    return createOrAdopt(async () => (await client.create(`/v1/${t.set.resource}`, body)).data.id, async () => (await readLocalizationSets(client, localizationId, locale, kind, ownerType)).find(s => s.setType === type)?.id);
}
async function reorderSet(client, kind, setId, assetIds) {
    const t = setType(kind);
    await client.update(`/v1/${t.set.resource}/${setId}/relationships/${t.set.items}`, {
        data: assetIds.map(id => ({ type: t.resource, id }))
    });
}

;// CONCATENATED MODULE: ./src/surfaces/containers.ts
/**
 * One common shape for every place media lives. A container is what holds a kind of asset under one
 * owner: a screenshot / preview set of a localization (version, custom product page or treatment), the
 * to-one header image of an App Clip localization, the to-one image of an advanced App Clip experience,
 * the unordered attachments of a review detail, the to-one routing coverage of a version. Each is read
 * into a RemoteSet, so plan/ and deliver/ never ask where media lives.
 */





/** A to-one GET when nothing exists: the spec is SILENT; accept both a 404 and `data: null`. */
async function readToOne(client, path, query) {
    try {
        const doc = await client.get(path, query);
        return doc.data ?? null;
    }
    catch (e) {
        if (e instanceof api_error/* AppleApiError */.P && e.status === 404)
            return null;
        throw e;
    }
}
/**
 * Reads the containers of `kind` under `owner`. Set kinds: every set of the localization (one request).
 * Other kinds: exactly one container whose id is the upload parent's id (the owner's, or the review
 * detail's), or none when the review detail does not exist yet.
 */
async function readContainers(client, owner, locale, kind, setTypeName) {
    const t = ASSET_TYPES[kind];
    if (isSetKind(kind))
        return owner.id ? readLocalizationSets(client, owner.id, locale, kind, owner.type) : [];
    if (!owner.id)
        return [];
    const one = (assets) => [{ id: owner.id, kind, locale, localizationId: owner.id, setType: setTypeName, assets }];
    switch (kind) {
        case 'app-clip-header-image': {
            const image = await readToOne(client, `/v1/appClipDefaultExperienceLocalizations/${owner.id}/appClipHeaderImage`, { 'fields[appClipHeaderImages]': t.fields });
            return one(image ? [t.read(image)] : []);
        }
        case 'routing-coverage': {
            const file = await readToOne(client, `/v1/appStoreVersions/${owner.id}/routingAppCoverage`, { 'fields[routingAppCoverages]': t.fields });
            return one(file ? [t.read(file)] : []);
        }
        case 'app-clip-advanced-image': {
            // No list endpoint: the experience's headerImage, included.
            const doc = await client.get(`/v1/appClipAdvancedExperiences/${owner.id}`, {
                include: 'headerImage',
                'fields[appClipAdvancedExperiences]': 'headerImage',
                'fields[appClipAdvancedExperienceImages]': t.fields
            });
            const ref = (0,asc_client/* toOne */.o$)(doc.data, 'headerImage');
            const image = ref && doc.included?.find(r => r.type === ref.type && r.id === ref.id);
            return one(image ? [t.read(image)] : []);
        }
        case 'review-attachment': {
            const doc = await client.getAll(`/v1/appStoreReviewDetails/${owner.id}/appStoreReviewAttachments`, { 'fields[appStoreReviewAttachments]': t.fields, limit: 200 });
            return one(doc.data.map(r => t.read(r)));
        }
        default:
            throw new Error(`no container reader for ${kind}`);
    }
}
/** The review detail of a version, or null when the version has none yet. */
async function findReviewDetail(client, versionId) {
    const detail = await readToOne(client, `/v1/appStoreVersions/${versionId}/appStoreReviewDetail`, { 'fields[appStoreReviewDetails]': 'appStoreVersion' });
    return detail?.id ?? null;
}
/**
 * Creates the review detail of a version, with no attributes: the action changes no review detail
 * field. Called only when there are attachments to upload. A lost answer is settled by reading.
 */
async function createReviewDetail(client, versionId) {
    const body = { data: { type: 'appStoreReviewDetails', relationships: { appStoreVersion: { data: { type: 'appStoreVersions', id: versionId } } } } };
    return createOrAdopt(async () => (await client.create('/v1/appStoreReviewDetails', body)).data.id, () => findReviewDetail(client, versionId));
}
/** Points an advanced App Clip experience at a newly committed image (the only way to attach one). */
async function attachAdvancedImage(client, experienceId, imageId) {
    await client.update(`/v1/appClipAdvancedExperiences/${experienceId}`, {
        data: {
            type: 'appClipAdvancedExperiences',
            id: experienceId,
            relationships: { headerImage: { data: { type: 'appClipAdvancedExperienceImages', id: imageId } } }
        }
    });
}
/** The items of an upload parent, for recovering a reservation whose answer was lost. */
async function listParentItems(client, parent) {
    if (!parent)
        return []; // advanced experience images: no parent to search; a lost reservation only leaves an orphan
    const kind = Object.keys(ASSET_TYPES).find(k => ASSET_TYPES[k].parentType === parent.type);
    if (!kind)
        return [];
    const t = ASSET_TYPES[kind];
    if (t.set) {
        const doc = await client.getAll(`/v1/${t.set.resource}/${parent.id}/${t.set.items}`, { [`fields[${t.resource}]`]: t.fields, limit: 200 });
        return doc.data.map(r => t.read(r));
    }
    const owner = { type: parent.type, id: parent.id };
    return (await readContainers(client, owner, '', kind, t.slot ?? kind)).flatMap(c => c.assets);
}

;// CONCATENATED MODULE: ./src/media/buffer-pool.ts
/**
 * Reusable read buffers. A fresh buffer per file costs the kernel fresh pages (faulted in and zeroed,
 * then unmapped when collected) and the collector external memory to chase: for a release's hundreds
 * of screenshots, more CPU than reading them (on the bench machine, W1's local checks took 80 ms less
 * once their windows were reused). Whoever gives a buffer back must be done with it: upload bodies
 * come back only once their parts are acknowledged (see uploadAsset), so no socket still reads them.
 */
const MiB = 1024 * 1024;
class BufferPool {
    maxIdle;
    granule;
    idle = [];
    /**
     * `maxIdle`: buffers kept for reuse (more given back are left to the collector); `granule`: the
     * capacities handed out are its multiples, so a buffer fits the next file of a similar size.
     */
    constructor(maxIdle, granule = MiB) {
        this.maxIdle = maxIdle;
        this.granule = granule;
    }
    /** A buffer of exactly `size` bytes (a view of a pooled one, whose capacity is a multiple of the granule). */
    take(size) {
        let best = -1;
        for (let i = 0; i < this.idle.length; i++) {
            const cap = this.idle[i].length;
            if (cap >= size && (best < 0 || cap < this.idle[best].length))
                best = i;
        }
        const whole = best >= 0 ? this.idle.splice(best, 1)[0] : Buffer.allocUnsafe(Math.max(1, Math.ceil(size / this.granule)) * this.granule);
        return whole.subarray(0, size);
    }
    /** Hands a buffer from `take` back; the caller must not touch it afterwards. */
    give(view) {
        if (this.idle.length >= this.maxIdle || this.idle.some(b => b.buffer === view.buffer))
            return;
        // The pooled buffer is the view's whole backing store (take never offsets into it).
        this.idle.push(Buffer.from(view.buffer, view.byteOffset, view.buffer.byteLength - view.byteOffset));
    }
    get idleCount() {
        return this.idle.length;
    }
}
/** For short-lived reads that end before their caller returns: the local checks' windows and hashing. */
const scratchBuffers = new BufferPool(16, 256 * 1024);

;// CONCATENATED MODULE: ./src/deliver/limit.ts
/** A FIFO concurrency limit for tasks (files in flight). FIFO matters: see execute.ts's reservation chains. */
function createLimit(max) {
    let active = 0;
    const queue = [];
    const next = () => {
        if (active >= max)
            return;
        const run = queue.shift();
        if (run) {
            active++;
            run();
        }
    };
    return task => new Promise((resolve, reject) => {
        queue.push(() => {
            task()
                .then(resolve, reject)
                .finally(() => {
                active--;
                next();
            });
        });
        next();
    });
}

// EXTERNAL MODULE: ./src/asc/retry.ts
var retry = __webpack_require__(3843);
;// CONCATENATED MODULE: ./src/deliver/poller.ts
/**
 * Waits for Apple's processing by listing containers (one request covers every asset of a
 * localization and kind), not by asking for each asset, bounded by the processing timeout.
 *
 * Polls are scheduled, not repeated blindly: each container is read when its newest pending asset
 * should be done (commit time + the expected processing time), so a good estimate costs exactly one
 * listing per container. The estimate starts at `initialDelayMs` and is learned: a listing that still
 * shows an asset processing proves processing takes longer than it has had, and the estimate grows
 * past that (by `factor`, at most `maxDelayMs` beyond what was proven). Until one listing has shown
 * a container finished, containers due at the same moment are not all read at once: one goes first
 * (a probe), and the others follow only if it was done — a wrong guess then costs one request per
 * round, not one per container.
 */

const TERMINAL = new Set(['COMPLETE', 'FAILED']);
/** Never list a container again sooner than this after the last listing showed it unfinished. */
const MIN_GAP_MS = 50;
/** pending: asset id → the key of the PollTarget whose listing holds it. */
async function waitForProcessing(pending, targets, options) {
    const now = options.now ?? Date.now;
    const random = options.random ?? Math.random;
    const sleep = options.sleep ?? retry/* sleep */.yy;
    const maxDelay = options.maxDelayMs ?? 10_000;
    const factor = options.factor ?? 1.6;
    const start = now();
    const deadline = start + options.timeoutMs;
    const result = { assets: new Map(), listings: new Map(), timedOut: [] };
    const waiting = new Map(pending);
    const since = (id) => options.committedAt?.get(id) ?? start;
    /** Expected processing time, learned from listings. */
    let estimate = Math.max(0, options.initialDelayMs ?? 500);
    /** Jitter only lengthens a wait (up to 10 %), so runs spread out without polling too early. */
    const stretch = 1 + random() * 0.1;
    /** Per container: not before this time (after a listing showed it unfinished). */
    const notBefore = new Map();
    let confirmed = false;
    let finalRound = false;
    const dueOf = (key) => {
        let newest = -Infinity;
        for (const [id, k] of waiting)
            if (k === key)
                newest = Math.max(newest, since(id));
        return Math.max(newest + estimate * stretch, notBefore.get(key) ?? -Infinity);
    };
    while (waiting.size > 0) {
        const keys = [...new Set(waiting.values())];
        const due = new Map(keys.map(k => [k, dueOf(k)]));
        let earliest = Math.min(...due.values());
        if (earliest > deadline) {
            // One last look at the deadline, so what finished just before it is not reported as timed out.
            if (finalRound)
                break;
            finalRound = true;
            earliest = deadline;
            for (const k of keys)
                due.set(k, deadline);
        }
        const wait = earliest - now();
        if (wait > 0)
            await sleep(wait);
        const t = now();
        let ready = keys.filter(k => due.get(k) <= t + 1);
        if (!ready.length)
            continue;
        // Probe: until a listing has shown a container done, read only the one most likely to finish last.
        const probing = !confirmed && !finalRound && ready.length > 1;
        if (probing)
            ready = [ready.reduce((a, b) => (due.get(b) >= due.get(a) ? b : a))];
        options.onRound?.(waiting.size);
        const done = await Promise.all(ready.map(async (key) => record(result, waiting, key, await targets.get(key).read())));
        if (finalRound)
            break;
        const stillPending = ready.filter((_, i) => !done[i]);
        if (stillPending.length < ready.length)
            confirmed = true;
        if (stillPending.length) {
            // Processing takes longer than the oldest pending asset has had: wait past that, boundedly.
            const proven = Math.max(...[...waiting].filter(([, k]) => stillPending.includes(k)).map(([id]) => t - since(id)));
            estimate = Math.max(estimate, Math.min(proven * factor, proven + maxDelay));
            const gap = Math.max(MIN_GAP_MS, Math.min(maxDelay, estimate - proven));
            for (const k of stillPending)
                notBefore.set(k, t + gap);
        }
    }
    result.timedOut = [...waiting.keys()];
    return result;
}
/** Records a listing; true when the container has nothing left to wait for. */
function record(result, waiting, key, listing) {
    result.listings.set(key, listing);
    const seen = new Map();
    for (const items of listing.values())
        for (const a of items)
            seen.set(a.id, a);
    let left = false;
    for (const [id, k] of waiting) {
        if (k !== key)
            continue;
        const a = seen.get(id);
        // An asset missing from its container's listing was deleted by someone else: stop waiting for it.
        if (!a) {
            waiting.delete(id);
            continue;
        }
        result.assets.set(id, a);
        if (TERMINAL.has(a.state))
            waiting.delete(id);
        else
            left = true;
    }
    return !left;
}

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
;// CONCATENATED MODULE: ./src/media/media-error.ts
class MediaError extends Error {
    reason;
    name = 'MediaError';
    constructor(reason, message) {
        super(message);
        this.reason = reason;
    }
}
/** Turns fs errors (ENOENT, EISDIR, EACCES) into MediaError so callers have one thing to catch. */
function unreadable(path, err) {
    if (err instanceof MediaError)
        return err;
    const code = err?.code;
    const why = code === 'ENOENT' ? 'does not exist' : code === 'EISDIR' ? 'is a directory' : code === 'EACCES' ? 'is not readable (permission denied)' : `could not be read (${code ?? String(err)})`;
    return new MediaError('unreadable', `${path} ${why}`);
}

// EXTERNAL MODULE: ./node_modules/image-size/dist/esm/index.js + 25 modules
var esm = __webpack_require__(2013);
// EXTERNAL MODULE: external "node:zlib"
var external_node_zlib_ = __webpack_require__(8522);
;// CONCATENATED MODULE: ./src/media/crc32.ts
/**
 * CRC-32 (IEEE, as PNG uses it). zlib.crc32 (native, about 10× faster: the PNG walk checks every
 * byte of every screenshot) where Node has it, from 20.15 / 22.2; a 256-entry table before that.
 */

const crc32_native = external_node_zlib_.crc32;
const TABLE = buildTable();
function buildTable() {
    const table = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
        let c = n;
        for (let k = 0; k < 8; k++)
            c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
        table[n] = c >>> 0;
    }
    return table;
}
/** Feeds `bytes` into a running CRC. Start with 0; the result of one call is the input to the next. */
function crc32(bytes, previous = 0) {
    if (crc32_native)
        return crc32_native(bytes, previous) >>> 0;
    return tableCrc32(bytes, previous);
}
/** The portable version (Node before 20.15); exported so tests can compare the two. */
function tableCrc32(bytes, previous = 0) {
    let c = (previous ^ 0xffffffff) >>> 0;
    for (let i = 0; i < bytes.length; i++)
        c = TABLE[(c ^ bytes[i]) & 0xff] ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
}

;// CONCATENATED MODULE: ./src/media/window-reader.ts

/**
 * Positional reads through one reusable window, so walking many small chunks or markers costs few
 * syscalls and memory stays bounded by the window however big the file is.
 */
class WindowReader {
    fh;
    size;
    windowSize;
    buf;
    start = 0;
    end = 0;
    constructor(fh, size, windowSize = 256 * 1024) {
        this.fh = fh;
        this.size = size;
        this.windowSize = windowSize;
        // Checking hundreds of files one window each: reused windows touch no fresh pages.
        this.buf = scratchBuffers.take(windowSize);
    }
    /** Hands the window on to a later reader; neither this reader nor a view it returned may be used afterwards. */
    release() {
        scratchBuffers.give(this.buf);
    }
    /**
     * Returns up to `length` bytes at `pos` (fewer only at end of file). The view is valid until the
     * next call, because the window is reused.
     */
    async bytes(pos, length) {
        if (length > this.windowSize)
            throw new RangeError(`read of ${length} bytes exceeds the window`);
        const want = Math.min(length, Math.max(0, this.size - pos));
        if (pos < this.start || pos + want > this.end) {
            const n = Math.min(this.windowSize, this.size - pos);
            const { bytesRead } = await this.fh.read(this.buf, 0, Math.max(0, n), pos);
            this.start = pos;
            this.end = pos + bytesRead;
        }
        const from = pos - this.start;
        return this.buf.subarray(from, from + Math.min(want, this.end - pos));
    }
}

;// CONCATENATED MODULE: ./src/media/image.ts
/**
 * Reads the facts App Store Connect cares about from a screenshot file: its real format (from the
 * bytes, not the extension), pixel size and whether it carries alpha. PNGs are fully walked
 * (every chunk's length and CRC through IEND) because a damaged upload is only reported by Apple
 * minutes later as a processing failure; catching it here fails fast and names the file.
 */





const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
/** Valid bit depths per PNG colour type (PNG spec, table 11.1). */
const PNG_DEPTHS = { 0: [1, 2, 4, 8, 16], 2: [8, 16], 3: [1, 2, 4, 8], 4: [8, 16], 6: [8, 16] };
async function probeImage(path) {
    let fh;
    let reader;
    try {
        fh = await (0,promises_.open)(path, 'r');
        const size = (await fh.stat()).size;
        if (size === 0)
            throw new MediaError('empty', `${path} is empty (0 bytes)`);
        reader = new WindowReader(fh, size);
        const head = Buffer.from(await reader.bytes(0, Math.min(size, 64 * 1024)));
        if (head.subarray(0, 8).equals(PNG_SIGNATURE))
            return await walkPng(reader, path);
        if (head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff)
            return await walkJpeg(reader, path);
        throw notPngOrJpeg(path, head);
    }
    catch (err) {
        throw unreadable(path, err);
    }
    finally {
        reader?.release();
        await fh?.close();
    }
}
/** Names what the file really is when image-size recognises it, so "it's a WebP" is obvious. */
function notPngOrJpeg(path, head) {
    let type;
    try {
        type = (0,esm/* imageSize */.R9)(head).type;
    }
    catch {
        type = undefined;
    }
    if (type)
        return new MediaError('unsupported-image', `${path} is a ${type.toUpperCase()} image; only PNG and JPEG are accepted`);
    return new MediaError('not-image', `${path} is not a PNG or JPEG image (its first bytes match neither format)`);
}
async function walkPng(reader, path) {
    let pos = 8;
    let header;
    let sawTrns = false;
    let sawIdat = false;
    for (;;) {
        if (pos + 8 > reader.size)
            throw truncatedPng(path, header ? 'the IEND chunk' : 'the IHDR chunk');
        const chunkHead = await reader.bytes(pos, 8);
        const length = chunkHead.readUInt32BE(0);
        const type = chunkHead.toString('latin1', 4, 8);
        if (!/^[A-Za-z]{4}$/.test(type) || length > 0x7fffffff) {
            throw new MediaError('corrupt', `${path} is a damaged PNG: bad chunk header at byte ${pos}`);
        }
        if (pos + 12 + length > reader.size)
            throw truncatedPng(path, `the ${type} chunk`);
        if (!header && type !== 'IHDR')
            throw new MediaError('corrupt', `${path} is a damaged PNG: the first chunk is ${type}, not IHDR`);
        await verifyChunkCrc(reader, path, pos, length, type);
        if (type === 'IHDR')
            header = await readIhdr(reader, path, pos, length);
        if (type === 'tRNS')
            sawTrns = true;
        if (type === 'IDAT')
            sawIdat = true;
        if (type === 'IEND')
            break;
        pos += 12 + length;
    }
    if (!header || !sawIdat)
        throw new MediaError('corrupt', `${path} is a damaged PNG: it has no image data (IDAT)`);
    return { format: 'png', width: header.width, height: header.height, hasAlpha: header.colorType === 4 || header.colorType === 6 || sawTrns };
}
function truncatedPng(path, what) {
    return new MediaError('truncated', `${path} is a truncated PNG: the file ends inside ${what} (incomplete download or copy?)`);
}
/** The CRC covers type + data; data can be megabytes, so it is fed through the window in pieces. */
async function verifyChunkCrc(reader, path, pos, length, type) {
    let crc = crc32(await reader.bytes(pos + 4, 4));
    for (let done = 0; done < length;) {
        const piece = await reader.bytes(pos + 8 + done, Math.min(reader.windowSize, length - done));
        crc = crc32(piece, crc);
        done += piece.length;
    }
    const stored = (await reader.bytes(pos + 8 + length, 4)).readUInt32BE(0);
    if (stored !== crc) {
        throw new MediaError('corrupt', `${path} is a damaged PNG: the ${type} chunk at byte ${pos} fails its CRC check`);
    }
}
async function readIhdr(reader, path, pos, length) {
    const d = await reader.bytes(pos + 8, 13);
    const width = d.readUInt32BE(0);
    const height = d.readUInt32BE(4);
    const depth = d[8];
    const colorType = d[9];
    const valid = length === 13 && width > 0 && height > 0 && PNG_DEPTHS[colorType]?.includes(depth) && d[10] === 0 && d[11] === 0 && d[12] <= 1;
    if (!valid)
        throw new MediaError('corrupt', `${path} is a damaged PNG: its IHDR header has invalid values`);
    return { width, height, colorType };
}
/** SOF0–SOF15 carry the frame size, except C4 (DHT), C8 (reserved JPG) and CC (DAC). */
function isStartOfFrame(marker) {
    return marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
}
/** Markers without a length field: TEM, RST0–7, SOI. */
function isStandalone(marker) {
    return marker === 0x01 || (marker >= 0xd0 && marker <= 0xd8);
}
async function walkJpeg(reader, path) {
    const damaged = (why) => new MediaError('corrupt', `${path} is a damaged JPEG: ${why}`);
    const truncated = () => new MediaError('truncated', `${path} is a truncated JPEG: the file ends before the image size is declared`);
    let pos = 2;
    for (;;) {
        // Markers may be preceded by any number of 0xFF fill bytes.
        const probe = await reader.bytes(pos, 64);
        if (probe.length < 2)
            throw truncated();
        if (probe[0] !== 0xff)
            throw damaged(`expected a marker at byte ${pos}`);
        let i = 0;
        while (i < probe.length && probe[i] === 0xff)
            i++;
        if (i >= probe.length)
            throw i === 64 ? damaged(`too many fill bytes at byte ${pos}`) : truncated();
        const marker = probe[i];
        pos += i + 1;
        if (isStandalone(marker))
            continue;
        if (marker === 0xd9 || marker === 0xda)
            throw damaged('no frame header (SOF) before the image data');
        const seg = await reader.bytes(pos, 9);
        if (seg.length < 2)
            throw truncated();
        const length = seg.readUInt16BE(0);
        if (length < 2)
            throw damaged(`segment at byte ${pos} has an invalid length`);
        if (pos + length > reader.size)
            throw truncated();
        if (isStartOfFrame(marker)) {
            if (length < 8 || seg.length < 7)
                throw damaged('the frame header (SOF) is too short');
            const height = seg.readUInt16BE(3);
            const width = seg.readUInt16BE(5);
            if (width === 0 || height === 0)
                throw damaged('the frame header declares a zero width or height');
            return { format: 'jpeg', width, height, hasAlpha: false };
        }
        pos += length;
    }
}

;// CONCATENATED MODULE: ./src/media/iso-boxes.ts
/** Far more than any real movie has; stops a corrupt file from making us walk forever. */
const MAX_TOP_LEVEL_BOXES = 10_000;
/** Throws a plain Error with a reason for headers that make no sense; callers wrap it. */
async function readTopLevelBoxes(fh, fileSize) {
    const boxes = [];
    const head = Buffer.alloc(16);
    for (let pos = 0; pos + 8 <= fileSize;) {
        if (boxes.length >= MAX_TOP_LEVEL_BOXES)
            throw new Error(`more than ${MAX_TOP_LEVEL_BOXES} top-level boxes`);
        const { bytesRead } = await fh.read(head, 0, 16, pos);
        const small = head.readUInt32BE(0);
        const type = head.toString('latin1', 4, 8);
        if (small === 1 && bytesRead < 16)
            throw new Error(`the ${type} box header at byte ${pos} is cut off`);
        // size 0 means "to the end of the file"; size 1 means a 64-bit size follows the type.
        const size = small === 0 ? fileSize - pos : small === 1 ? Number(head.readBigUInt64BE(8)) : small;
        if (size < (small === 1 ? 16 : 8))
            throw new Error(`the box at byte ${pos} declares an impossible size (${size})`);
        boxes.push({ type, start: pos, size, truncated: pos + size > fileSize });
        pos += size;
    }
    return boxes;
}

;// CONCATENATED MODULE: ./src/media/video.ts
/**
 * Reads an app preview's container facts with mp4box (gpac's ISO-BMFF parser). Only box headers
 * and the ftyp/moov boxes are read, so media data and padding (mdat, free) are skipped wherever
 * they sit: a 500 MB preview costs a few small reads and little memory.
 */



const SLICE = 512 * 1024;
/** A 30 s preview's moov is well under 1 MB; far beyond that the header is damaged, not big. */
const MAX_MOOV_BYTES = 64 * 1024 * 1024;
/** Top-level boxes an ISO-BMFF / QuickTime file can start with; anything else is not a movie. */
const FIRST_BOXES = new Set(['ftyp', 'moov', 'mdat', 'free', 'skip', 'wide', 'pnot', 'uuid', 'styp']);
const BRAND_CONTAINERS = { qt: 'mov', M4V: 'm4v', M4VH: 'm4v', M4VP: 'm4v' };
async function probeVideo(path) {
    let fh;
    try {
        fh = await (0,promises_.open)(path, 'r');
        const size = (await fh.stat()).size;
        if (size === 0)
            throw new MediaError('empty', `${path} is empty (0 bytes)`);
        const boxes = await movieLayout(fh, path, size);
        const { movie, majorBrand } = await parseMovie(fh, path, boxes);
        return describeMovie(movie, majorBrand, path);
    }
    catch (err) {
        throw unreadable(path, err);
    }
    finally {
        await fh?.close();
    }
}
/** The top-level boxes, after checking the file is a movie whose moov is complete. */
async function movieLayout(fh, path, size) {
    const head = Buffer.alloc(8);
    await fh.read(head, 0, 8, 0);
    if (size < 8 || !FIRST_BOXES.has(head.toString('latin1', 4, 8))) {
        throw new MediaError('not-video', `${path} is not an MP4/MOV video (no ISO media box at the start of the file)`);
    }
    const boxes = await readTopLevelBoxes(fh, size).catch((err) => {
        throw new MediaError('corrupt', `${path} is a damaged video: ${err.message}`);
    });
    const cut = boxes.find(b => b.truncated);
    if (cut)
        throw new MediaError('truncated', `${path} is a truncated video: the file ends inside its ${cut.type} box (incomplete export or copy?)`);
    const moov = boxes.find(b => b.type === 'moov');
    if (!moov)
        throw new MediaError('corrupt', `${path} is a damaged video: it has no movie header (moov box)`);
    if (moov.size > MAX_MOOV_BYTES)
        throw new MediaError('corrupt', `${path} is a damaged video: its movie header claims ${moov.size} bytes`);
    return boxes;
}
/**
 * Hands mp4box only ftyp and moov, back to back as one contiguous stream (fileStart is a position
 * in that stream, not in the file). Every fact we report lives there, and it avoids a stall:
 * mp4box skips a large mdat by itself, but for any other large top-level box (free/skip/wide
 * padding) it asks for the box's end and then waits forever for the bytes in between.
 */
async function parseMovie(fh, path, boxes) {
    const wanted = ['ftyp', 'moov'].flatMap(type => boxes.find(b => b.type === type) ?? []);
    const total = wanted.reduce((n, b) => n + b.size, 0);
    // Loaded on first use: start-up (and every run without a preview) does not pay for parsing mp4box.
    const { createFile, MP4BoxBuffer } = await loadMp4box();
    const file = createFile();
    let movie;
    let failure;
    const logged = [];
    file.onReady = info => (movie = info);
    file.onError = (_module, message) => (failure = message);
    let streamPos = 0;
    for (const box of wanted) {
        for (let done = 0; done < box.size && !movie && !failure;) {
            const length = Math.min(SLICE, box.size - done);
            const slice = new ArrayBuffer(length);
            const { bytesRead } = await fh.read(new Uint8Array(slice), 0, length, box.start + done);
            if (bytesRead !== length)
                throw new MediaError('truncated', `${path} is a truncated video: it changed while being read`);
            const buffer = MP4BoxBuffer.fromArrayBuffer(slice, streamPos);
            quietly(logged, () => file.appendBuffer(buffer, streamPos + length >= total), path);
            streamPos += length;
            done += length;
        }
    }
    if (!movie)
        quietly(logged, () => file.flush(), path);
    if (!movie) {
        const detail = failure ?? logged.at(-1);
        const why = `its movie header (moov) could not be parsed${detail ? ` (${detail})` : ''}`;
        throw new MediaError('corrupt', `${path} is a damaged video: ${why}`);
    }
    return { movie, majorBrand: file.ftyp?.major_brand ?? '' };
}
let mp4box;
const loadMp4box = () => (mp4box ??= __webpack_require__.e(/* import() */ 111).then(__webpack_require__.bind(__webpack_require__, 1111)));
/**
 * mp4box reports every box it does not know (QuickTime '©swr' metadata, vendor boxes) through
 * console.error and has no level to silence it; in an Action log that reads as a failure. appendBuffer
 * is synchronous, so swapping console.error just around it cannot swallow anyone else's output.
 * Exceptions from inside mp4box become MediaError 'corrupt'.
 */
function quietly(sink, run, path) {
    const original = console.error;
    console.error = (...args) => void sink.push(args.map(String).slice(-1).join(' '));
    try {
        return run();
    }
    catch (err) {
        // mp4box throws plain TypeErrors on some damaged headers (e.g. a moov without mvhd).
        throw new MediaError('corrupt', `${path} is a damaged video: its movie header (moov) could not be parsed (${err.message})`);
    }
    finally {
        console.error = original;
    }
}
function describeMovie(movie, majorBrand, path) {
    const video = movie.videoTracks[0];
    if (!video)
        throw new MediaError('no-video-track', `${path} has no video track`);
    const audio = movie.audioTracks[0];
    const brand = majorBrand.trim();
    const [width, height] = displaySize(video);
    const trackSeconds = video.timescale ? video.samples_duration / video.timescale : 0;
    const movieSeconds = movie.timescale ? movie.duration / movie.timescale : 0;
    return {
        container: brand === '' ? 'mov' : (BRAND_CONTAINERS[brand] ?? (/^(iso|mp4|avc|dash)/.test(brand) ? 'mp4' : brand)),
        brand,
        width,
        height,
        durationSeconds: round(movieSeconds || trackSeconds, 3),
        // Average rate over the track's own media time, so an edit list or a longer audio track cannot skew it.
        fps: trackSeconds > 0 ? round(video.nb_samples / trackSeconds, 3) : 0,
        videoCodec: video.codec,
        hasAudio: Boolean(audio),
        ...(audio ? { audioCodec: audio.codec, audioChannels: audio.audio?.channel_count } : {})
    };
}
/**
 * tkhd width/height already include pixel aspect; a matrix whose a and d are zero rotates by
 * 90° or 270° (how phones store portrait video), which swaps the displayed width and height.
 */
function displaySize(track) {
    const w = Math.round(track.track_width || track.video?.width || 0);
    const h = Math.round(track.track_height || track.video?.height || 0);
    const m = track.matrix;
    const rotated = m && m[0] === 0 && m[4] === 0 && m[1] !== 0 && m[3] !== 0;
    return rotated ? [h, w] : [w, h];
}
function round(value, digits) {
    const f = 10 ** digits;
    return Math.round(value * f) / f;
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: external "node:stream"
var external_node_stream_ = __webpack_require__(7075);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
// EXTERNAL MODULE: external "node:worker_threads"
var external_node_worker_threads_ = __webpack_require__(5919);
;// CONCATENATED MODULE: ./src/media/hash-pool.ts
/**
 * Worker threads for hashing whole files when several are hashed at once: a run that finds nothing
 * changed must still hash every file to compare it with Apple's checksums, and MD5 runs at a few
 * hundred MB/s on one core. A hash runs on the calling thread whenever that is free, so a run that
 * hashes one file at a time (a single big preview) starts no worker and costs no memory for one.
 *
 * The worker is plain JavaScript evaluated from a string: it runs the same in the bundle, under tsx
 * and under jest, with no file of its own to locate.
 */


const WORKER_SOURCE = `
const { parentPort } = require('node:worker_threads')
const { createHash } = require('node:crypto')
const { openSync, readSync, closeSync } = require('node:fs')
const buf = Buffer.allocUnsafe(1024 * 1024)
parentPort.on('message', ({ path, sha256 }) => {
  let fd
  try {
    const md5 = createHash('md5')
    const sha = sha256 ? createHash('sha256') : undefined
    fd = openSync(path, 'r')
    for (let n; (n = readSync(fd, buf, 0, buf.length, null)) > 0; ) {
      const view = buf.subarray(0, n)
      md5.update(view)
      if (sha) sha.update(view)
    }
    parentPort.postMessage({ md5: md5.digest('hex'), sha256: sha ? sha.digest('hex') : undefined })
  } catch (e) {
    parentPort.postMessage({ error: { message: String((e && e.message) || e), code: e && e.code } })
  } finally {
    if (fd !== undefined) closeSync(fd)
  }
})
`;
class HashWorker {
    worker;
    job;
    constructor(source, onBroken) {
        this.worker = new external_node_worker_threads_.Worker(source, { eval: true });
        this.worker.on('message', (m) => {
            const job = this.job;
            this.job = undefined;
            this.worker.unref();
            if (m.error)
                job?.reject(Object.assign(new Error(m.error.message), m.error.code ? { code: m.error.code } : {}));
            else
                job?.resolve(m.sha256 ? { md5: m.md5, sha256: m.sha256 } : { md5: m.md5 });
        });
        let gone = false;
        // 'error' is followed by 'exit': report the thread gone once.
        const broken = (e) => {
            this.job?.reject(new HashWorkerError(`the hashing thread stopped (${e instanceof Error ? e.message : String(e)})`));
            this.job = undefined;
            if (!gone)
                onBroken(this);
            gone = true;
        };
        this.worker.on('error', broken);
        this.worker.on('exit', code => broken(new Error(`exit code ${code}`)));
        // An idle worker keeps neither the action nor a test run alive (a busy one does: the answer is
        // awaited). After the listeners: adding a 'message' listener refs the worker again.
        this.worker.unref();
    }
    get busy() {
        return this.job !== undefined;
    }
    hash(path, sha256) {
        this.worker.ref();
        return new Promise((resolve, reject) => {
            this.job = { resolve, reject };
            this.worker.postMessage({ path, sha256 });
        });
    }
    terminate() {
        this.worker.removeAllListeners('exit');
        return this.worker.terminate();
    }
}
/** A worker thread failed (not the file): the caller hashes in its own thread instead. */
class HashWorkerError extends Error {
    name = 'HashWorkerError';
}
/**
 * Runs hashes one at a time on the calling thread and, while that one is busy, one per worker; the
 * rest wait for whichever frees first. A worker thread that fails is not used again: its file, and
 * every later one, is hashed on the calling thread.
 */
class HashPool {
    size;
    source;
    workers = [];
    queue = [];
    hereBusy = false;
    broken = false;
    /**
     * `size`: most worker threads; by default one fewer than the machine's cores, at most 3. `source`:
     * the worker's code (tests pass one that fails, to see the calling thread take over).
     */
    constructor(size = Math.max(0, Math.min(3, (0,external_node_os_.availableParallelism)() - 1)), source = WORKER_SOURCE) {
        this.size = size;
        this.source = source;
    }
    /** The hashes of `path`; `here` computes them on the calling thread. */
    run(path, sha256, here) {
        return new Promise((resolve, reject) => {
            this.queue.push({ path, sha256, here, resolve, reject });
            this.dispatch();
        });
    }
    async close() {
        this.broken = true;
        await Promise.all(this.workers.splice(0).map(w => w.terminate()));
    }
    dispatch() {
        while (this.queue.length > 0) {
            if (!this.hereBusy) {
                const job = this.queue.shift();
                this.hereBusy = true;
                // Free before answering: a caller that hashes its next file on the answer finds this thread free.
                const free = () => {
                    this.hereBusy = false;
                    this.dispatch();
                };
                job.here().then(h => (free(), job.resolve(h)), e => (free(), job.reject(e)));
                continue;
            }
            const worker = this.idleWorker();
            if (!worker)
                return;
            const job = this.queue.shift();
            worker
                .hash(job.path, job.sha256)
                .catch(e => (e instanceof HashWorkerError ? job.here() : Promise.reject(e)))
                .then(job.resolve, job.reject)
                .finally(() => this.dispatch());
        }
    }
    idleWorker() {
        if (this.broken)
            return undefined;
        const idle = this.workers.find(w => !w.busy);
        if (idle || this.workers.length >= this.size)
            return idle;
        try {
            const w = new HashWorker(this.source, gone => {
                // One broken thread means threads are not to be trusted here: hash on the calling thread from now on.
                this.broken = true;
                this.workers = this.workers.filter(x => x !== gone);
            });
            this.workers.push(w);
            return w;
        }
        catch {
            this.broken = true;
            return undefined;
        }
    }
}

;// CONCATENATED MODULE: ./src/media/files.ts
/**
 * File facts every asset needs (size, MD5, names) and the byte-range reader the uploader streams
 * parts from. Everything streams: previews can be 500 MB and several run at once.
 */







/** Per-read buffer: big enough for few syscalls, small enough that parallel uploads stay lean. */
const READ_CHUNK_BYTES = 256 * 1024;
/** Hashing reads through one buffer per call (no stream, no per-chunk allocation): a 500 MB preview stays flat in memory. */
const HASH_CHUNK_BYTES = 1024 * 1024;
/** Several files hashed at once share the machine's cores (see hash-pool). */
const hashPool = new HashPool();
/**
 * Lower-case hex MD5 (and, when asked, SHA-256) of the whole file, in one read pass through a single
 * reused buffer, on a worker thread when another file is being hashed already. SHA-256 is only for the
 * asset library's content marker: sets mode skips its cost.
 */
function hashFile(path, withSha256 = true) {
    return hashPool.run(path, withSha256, () => hashHere(path, withSha256));
}
async function hashHere(path, withSha256) {
    const md5 = (0,external_node_crypto_.createHash)('md5');
    const sha256 = withSha256 ? (0,external_node_crypto_.createHash)('sha256') : undefined;
    const fh = await (0,promises_.open)(path, 'r');
    let buf;
    try {
        const size = (await fh.stat()).size;
        buf = scratchBuffers.take(Math.max(1, Math.min(HASH_CHUNK_BYTES, size)));
        for (let pos = 0;;) {
            const { bytesRead } = await fh.read(buf, 0, buf.length, pos);
            if (bytesRead === 0)
                break;
            const view = buf.subarray(0, bytesRead);
            md5.update(view);
            sha256?.update(view);
            pos += bytesRead;
        }
    }
    finally {
        if (buf)
            scratchBuffers.give(buf);
        await fh.close();
    }
    return sha256 ? { md5: md5.digest('hex'), sha256: sha256.digest('hex') } : { md5: md5.digest('hex') };
}
/**
 * `path` may be absolute or relative to the process; displayPath is relative to `workspace`.
 * `hash: false` leaves the hashes to `ensureHashed`, so a run that only uploads does not read every
 * file before its first request.
 */
async function describeFile(path, workspace, options = {}) {
    const info = await (0,promises_.stat)(path);
    if (!info.isFile())
        throw new Error(`${path} is not a regular file`);
    const local = { path, displayPath: toDisplayPath(path, workspace), fileName: (0,external_node_path_.basename)(path), size: info.size };
    return options.hash === false ? local : ensureHashed(local, options.sha256 ?? true);
}
/** ensureHashed for a file already read whole into memory: its MD5 without a second read. */
function hashLoaded(local, bytes) {
    local.md5 ??= (0,external_node_crypto_.createHash)('md5').update(bytes).digest('hex');
    return local;
}
const hashing = new WeakMap();
/** Fills in `local.md5` (and `sha256` when asked), reading the file once however many callers ask. */
function ensureHashed(local, withSha256 = false) {
    if (local.md5 && (!withSha256 || local.sha256))
        return Promise.resolve(local);
    const pending = hashing.get(local);
    if (pending && !withSha256)
        return pending;
    const next = hashFile(local.path, withSha256).then(h => Object.assign(local, h));
    hashing.set(local, next);
    return next;
}
/** Workspace-relative with forward slashes (what users see in annotations on every OS). */
function toDisplayPath(path, workspace) {
    const rel = (0,external_node_path_.relative)(workspace, path);
    // Outside the workspace a ../../ path is less useful than the absolute one.
    const shown = rel === '' || rel.startsWith('..') ? path : rel;
    return shown.split(external_node_path_.sep).join('/');
}
/** Streams bytes [offset, offset + length) of a file: one upload part, never the whole file. */
function readRange(path, offset, length) {
    if (!Number.isInteger(offset) || offset < 0 || !Number.isInteger(length) || length < 0) {
        throw new RangeError(`readRange: offset ${offset} and length ${length} must be non-negative integers`);
    }
    // createReadStream's `end` is inclusive and cannot express an empty range.
    if (length === 0)
        return external_node_stream_.Readable.from([]);
    return (0,external_node_fs_.createReadStream)(path, { start: offset, end: offset + length - 1, highWaterMark: READ_CHUNK_BYTES });
}
const MIME_TYPES = {
    '.png': 'image/png',
    '.jpg': 'image/jpeg',
    '.jpeg': 'image/jpeg',
    '.mp4': 'video/mp4',
    '.m4v': 'video/x-m4v',
    '.mov': 'video/quicktime'
};
/** By extension (case-insensitive); application/octet-stream for anything else. */
function mimeTypeFor(fileName) {
    return MIME_TYPES[(0,external_node_path_.extname)(fileName).toLowerCase()] ?? 'application/octet-stream';
}

;// CONCATENATED MODULE: ./src/media/checks.ts
/**
 * Pre-flight checks: everything Apple would reject about one file, found before any write, with
 * one Problem per fault naming the file and what is accepted. Probing errors become Problems too,
 * so a run reports every bad file at once instead of stopping at the first.
 */






/** 29.97 and 23.976 fps sources are normal; the limits are meant as 23–30 "nominal". */
const FPS_TOLERANCE = 0.5;
const EXTENSION_FORMAT = { '.png': 'png', '.jpg': 'jpeg', '.jpeg': 'jpeg' };
async function checkScreenshot(path, displayPath, displayType) {
    const problems = [];
    const spec = SCREENSHOT_SPECS[displayType];
    if (!spec)
        problems.push(unknownType('display type', displayType, SCREENSHOT_DISPLAY_TYPES));
    const ext = (0,external_node_path_.extname)(path).toLowerCase();
    const expected = EXTENSION_FORMAT[ext];
    if (!expected)
        problems.push(`has extension "${ext || '(none)'}"; screenshots must be ${SCREENSHOT_EXTENSIONS.join(', ')}`);
    const info = await probeOrReport(() => probeImage(path), path, displayPath, problems);
    if (info) {
        if (expected && info.format !== expected) {
            problems.push(`is named ${ext} but is really a ${info.format.toUpperCase()} file; rename it to ${info.format === 'png' ? '.png' : '.jpg'} or re-export it as ${expected.toUpperCase()}`);
        }
        if (info.hasAlpha) {
            problems.push('has an alpha channel (transparency); App Store Connect accepts only opaque images: export it as RGB without alpha (or as JPEG)');
        }
        if (spec && !isAcceptedSize('screenshot', displayType, info.width, info.height)) {
            problems.push(`is ${info.width}×${info.height}; ${displayType} accepts ${acceptedText(spec)}`);
        }
    }
    return problems.map(message => asProblem(displayPath, message));
}
async function checkPreview(path, displayPath, previewType) {
    const problems = [];
    const spec = PREVIEW_SPECS[previewType];
    if (!spec)
        problems.push(unknownType('preview type', previewType, PREVIEW_TYPES));
    const ext = (0,external_node_path_.extname)(path).toLowerCase();
    if (!PREVIEW_EXTENSIONS.includes(ext)) {
        problems.push(`has extension "${ext || '(none)'}"; app previews must be ${PREVIEW_EXTENSIONS.join(', ')}`);
    }
    const size = await (0,promises_.stat)(path).then(s => s.size, () => undefined);
    if (size !== undefined && size > MAX_PREVIEW_BYTES) {
        // Just over the limit rounds to "500.0 MB" on both sides: then byte counts show why it is too big.
        const exact = megabytes(size) === megabytes(MAX_PREVIEW_BYTES);
        problems.push(`is ${exact ? `${size} bytes` : megabytes(size)}; app previews must be at most ${megabytes(MAX_PREVIEW_BYTES)}${exact ? ` (${MAX_PREVIEW_BYTES} bytes)` : ''}`);
    }
    const info = await probeOrReport(() => probeVideo(path), path, displayPath, problems);
    if (info)
        problems.push(...videoProblems(info, previewType, spec));
    return problems.map(message => asProblem(displayPath, message));
}
function videoProblems(info, previewType, spec) {
    const out = [];
    if (spec && !isAcceptedSize('preview', previewType, info.width, info.height)) {
        out.push(`is ${info.width}×${info.height}; ${previewType} previews accept ${acceptedText(spec)}`);
    }
    const d = info.durationSeconds;
    if (d < PREVIEW_MIN_SECONDS || d > PREVIEW_MAX_SECONDS) {
        out.push(`is ${d.toFixed(1)} s long; app previews must be ${PREVIEW_MIN_SECONDS}–${PREVIEW_MAX_SECONDS} seconds`);
    }
    if (info.fps < PREVIEW_MIN_FPS - FPS_TOLERANCE || info.fps > PREVIEW_MAX_FPS + FPS_TOLERANCE) {
        out.push(`runs at ${info.fps.toFixed(2)} fps; app previews must be ${PREVIEW_MIN_FPS}–${PREVIEW_MAX_FPS} fps (re-encode at 30 fps)`);
    }
    if (!info.hasAudio) {
        out.push('has no audio track; App Store Connect expects app previews to have one (add a silent stereo AAC track if there is no sound)');
    }
    return out;
}
/** Probe failures become one Problem with the probe's own plain-words reason. */
async function probeOrReport(probe, path, displayPath, problems) {
    try {
        return await probe();
    }
    catch (err) {
        if (!(err instanceof MediaError))
            throw err;
        // Probe messages start with the absolute path; the Problem already names the file.
        const message = err.message.startsWith(path) ? err.message.slice(path.length).trim() : err.message.replace(path, displayPath);
        problems.push(message);
        return undefined;
    }
}
function acceptedText(spec) {
    return `${formatSizes(spec.sizes)} (${spec.landscapeOnly ? 'landscape only' : 'portrait or landscape'})`;
}
function unknownType(what, value, valid) {
    const guess = closest(value, valid);
    const hint = guess ? ` Did you mean ${guess}?` : '';
    return `uses unknown ${what} "${value}".${hint} Valid values: ${valid.join(', ')}`;
}
/** A likely intended name: same letters ignoring case/separators, or a missing APP_ prefix. */
function closest(value, valid) {
    const norm = (s) => s.toUpperCase().replace(/[^A-Z0-9]/g, '');
    const v = norm(value);
    return valid.find(t => norm(t) === v || norm(t) === `APP${v}`);
}
function megabytes(bytes) {
    return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}
function asProblem(file, message) {
    return { file, message, category: 'asset' };
}

;// CONCATENATED MODULE: ./src/media/index.ts
/** Local media facts and pre-flight checks. Test/bench helpers (png-writer, padded-mp4) are imported by path. */







;// CONCATENATED MODULE: ./src/deliver/upload-asset.ts
/**
 * The one upload engine: reserve → upload parts → commit, for every kind of asset. Recovery lives
 * here too: a reservation whose answer was lost is found and adopted (or deleted), an expired
 * upload URL leads to delete and reserve again, and a commit whose answer was lost is confirmed by
 * reading the asset.
 */





class UploadExpiredError extends Error {
    name = 'UploadExpiredError';
}
const MAX_RESERVATIONS = 3;
/** Uploads one file into `parent` and commits it. Returns the asset as committed (UPLOAD_COMPLETE). */
async function uploadAsset(ctx, type, parent, local, extra = {}, onReserved) {
    // The checksum is needed only at the commit, so the file is read and hashed while it is reserved.
    // A small file is read once, whole: the same bytes are its parts' bodies and the checksum's input.
    let whole = local.size <= WHOLE_READ_MAX_BYTES ? readWhole(local, ctx.buffers) : undefined;
    const hashed = whole ? whole.then(bytes => hashLoaded(local, bytes)) : ensureHashed(local);
    hashed.catch(() => undefined);
    for (let attempt = 1;; attempt++) {
        const asset = await reserve(ctx, type, parent, local, extra);
        onReserved?.(asset);
        try {
            const bytes = await whole;
            await sendParts(ctx, asset.uploadOperations ?? [], local, bytes);
            // Every part is acknowledged, so no socket reads these bytes any more (the checksum was taken at the read).
            if (bytes)
                ctx.buffers?.give(bytes);
            whole = undefined;
            await hashed;
            return await upload_asset_commit(ctx, type, asset, local);
        }
        catch (e) {
            const again = e instanceof UploadExpiredError && attempt < MAX_RESERVATIONS;
            if (again)
                ctx.debug?.(`${local.displayPath}: upload URL expired; deleting the reservation and reserving again`);
            // An unfinished reservation only takes a slot: clear it now rather than leave it to the next run.
            // (Kinds without a DELETE endpoint take no slot either: the unfinished image is simply never attached.)
            if (type.deletable)
                await deleteAsset(ctx.client, type, asset.id).then(() => {
                    ctx.claimed.delete(asset.id);
                    ctx.onDeleted?.(asset.id);
                }, cleanup => ctx.debug?.(`could not delete the unfinished reservation ${asset.id}: ${String(cleanup)}`));
            if (!again)
                throw e;
        }
    }
}
async function reserve(ctx, type, parent, local, extra) {
    const body = {
        data: {
            type: type.resource,
            attributes: type.reserveAttributes(local, extra),
            // Advanced App Clip experience images are created without a parent (REFERENCE.md 3f).
            ...(type.parentRelationship && parent ? { relationships: { [type.parentRelationship]: { data: parent } } } : {})
        }
    };
    for (let attempt = 1;; attempt++) {
        try {
            const doc = await ctx.client.create(`/v1/${type.resource}`, body);
            const asset = type.read(doc.data);
            ctx.claimed.add(asset.id);
            return asset;
        }
        catch (e) {
            if (!(e instanceof http/* OutcomeUnknownError */.Do) || !ctx.listParent || attempt >= MAX_RESERVATIONS)
                throw e;
            const adopted = await adoptLeftover(ctx, type, parent, local);
            if (adopted)
                return adopted;
        }
    }
}
/** After a lost answer: find our reservation among the parent's items, adopt it or clear it away. */
async function adoptLeftover(ctx, type, parent, local) {
    const items = await ctx.listParent(parent);
    const candidates = items.filter(a => a.state === 'AWAITING_UPLOAD' && !ctx.claimed.has(a.id) && a.fileName === local.fileName && a.fileSize === local.size);
    const [first, ...rest] = candidates;
    for (const dup of rest)
        await deleteAsset(ctx.client, type, dup.id);
    if (!first)
        return undefined;
    const ops = first.uploadOperations ?? [];
    if (ops.length > 0 && !ops.some(op => isExpired(op, ctx.now?.() ?? Date.now()))) {
        ctx.debug?.(`${local.displayPath}: adopted the reservation ${first.id} whose answer was lost`);
        ctx.claimed.add(first.id);
        return first;
    }
    await deleteAsset(ctx.client, type, first.id);
    return undefined;
}
function isExpired(op, now, marginSeconds = 60) {
    const expires = Number(new URL(op.url).searchParams.get('Expires') ?? NaN);
    return Number.isFinite(expires) && expires * 1000 <= now + marginSeconds * 1000;
}
/** Files up to this size are read whole (at most 2 × concurrency of them are in progress at once). */
const WHOLE_READ_MAX_BYTES = 4 * 1024 * 1024;
async function readWhole(local, pool) {
    const changed = (now) => new errors/* ActionError */.lZ(`${local.displayPath} changed while the run was reading it (${local.size} bytes, now ${now}); run again once it is final.`);
    const fh = await (0,promises_.open)(local.path, 'r');
    try {
        const { size } = await fh.stat();
        if (size !== local.size)
            throw changed(size);
        const bytes = pool ? pool.take(size) : Buffer.allocUnsafe(size);
        for (let pos = 0; pos < size;) {
            const { bytesRead } = await fh.read(bytes, pos, size - pos, pos);
            if (bytesRead === 0)
                throw changed(pos);
            pos += bytesRead;
        }
        return bytes;
    }
    finally {
        await fh.close();
    }
}
async function sendParts(ctx, ops, local, whole) {
    const now = ctx.now?.() ?? Date.now();
    if (ops.some(op => isExpired(op, now)))
        throw new UploadExpiredError('upload URL expired');
    const covered = ops.reduce((n, op) => n + op.length, 0);
    if (covered !== local.size)
        throw new errors/* ActionError */.lZ(`App Store Connect offered ${covered} bytes of upload operations for ${local.displayPath} (${local.size} bytes); run again.`);
    await Promise.all(ops.map(async (op) => {
        // A slow link must still finish a 5 MiB part: allow 30 s plus 10 s per MiB.
        const timeoutMs = 30_000 + Math.ceil(op.length / 1_048_576) * 10_000;
        const res = await ctx.client.uploadPart(op, whole ? whole.subarray(op.offset, op.offset + op.length) : () => readRange(local.path, op.offset, op.length), timeoutMs);
        if (res.status === 403 && /expire/i.test(res.text))
            throw new UploadExpiredError('upload URL expired');
        if (res.status >= 300)
            throw new errors/* ActionError */.lZ(`Uploading bytes ${op.offset}–${op.offset + op.length} of ${local.displayPath} failed with HTTP ${res.status}; run again.`);
    }));
}
async function upload_asset_commit(ctx, type, asset, local) {
    const body = { data: { type: type.resource, id: asset.id, attributes: type.commitAttributes(local) } };
    try {
        const doc = await ctx.client.update(`/v1/${type.resource}/${asset.id}`, body);
        return doc ? type.read(doc.data) : { ...asset, state: 'UPLOAD_COMPLETE' };
    }
    catch (e) {
        // A retried commit whose first answer was lost meets a committed asset: read it to be sure.
        if (!(e instanceof api_error/* AppleApiError */.P) || e.status !== 409)
            throw e;
        const current = await readAsset(ctx.client, type, asset.id);
        if (current.state !== 'AWAITING_UPLOAD')
            return current;
        throw e;
    }
}
async function readAsset(client, type, id) {
    const doc = await client.get(`/v1/${type.resource}/${id}`, { [`fields[${type.resource}]`]: type.fields });
    return type.read(doc.data);
}
async function deleteAsset(client, type, id) {
    await client.delete(`/v1/${type.resource}/${id}`);
}

;// CONCATENATED MODULE: ./src/deliver/execute.ts









/** What happened to one set: filled in as the delivery goes, read by the report. */
class SetRun {
    plan;
    setId;
    /** Asset ids in the order we believe the set holds them. */
    current;
    uploaded = new Map();
    /** Final state of each asset we touched or kept, by id. */
    states = new Map();
    failures = new Map();
    deleted = new Set();
    retried = new Set();
    /** When each upload's commit was answered (Date.now()): the poller reads a container when its newest commit should be processed. */
    committedAt = new Map();
    reordered = false;
    started = 0;
    finished = 0;
    reservations = Promise.resolve();
    constructor(plan) {
        this.plan = plan;
        this.setId = plan.setId;
        this.current = [...plan.remoteOrder];
        for (const k of plan.keep)
            this.states.set(k.remote.id, k.remote);
    }
    /** The upload parent: the set, the owner of a to-one / list container, or none (advanced App Clip images). */
    parent() {
        const type = ASSET_TYPES[this.plan.kind].parentType;
        return type ? { type, id: this.setId } : null;
    }
    /** "en-US APP_IPHONE_67", "Summer campaign de-DE APP_IPAD_PRO_3GEN_129", "ROUTING_APP_COVERAGE" … for log lines. */
    get label() {
        return planLabel(this.plan);
    }
    get seconds() {
        return this.started ? Math.max(0, (this.finished || Date.now()) - this.started) / 1000 : 0;
    }
    idOf(local) {
        return this.uploaded.get(local)?.id ?? this.plan.keep.find(k => k.local === local)?.remote.id;
    }
}
/** Creates sets, clears leftovers and uploads every planned file (reserve → parts → commit). */
async function uploadPhase(plans, options) {
    const runs = plans.map(p => new SetRun(p));
    const ctx = uploadContext(options);
    const limit = createLimit(filesAtOnce(options));
    // A set's uploads start as soon as that set exists (created, leftovers cleared), not when every set does.
    // Sets with the biggest files go first: a 20 MB preview's parts and its slower commit then overlap
    // the many small screenshots instead of trailing after them (longest job first).
    const biggest = (run) => Math.max(0, ...run.plan.upload.map(l => l.size));
    const byWork = [...runs].sort((a, b) => biggest(b) - biggest(a));
    const prepared = new Map(byWork.map(run => [run, prepare(run, options, limit)]));
    // A file takes a slot only once its set's previous reservation is answered (reservations are chained
    // for order): queued behind that chain, a slot would sit idle. Files whose turn comes first go first,
    // which interleaves the sets; within a set, turns are handed out in local order.
    const uploads = byWork.flatMap(run => run.plan.upload.map(local => scheduleUpload(run, local, ctx, options, limit, prepared.get(run))));
    // Every set's work ends before the phase does, even when one set could not be created.
    const failed = (await Promise.allSettled([...prepared.values(), ...uploads])).find(r => r.status === 'rejected');
    if (failed)
        throw failed.reason;
    return runs;
}
/** Waits for processing, uploads a FAILED file once more, deletes what goes, and fixes the order. */
async function verifyPhase(runs, options) {
    const ctx = uploadContext(options);
    const limit = createLimit(Math.max(1, options.concurrency));
    if (options.waitForProcessing) {
        await settle(runs, options);
        const retry = runs.flatMap(run => [...run.failures.keys()].filter(l => run.retried.has(l) && !run.uploaded.has(l)).map(l => ({ run, l })));
        await Promise.all(retry.map(({ run, l }) => scheduleUpload(run, l, ctx, options, limit)));
        if (retry.length)
            await settle(runs, options);
    }
    await Promise.all(runs.map(run => finish(run, options, limit)));
}
/**
 * Files in progress at once: as many as the HTTP layer has slots (`concurrency` for API calls plus as
 * many for upload parts). The gates still bound what is in flight, but while some files upload, others
 * reserve or commit, and a slot freed while a file parses an answer goes straight to another file's
 * request. Each may hold one small file's bytes, so the buffer pool keeps as many.
 */
const filesAtOnce = (options) => 2 * Math.max(1, options.concurrency);
/** One context per delivery, shared by both phases, so reservations claimed early stay claimed. */
const contexts = new WeakMap();
function uploadContext(options) {
    const known = contexts.get(options);
    if (known)
        return known;
    const ctx = {
        client: options.client,
        now: options.now,
        claimed: new Set(),
        buffers: new BufferPool(filesAtOnce(options)),
        debug: m => options.log.debug(m),
        listParent: parent => listParentItems(options.client, parent)
    };
    contexts.set(options, ctx);
    return ctx;
}
/** Creates the set if needed and deletes what must go before uploads: leftovers, and room for the new files. */
async function prepare(run, options, limit) {
    const { plan } = run;
    if (!plan.upload.length && !plan.delete.length && !plan.reorder)
        return;
    run.started = Date.now();
    if (!run.setId && plan.upload.length)
        run.setId = await createContainer(plan, options);
    const max = plan.maxItems ?? ASSET_TYPES[plan.kind].maxItems;
    const early = plan.delete.filter(d => d.reason === 'leftover' || d.reason === 'failed');
    const late = plan.delete.filter(d => !early.includes(d));
    const room = max - (run.current.length - early.length) - plan.upload.length;
    // Deleting after uploading keeps the store whole if the run stops half-way; delete first only what the limit demands.
    if (room < 0)
        early.push(...late.slice(0, -room));
    await Promise.all(early.map(d => limit(() => remove(run, d.remote.id, options))));
}
async function remove(run, id, options) {
    await deleteAsset(options.client, ASSET_TYPES[run.plan.kind], id);
    const gone = run.plan.delete.find(d => d.remote.id === id)?.remote.fileName ?? id;
    options.log.info(`✕ ${run.label}: deleted ${gone} (${id})`);
    run.deleted.add(id);
    run.current = run.current.filter(x => x !== id);
    options.onProgress?.({ type: 'deleted', assetId: id });
}
/**
 * Reservations of one set are chained so the set's order is the local order without a reorder: a file
 * waits for its turn (the previous file's reservation answered, or given up), then for a slot.
 */
function scheduleUpload(run, local, ctx, options, limit, after = Promise.resolve()) {
    const turn = run.reservations;
    let release;
    run.reservations = new Promise(r => (release = r));
    // A set that could not be prepared releases nobody: its files all fail with the same reason.
    return after.then(() => turn).then(() => limit(() => uploadOne(run, local, release, ctx, options)));
}
async function uploadOne(run, local, release, ctx, options) {
    const type = ASSET_TYPES[run.plan.kind];
    try {
        const onReserved = (a) => {
            run.current.push(a.id);
            release();
        };
        const runCtx = { ...ctx, onDeleted: id => (run.current = run.current.filter(x => x !== id)) };
        const committed = await uploadAsset(runCtx, type, run.parent(), local, { frameTimeCode: run.plan.frameTimeCode }, onReserved);
        // An advanced experience image has no parent: it counts only once the experience points at it.
        if (run.plan.kind === 'app-clip-advanced-image')
            await attachAdvancedImage(options.client, ownerOf(run.plan).id, committed.id);
        run.committedAt.set(committed.id, Date.now());
        run.uploaded.set(local, committed);
        run.states.set(committed.id, committed);
        run.failures.delete(local);
        options.onProgress?.({ type: 'uploaded', file: local.displayPath, bytes: local.size });
        options.log.info(`↑ ${local.displayPath} (${local.size} bytes) → ${run.label} as ${committed.id}`);
    }
    catch (e) {
        run.failures.set(local, (0,redact/* redact */.E$)(e instanceof Error ? e.message : String(e)));
        options.log.error(`${local.displayPath}: ${run.failures.get(local)}`);
    }
    finally {
        release();
    }
}
/**
 * Polls until every uploaded (or still processing kept) asset is COMPLETE or FAILED. A FAILED upload
 * is reported with Apple's codes, deleted, and queued for one more try (run.retried).
 */
async function settle(runs, options) {
    const pending = new Map();
    const targets = new Map();
    for (const run of runs) {
        const key = pollKey(run.plan);
        for (const a of run.states.values()) {
            if (a.state === 'COMPLETE' || a.state === 'FAILED' || run.deleted.has(a.id))
                continue;
            pending.set(a.id, key);
            if (!targets.has(key))
                targets.set(key, pollTarget(key, run, options.client));
        }
    }
    if (!pending.size)
        return;
    const committedAt = new Map(runs.flatMap(run => [...run.committedAt]));
    const result = await waitForProcessing(pending, targets, { timeoutMs: options.processingTimeoutMs, initialDelayMs: options.pollInitialDelayMs, committedAt });
    for (const run of runs) {
        const listing = result.listings.get(pollKey(run.plan));
        const items = run.setId ? listing?.get(run.setId) : undefined;
        if (items)
            run.current = items.map(a => a.id).filter(id => !run.deleted.has(id));
        for (const [local, asset] of run.uploaded)
            await execute_record(run, local, result.assets.get(asset.id) ?? asset, result.timedOut.includes(asset.id), options);
    }
}
/** One listing covers a localization's sets of a kind, or one to-one / list container. */
function pollKey(plan) {
    return `${ownerOf(plan).id ?? plan.setId}:${plan.kind}`;
}
function pollTarget(key, run, client) {
    return {
        key,
        read: async () => {
            const owner = ownerOf(run.plan).id ? ownerOf(run.plan) : { ...ownerOf(run.plan), id: run.setId };
            const sets = await readContainers(client, owner, run.plan.locale, run.plan.kind, run.plan.setType);
            return new Map(sets.map(s => [s.id, s.assets]));
        }
    };
}
/** Creates what the upload parent needs: a set (under any of its three parent localizations) or the review detail. */
async function createContainer(plan, options) {
    if (isSetKind(plan.kind))
        return createSet(options.client, plan.localizationId, plan.locale, plan.kind, plan.setType, ownerOf(plan).type);
    const versionId = ownerOf(plan).versionId;
    if (plan.kind === 'review-attachment' && versionId) {
        const id = await createReviewDetail(options.client, versionId);
        options.log.info(`created the App Store review detail of the version (${id}) to hold the attachments`);
        return id;
    }
    throw new Error(`${planLabel(plan)}: no parent to upload into`);
}
/** Plans made by older callers name only a localization: a version localization's set. */
function ownerOf(plan) {
    return plan.owner ?? { type: 'appStoreVersionLocalizations', id: plan.localizationId };
}
function planLabel(plan) {
    const target = (0,model/* targetLabel */.O)(plan.target);
    return [plan.surface && plan.surface !== 'version' && plan.surface, target && `"${target}"`, plan.locale, plan.setType].filter(Boolean).join(' ');
}
async function execute_record(run, local, asset, timedOut, options) {
    run.states.set(asset.id, asset);
    if (timedOut) {
        run.failures.set(local, `still processing when processing-timeout ran out (state ${asset.state}); Apple will finish it: run again later to verify.`);
        return;
    }
    if (asset.state !== 'FAILED')
        return;
    const why = asset.errors.map(e => `${e.code}: ${e.description}`).join('; ') || 'no reason given';
    run.failures.set(local, `App Store Connect could not process it: ${why}`);
    options.log.warning(`${local.displayPath}: processing FAILED (${why})${run.retried.has(local) ? '' : '; deleting it and uploading once more'}`);
    await remove(run, asset.id, options);
    run.uploaded.delete(local);
    // A second failure is final: retried is set only once.
    if (!run.retried.has(local))
        run.retried.add(local);
    else
        run.retried.delete(local);
}
/** Deletes what the plan removes after uploads, then PATCHes the order if it is not the local order. */
async function finish(run, options, limit) {
    const late = run.plan.delete.filter(d => !run.deleted.has(d.remote.id));
    await Promise.all(late.map(d => limit(() => remove(run, d.remote.id, options))));
    if (run.plan.ordered !== false && run.setId && run.current.length > 0) {
        const wanted = run.plan.order.map(l => run.idOf(l)).filter((id) => id !== undefined && run.current.includes(id));
        const full = [...wanted, ...run.current.filter(id => !wanted.includes(id))];
        if (full.some((id, i) => id !== run.current[i])) {
            await reorderSet(options.client, run.plan.kind, run.setId, full);
            run.current = full;
            run.reordered = true;
        }
    }
    if (run.started)
        run.finished = Date.now();
    const states = run.current.map(id => run.states.get(id)?.state ?? 'kept').reduce((acc, st) => ({ ...acc, [st]: (acc[st] ?? 0) + 1 }), {});
    const stateText = Object.entries(states).map(([st, n]) => `${n} ${st}`).join(', ');
    options.log.info(`✓ ${run.label}: ${run.current.length}${run.plan.ordered !== false ? ' in order' : ''}${run.reordered ? ' (reordered)' : ''}${stateText ? `; ${stateText}` : ''}${run.failures.size ? `; ${run.failures.size} failed` : ''}`);
}

;// CONCATENATED MODULE: ./src/surfaces/library/ref-data.ts

const CATEGORY = 'APP_SCREENSHOTS_AND_PREVIEWS';
/** The ref-data features whose placement policies (maxCount) apply to each surface the library delivers (§7). */
const LIBRARY_FEATURES = { version: 'APP_STORE_VERSIONS', 'custom-product-page': 'CUSTOM_PRODUCT_PAGES', experiment: 'PRODUCT_PAGE_OPTIMIZATIONS' };
/** One request: the catalog for the surfaces the library delivers (a collection holding one datum). */
async function readRefData(client, feature = Object.values(LIBRARY_FEATURES).join(',')) {
    const doc = await client.get('/v1/appAssetLibraryRefData', { 'filter[features]': feature });
    const attrs = (doc.data[0]?.attributes ?? {});
    return {
        features: attrs.features ?? [],
        placementProfileGroups: attrs.placementProfileGroups ?? [],
        imageSpecs: attrs.imageSpecs ?? [],
        videoSpecs: attrs.videoSpecs ?? [],
        placementTypes: attrs.placementTypes ?? [],
        displayClasses: attrs.displayClasses ?? []
    };
}
/** What a display type's label in specs.ts says: store platform, device family and screen size. */
function describeDisplayType(kind, type) {
    const spec = kind === 'screenshot' ? SCREENSHOT_SPECS[type] : PREVIEW_SPECS[type];
    if (!spec)
        return undefined;
    const imessage = spec.label.startsWith('iMessage ');
    const label = imessage ? spec.label.slice('iMessage '.length) : spec.label;
    const size = /(\d+(?:\.\d+)?)"/.exec(label)?.[1];
    const families = [
        [/^iPhone\b/, 'IPHONE', 'IPHONE_APP_STORE'],
        [/^iPad\b/, 'IPAD', 'IPAD_APP_STORE'],
        [/^Mac\b/, 'MAC', 'MAC_APP_STORE'],
        [/^Apple TV\b/, 'APPLE_TV', 'TV_APP_STORE'],
        [/^Apple Vision Pro\b/, 'APPLE_VISION_PRO', 'VISION_PRO_APP_STORE'],
        [/^Apple Watch\b/, 'APPLE_WATCH', 'WATCH_APP_STORE']
    ];
    const hit = families.find(([re]) => re.test(label));
    if (!hit)
        return undefined;
    const model = hit[1] === 'APPLE_WATCH' ? label.replace(/^Apple Watch\s*/, '').toUpperCase().replace(/\s+/g, '_') : undefined;
    return { platform: imessage ? 'IMESSAGE_APP_STORE' : hit[2], family: hit[1], size, model, imessage };
}
/** The placement type of a mapping entry: previews → APP_PREVIEW, iMessage display types → IMESSAGE_APP_SCREENSHOT. */
function placementTypeOf(kind, type, group) {
    if (kind === 'preview')
        return 'APP_PREVIEW';
    return type?.startsWith('IMESSAGE_') || group?.startsWith('IMESSAGE_') ? 'IMESSAGE_APP_SCREENSHOT' : 'APP_SCREENSHOT';
}
/** The groups a placement type accepts (its specMappings). */
function groupsOf(ref, placementType) {
    return (ref.placementTypes.find(t => t.placementTypeId === placementType)?.specMappings ?? []).map(m => m.placementGroupId);
}
/**
 * Display type → placement group through the reference data (the one place this mapping lives).
 * Returns undefined when the reference data has no single matching group; the mapping can then
 * name `placement-group` directly.
 */
function placementGroupFor(ref, kind, type) {
    const d = describeDisplayType(kind, type);
    if (!d)
        return undefined;
    const accepted = new Set(groupsOf(ref, placementTypeOf(kind, type)));
    let candidates = ref.placementProfileGroups.filter(g => g.platform === d.platform && accepted.has(g.placementProfileGroupId));
    const classOf = (id) => ref.displayClasses.find(c => c.displayClassId === id);
    if (candidates.length > 1 && d.size) {
        candidates = candidates.filter(g => {
            const c = classOf(g.displayClassId);
            return c?.deviceFamily === d.family && (c.screenDimensions ?? []).includes(d.size);
        });
    }
    else if (candidates.length > 1 && d.model) {
        // Watches: the label names the model ("Series 10"), the display class carries it in its id (WATCH_SERIES_10).
        candidates = candidates.filter(g => classOf(g.displayClassId)?.deviceFamily === d.family && g.displayClassId.endsWith(`_${d.model}`));
    }
    return candidates.length === 1 ? candidates[0].placementProfileGroupId : undefined;
}
/** The spec ids a group accepts for a placement type. */
function specIdsOf(ref, placementType, group) {
    return ref.placementTypes.find(t => t.placementTypeId === placementType)?.specMappings?.find(m => m.placementGroupId === group)?.specs ?? [];
}
/** features[feature].placementPolicies[type].groupLimits[] entry covering the group. */
function maxCountOf(ref, placementType, group, feature = 'APP_STORE_VERSIONS') {
    return ref.features
        .find(f => f.featureId === feature)
        ?.placementPolicies?.find(p => p.placementType === placementType)
        ?.groupLimits?.find(l => l.groupIds.includes(group))?.maxCount;
}
/** Whether the type accepts our category (acceptsAssetCategories). */
function acceptsCategory(ref, placementType) {
    return (ref.placementTypes.find(t => t.placementTypeId === placementType)?.acceptsAssetCategories ?? []).includes(CATEGORY);
}

;// CONCATENATED MODULE: ./src/surfaces/library/asset-types.ts

/** The referenceName marker that makes our assets findable: Apple keeps no checksum. */
const MARKER_PREFIX = 'sha256:';
const markerOf = (local) => `${MARKER_PREFIX}${sha256Of(local)}`;
/** The content hash library mode keys everything on; describeFile computes it when media-api is library. */
function sha256Of(local) {
    if (!local.sha256)
        throw new Error(`${local.displayPath} has no SHA-256: describeFile must be asked for it in library mode.`);
    return local.sha256;
}
/** Asset states folded for delivery: processed and placeable (or further in review) counts as COMPLETE. */
function libraryDeliveryState(state) {
    switch (state) {
        case 'AWAITING_UPLOAD':
        case undefined:
            return 'AWAITING_UPLOAD';
        case 'UPLOAD_COMPLETE':
            return 'UPLOAD_COMPLETE';
        case 'FAILED':
            return 'FAILED';
        // COMPLETE ([3p]), PREPARE_FOR_SUBMISSION, READY_FOR_REVIEW … APPROVED, REJECTED, ARCHIVED: processed.
        default:
            return 'COMPLETE';
    }
}
function readLibrary(kind, r) {
    const a = r.attributes ?? {};
    const raw = a.state;
    const image = (a.imageAsset ?? a.previewFrameImage?.image);
    return {
        id: r.id,
        kind,
        fileName: String(a.fileName ?? ''),
        fileSize: Number(a.fileSize ?? 0),
        checksum: null,
        state: libraryDeliveryState(raw),
        errors: raw === 'FAILED' ? (a.stateDetails ?? []) : [],
        uploadOperations: a.uploadOperations ?? undefined,
        templateUrl: image?.templateUrl,
        referenceName: a.referenceName ?? null,
        specId: a.specId ?? null,
        libraryState: raw ?? 'AWAITING_UPLOAD'
    };
}
const base = {
    parentRelationship: 'assetLibrary',
    parentType: 'appAssetLibraries',
    ordered: false,
    maxItems: Number.MAX_SAFE_INTEGER,
    deletable: true,
    commitAttributes: () => ({ uploaded: true })
};
const LIBRARY_IMAGES = {
    ...base,
    kind: 'screenshot',
    resource: 'appAssetLibraryImages',
    fields: 'fileName,fileSize,referenceName,specId,state,stateDetails,imageAsset,uploadOperations',
    reserveAttributes: local => ({ fileName: local.fileName, fileSize: local.size, category: CATEGORY, referenceName: markerOf(local) }),
    read: r => readLibrary('screenshot', r)
};
const LIBRARY_VIDEOS = {
    ...base,
    kind: 'preview',
    resource: 'appAssetLibraryVideos',
    fields: 'fileName,fileSize,referenceName,specId,state,stateDetails,previewFrameImage,previewFrameTimeCode,uploadOperations',
    reserveAttributes: (local, extra) => ({
        fileName: local.fileName,
        fileSize: local.size,
        category: CATEGORY,
        referenceName: markerOf(local),
        ...(extra.frameTimeCode ? { previewFrameTimeCode: extra.frameTimeCode } : {})
    }),
    read: r => readLibrary('preview', r)
};
const libraryTypeOf = (kind) => (kind === 'preview' ? LIBRARY_VIDEOS : LIBRARY_IMAGES);

;// CONCATENATED MODULE: ./src/plan/library-plan.ts

const USABLE_NOT = new Set(['FAILED', 'AWAITING_UPLOAD']);
const hashKey = (kind, sha256) => `${kind}:${sha256}`;
const keyOfLocal = (kind, l) => hashKey(kind, sha256Of(l));
const keyOfMarker = (kind, ref) => (ref?.startsWith(MARKER_PREFIX) ? hashKey(kind, ref.slice(MARKER_PREFIX.length)) : undefined);
function planLibrary(targets, placements, found, mode) {
    const reuse = new Map();
    const redo = [];
    for (const a of found) {
        const key = keyOfMarker(a.kind, a.referenceName);
        if (!key)
            continue;
        if (USABLE_NOT.has(a.state))
            redo.push(a);
        else if (!reuse.has(key))
            reuse.set(key, a);
    }
    const upload = [];
    const queued = new Set();
    for (const t of targets) {
        for (const l of t.files) {
            const key = keyOfLocal(t.kind, l);
            if (reuse.has(key) || queued.has(key))
                continue;
            queued.add(key);
            upload.push({ kind: t.kind, local: l, ...(t.frameTimeCode ? { frameTimeCode: t.frameTimeCode } : {}) });
        }
    }
    const redoIds = new Set(redo.map(a => a.id));
    const groups = targets.map(t => planGroup(t, placements.get(t.localizationId) ?? [], mode, redoIds));
    const wanted = new Set(targets.flatMap(t => t.files.map(l => keyOfLocal(t.kind, l))));
    const candidates = new Map();
    for (const g of groups) {
        for (const p of g.delete) {
            const kind = p.mediaType === 'VIDEO' ? 'preview' : 'screenshot';
            const key = keyOfMarker(kind, p.referenceName);
            // Only our assets, and never one a local file still uses.
            if (key && !wanted.has(key) && !redoIds.has(p.assetId))
                candidates.set(p.assetId, { id: p.assetId, kind });
        }
    }
    return { upload, reuse, redo, groups, assetCandidates: [...candidates.values()] };
}
function planGroup(t, all, mode, redoIds) {
    const current = all.filter(p => p.group === t.group && p.placementType === t.placementType);
    const plan = { target: t, keep: [], create: [], delete: [], extras: [], reorder: false };
    const live = current.filter(p => !redoIds.has(p.assetId) && !USABLE_NOT.has(p.assetState ?? ''));
    // Placements of assets that never became content only take slots.
    plan.delete.push(...current.filter(p => !live.includes(p)));
    const free = [...live];
    if (mode !== 'replace') {
        for (const l of t.files) {
            const key = keyOfLocal(t.kind, l);
            const hit = free.find(p => keyOfMarker(t.kind, p.referenceName) === key);
            if (hit) {
                free.splice(free.indexOf(hit), 1);
                plan.keep.push({ local: l, placementId: hit.id });
            }
            else
                plan.create.push(l);
        }
    }
    else
        plan.create = [...t.files];
    if (mode === 'append')
        plan.extras = free.map(p => p.id);
    else
        plan.delete.push(...free);
    const total = plan.keep.length + plan.create.length + plan.extras.length;
    if (plan.create.length > 0)
        plan.reorder = total > 1;
    else {
        const deleted = new Set(plan.delete.map(p => p.id));
        const now = current.filter(p => !deleted.has(p.id)).map(p => p.id);
        plan.reorder = !sameOrder(now, wantedIds(plan, new Map()));
    }
    return plan;
}
/** The group's placement ids in the wanted order: the local order, then extras (append mode). */
function wantedIds(plan, created) {
    const ids = plan.target.files.map(l => plan.keep.find(k => k.local === l)?.placementId ?? created.get(l)).filter((id) => id !== undefined);
    return [...ids, ...plan.extras];
}
function sameOrder(a, b) {
    return a.length === b.length && a.every((x, i) => x === b[i]);
}
/** A plan that writes nothing. */
function isNoop(plan) {
    return plan.upload.length === 0 && plan.redo.length === 0 && plan.assetCandidates.length === 0 && plan.groups.every(g => !g.create.length && !g.delete.length && !g.reorder);
}

;// CONCATENATED MODULE: ./src/surfaces/owners.ts
/**
 * Finds the owner of every desired container before anything is written: the version localization
 * (per platform), the custom product page's editable version localization, the PPO treatment
 * localization, the App Clip default experience localization, the advanced experience, the review
 * detail, the version. Unknown names (page, experiment, treatment, experience) and missing locales
 * are Problems that name the mapping entry, so a run with any of them fails with zero writes.
 */




/** States in which a custom product page version's media can change (the spec is SILENT; Apple's UI allows these). */
const EDITABLE_CPP_STATES = ['PREPARE_FOR_SUBMISSION', 'REJECTED'];
/** States in which an experiment's treatments can change (SILENT in the spec, as for CPPs). */
const EDITABLE_EXPERIMENT_STATES = ['PREPARE_FOR_SUBMISSION', 'REJECTED'];
function at(s, message) {
    return { file: s.source.file, line: s.source.line, column: s.source.column, category: 'mapping', message };
}
function missingLocale(s, parent) {
    return {
        file: s.files[0]?.displayPath ?? s.source.file,
        category: 'asset',
        message: `locale "${s.locale}" has files but ${parent.noun} ${parent.label} has no ${s.locale} localization (it has ${[...parent.localizations.keys()].sort().join(', ') || 'none'}). Add the localization in App Store Connect, or rename the folder.`
    };
}
const localeMap = (resources) => new Map(resources.map(l => [String(l.attributes?.locale), l.id]));
/** Localizations of the related resources of `parent` found in `included` (ids in relationship order). */
function includedOf(parent, rel, included) {
    return (0,asc_client/* toMany */.Pu)(parent, rel)
        .map(ref => included.get(`${ref.type}:${ref.id}`))
        .filter((r) => r !== undefined);
}
async function resolveOwners(client, app, versions, desired) {
    const owners = new Map();
    const problems = [];
    const reported = new Set();
    const once = (key, p) => {
        if (!reported.has(key))
            problems.push(p);
        reported.add(key);
    };
    const localized = (s, parent, type) => {
        if (!parent)
            return;
        const id = parent.localizations.get(s.locale);
        if (!id)
            return once(`${parent.noun}${parent.label}\u0000${s.locale}`, missingLocale(s, parent));
        owners.set(s, { owner: { type, id }, localizationId: id });
    };
    const pages = lazy(() => readPages(client, app.id));
    const experiments = lazy(() => readExperiments(client, app.id));
    const clipLocalizations = new Map();
    const reviewDetails = new Map();
    for (const s of desired) {
        const version = versions[s.platform];
        const versionParent = version && { label: version.versionString, noun: `${s.platform} version`, localizations: version.localizations };
        switch (s.surface ?? 'version') {
            case 'version':
                localized(s, { ...versionParent, noun: 'version' }, VERSION_LOCALIZATIONS);
                break;
            case 'routing':
                owners.set(s, { owner: { type: 'appStoreVersions', id: version.id }, localizationId: version.id });
                break;
            case 'review': {
                if (!reviewDetails.has(version.id))
                    reviewDetails.set(version.id, findReviewDetail(client, version.id));
                const detail = await reviewDetails.get(version.id);
                owners.set(s, { owner: { type: 'appStoreReviewDetails', id: detail, versionId: version.id }, localizationId: detail ?? '' });
                break;
            }
            case 'app-clip': {
                if (s.kind === 'app-clip-advanced-image') {
                    const id = s.target?.experience;
                    const problem = await checkExperience(client, id);
                    if (problem)
                        once(`experience\u0000${id}`, at(s, problem));
                    else
                        owners.set(s, { owner: { type: 'appClipAdvancedExperiences', id }, localizationId: id });
                    break;
                }
                if (!clipLocalizations.has(version.id))
                    clipLocalizations.set(version.id, readClipDefaultExperience(client, app.id, version));
                const parent = await clipLocalizations.get(version.id);
                if (typeof parent === 'string')
                    once(`clip\u0000${version.id}`, at(s, parent));
                else
                    localized(s, parent, 'appClipDefaultExperienceLocalizations');
                break;
            }
            case 'custom-product-page': {
                const name = s.target?.page;
                const page = (await pages()).find(p => p.name === name);
                if (!page) {
                    once(`page\u0000${name}`, at(s, `custom product page "${name}" was not found (the app has ${listNames((await pages()).map(p => p.name))}); check the name in App Store Connect › Custom Product Pages.`));
                    break;
                }
                const parent = await page.editable();
                if (typeof parent === 'string')
                    once(`page\u0000${name}`, at(s, parent));
                else
                    localized(s, parent, CPP_LOCALIZATIONS);
                break;
            }
            case 'experiment': {
                const { experiment: name, treatment: treatmentName } = s.target ?? {};
                const all = await experiments();
                const experiment = all.find(e => e.name === name);
                if (!experiment) {
                    once(`experiment\u0000${name}`, at(s, `experiment "${name}" was not found (the app has ${listNames(all.map(e => e.name))}); check the name in App Store Connect › Product Page Optimization.`));
                    break;
                }
                if (!EDITABLE_EXPERIMENT_STATES.includes(experiment.state)) {
                    once(`experiment\u0000${name}`, at(s, `experiment "${name}" is ${experiment.state}; its treatments can change only in ${EDITABLE_EXPERIMENT_STATES.join(' or ')}.`));
                    break;
                }
                if (experiment.platform && experiment.platform !== s.platform) {
                    once(`experiment-platform\u0000${name}\u0000${s.setType}`, at(s, `${s.setType} is a ${s.platform} ${s.kind === 'preview' ? 'preview' : 'display'} type, but experiment "${name}" is for ${experiment.platform}.`));
                    break;
                }
                const treatments = await experiment.treatments();
                const treatment = treatments.find(t => t.label === treatmentName);
                if (!treatment) {
                    once(`treatment\u0000${name}\u0000${treatmentName}`, at(s, `experiment "${name}" has no treatment "${treatmentName}" (it has ${listNames(treatments.map(t => t.label))}).`));
                    break;
                }
                localized(s, { ...treatment, label: `"${name} / ${treatmentName}"` }, TREATMENT_LOCALIZATIONS);
                break;
            }
        }
    }
    return { owners, problems };
}
function listNames(names) {
    return names.length ? names.map(n => `"${n}"`).join(', ') : 'none';
}
function lazy(load) {
    let p;
    return () => (p ??= load());
}
async function readPages(client, appId) {
    const doc = await client.getAll(`/v1/apps/${appId}/appCustomProductPages`, { 'fields[appCustomProductPages]': 'name', limit: 200 });
    return doc.data.map(page => {
        const name = String(page.attributes?.name);
        return { name, editable: lazy(() => readEditablePageVersion(client, page.id, name)) };
    });
}
async function readEditablePageVersion(client, pageId, name) {
    const doc = await client.getAll(`/v1/appCustomProductPages/${pageId}/appCustomProductPageVersions`, {
        'filter[state]': EDITABLE_CPP_STATES.join(','),
        include: 'appCustomProductPageLocalizations',
        'fields[appCustomProductPageVersions]': 'state,appCustomProductPageLocalizations',
        'fields[appCustomProductPageLocalizations]': 'locale',
        'limit[appCustomProductPageLocalizations]': 50,
        limit: 10
    });
    const version = doc.data[0];
    if (!version)
        return `custom product page "${name}" has no editable version (${EDITABLE_CPP_STATES.join(' or ')}); create a new version of the page in App Store Connect.`;
    const included = (0,asc_client/* indexIncluded */.v)(doc);
    let locs = includedOf(version, 'appCustomProductPageLocalizations', included);
    const total = version.relationships?.appCustomProductPageLocalizations?.meta?.paging?.total ?? locs.length;
    if (total > locs.length) {
        locs = (await client.getAll(`/v1/appCustomProductPageVersions/${version.id}/appCustomProductPageLocalizations`, { 'fields[appCustomProductPageLocalizations]': 'locale', limit: 200 })).data;
    }
    return { label: `"${name}"`, noun: 'custom product page', localizations: localeMap(locs) };
}
async function readExperiments(client, appId) {
    const doc = await client.getAll(`/v1/apps/${appId}/appStoreVersionExperimentsV2`, { 'fields[appStoreVersionExperiments]': 'name,state,platform', limit: 200 });
    return doc.data.map(e => ({
        name: String(e.attributes?.name),
        state: String(e.attributes?.state),
        platform: e.attributes?.platform,
        treatments: lazy(() => readTreatments(client, e.id))
    }));
}
async function readTreatments(client, experimentId) {
    const doc = await client.getAll(`/v2/appStoreVersionExperiments/${experimentId}/appStoreVersionExperimentTreatments`, {
        include: 'appStoreVersionExperimentTreatmentLocalizations',
        'fields[appStoreVersionExperimentTreatments]': 'name,appStoreVersionExperimentTreatmentLocalizations',
        'fields[appStoreVersionExperimentTreatmentLocalizations]': 'locale',
        'limit[appStoreVersionExperimentTreatmentLocalizations]': 50,
        limit: 200
    });
    const included = (0,asc_client/* indexIncluded */.v)(doc);
    return Promise.all(doc.data.map(async (t) => {
        let locs = includedOf(t, 'appStoreVersionExperimentTreatmentLocalizations', included);
        const total = t.relationships?.appStoreVersionExperimentTreatmentLocalizations?.meta?.paging?.total ?? locs.length;
        if (total > locs.length) {
            locs = (await client.getAll(`/v1/appStoreVersionExperimentTreatments/${t.id}/appStoreVersionExperimentTreatmentLocalizations`, { 'fields[appStoreVersionExperimentTreatmentLocalizations]': 'locale', limit: 200 })).data;
        }
        return { label: String(t.attributes?.name), noun: 'treatment', localizations: localeMap(locs) };
    }));
}
/** The default experience released with `version` (an App Clip ships with an iOS version), and its localizations. */
async function readClipDefaultExperience(client, appId, version) {
    const clips = await client.getAll(`/v1/apps/${appId}/appClips`, { 'fields[appClips]': 'bundleId', limit: 200 });
    if (clips.data.length === 0)
        return 'the app has no App Clip; app-clip-header-images need one (add an App Clip target and upload a build).';
    for (const clip of clips.data) {
        const doc = await client.getAll(`/v1/appClips/${clip.id}/appClipDefaultExperiences`, {
            include: 'releaseWithAppStoreVersion,appClipDefaultExperienceLocalizations',
            'fields[appClipDefaultExperiences]': 'releaseWithAppStoreVersion,appClipDefaultExperienceLocalizations',
            'fields[appClipDefaultExperienceLocalizations]': 'locale',
            'limit[appClipDefaultExperienceLocalizations]': 50,
            limit: 200
        });
        const included = (0,asc_client/* indexIncluded */.v)(doc);
        const experience = doc.data.find(e => (0,asc_client/* toOne */.o$)(e, 'releaseWithAppStoreVersion')?.id === version.id);
        if (experience) {
            return { label: `(App Clip ${clip.attributes?.bundleId ?? clip.id}, ${version.platform} ${version.versionString})`, noun: 'the App Clip default experience', localizations: localeMap(includedOf(experience, 'appClipDefaultExperienceLocalizations', included)) };
        }
    }
    return `no App Clip default experience is released with ${version.platform} version ${version.versionString}; set one up in App Store Connect › App Clip.`;
}
/** Reads the advanced experience: a problem when it does not exist (or is not visible to the key). */
async function checkExperience(client, id) {
    try {
        await client.get(`/v1/appClipAdvancedExperiences/${id}`, { 'fields[appClipAdvancedExperiences]': 'status' });
        return undefined;
    }
    catch (e) {
        if (e instanceof api_error/* AppleApiError */.P && e.status === 404)
            return `advanced App Clip experience "${id}" was not found; use the experience id shown in App Store Connect.`;
        throw e;
    }
}

;// CONCATENATED MODULE: ./src/surfaces/library/preflight.ts
/**
 * Pre-flight from the reference data: each distinct (file, group) is checked against the specs the
 * group accepts (pixel size, extension and MIME, alpha, file size; videos: frame rate, duration,
 * audio), before any write, and every problem is returned together.
 */



const preflight_FPS_TOLERANCE = 0.5;
function seconds(iso) {
    const m = /^PT(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?$/.exec(iso ?? '');
    return m ? Number(m[1] ?? 0) * 3600 + Number(m[2] ?? 0) * 60 + Number(m[3] ?? 0) : undefined;
}
const fits = (s, w, h) => s.dimensions.minWidth <= w && w <= s.dimensions.maxWidth && s.dimensions.minHeight <= h && h <= s.dimensions.maxHeight;
const sizeText = (specs) => [...new Set(specs.map(s => (s.dimensions.minWidth === s.dimensions.maxWidth && s.dimensions.minHeight === s.dimensions.maxHeight ? `${s.dimensions.minWidth}×${s.dimensions.minHeight}` : `${s.dimensions.minWidth}–${s.dimensions.maxWidth}×${s.dimensions.minHeight}–${s.dimensions.maxHeight}`)))].join(', ');
async function checkLibraryFiles(targets, ref) {
    const problems = [];
    const seen = new Set();
    for (const t of targets) {
        const ids = new Set(specIdsOf(ref, t.placementType, t.group));
        const images = ref.imageSpecs.filter(s => ids.has(s.specId));
        const videos = ref.videoSpecs.filter(s => ids.has(s.specId));
        for (const file of t.files) {
            const key = `${file.path}|${t.placementType}|${t.group}`;
            if (seen.has(key))
                continue;
            seen.add(key);
            const messages = t.kind === 'preview' ? await checkVideo(file.path, file.size, videos) : await checkImage(file.path, file.size, images);
            for (const m of messages)
                problems.push({ file: file.displayPath, category: 'asset', message: `${m} (${t.placementType} ${t.group}, ${t.locale})` });
        }
    }
    return problems;
}
function common(path, size, specs) {
    const out = [];
    if (!specs.length)
        return ['the reference data lists no specification for this placement group'];
    const ext = (0,external_node_path_.extname)(path).toLowerCase();
    if (!specs.some(s => (s.fileExtensions ?? [ext]).includes(ext)))
        out.push(`has extension "${ext || '(none)'}"; the group accepts ${[...new Set(specs.flatMap(s => s.fileExtensions ?? []))].join(', ')}`);
    const mime = mimeTypeFor(path);
    if (!specs.some(s => !s.mimeTypes || s.mimeTypes.includes(mime)))
        out.push(`is ${mime}; the group accepts ${[...new Set(specs.flatMap(s => s.mimeTypes ?? []))].join(', ')}`);
    const max = Math.max(...specs.map(s => s.maxFileSize ?? Infinity));
    if (size > max)
        out.push(`is ${size} bytes; the group accepts at most ${max}`);
    return out;
}
async function checkImage(path, size, specs) {
    const out = common(path, size, specs);
    if (!specs.length)
        return out;
    try {
        const info = await probeImage(path);
        const ext = (0,external_node_path_.extname)(path).toLowerCase();
        if ((info.format === 'png') !== (ext === '.png'))
            out.push(`is named ${ext} but is really a ${info.format.toUpperCase()} file`);
        const sized = specs.filter(s => fits(s, info.width, info.height));
        if (!sized.length)
            out.push(`is ${info.width}×${info.height}; the group accepts ${sizeText(specs)}`);
        else if (info.hasAlpha && !sized.some(s => s.alphaAllowed))
            out.push('has an alpha channel (transparency); the group accepts only opaque images');
    }
    catch (e) {
        if (!(e instanceof MediaError))
            throw e;
        out.push(e.message.replace(path, '').trim());
    }
    return out;
}
async function checkVideo(path, size, specs) {
    const out = common(path, size, specs);
    if (!specs.length)
        return out;
    try {
        const info = await probeVideo(path);
        const sized = specs.filter(s => fits(s, info.width, info.height));
        if (!sized.length)
            return [...out, `is ${info.width}×${info.height}; the group accepts ${sizeText(specs)}`];
        const fps = sized.flatMap(s => s.frameRates ?? []);
        if (fps.length && !fps.some(f => info.fps >= f.minFps - preflight_FPS_TOLERANCE && info.fps <= f.maxFps + preflight_FPS_TOLERANCE)) {
            out.push(`runs at ${info.fps.toFixed(2)} fps; the group accepts ${fps.map(f => `${f.minFps}–${f.maxFps}`).join(', ')} fps`);
        }
        const durations = sized.map(s => [seconds(s.duration?.min) ?? 0, seconds(s.duration?.max) ?? Infinity]);
        if (!durations.some(([min, max]) => info.durationSeconds >= min && info.durationSeconds <= max)) {
            out.push(`is ${info.durationSeconds.toFixed(1)} s long; the group accepts ${sized.map(s => `${s.duration?.min}–${s.duration?.max}`).join(', ')}`);
        }
        if (!info.hasAudio && sized.every(s => s.audioRequired))
            out.push('has no audio track; the group requires audio');
    }
    catch (e) {
        if (!(e instanceof MediaError))
            throw e;
        out.push(e.message.replace(path, '').trim());
    }
    return out;
}

;// CONCATENATED MODULE: ./src/surfaces/library/remote.ts


const collectionOf = (parent) => `${parent}s`;
/** GET /v1/apps/{id}/relationships/assetLibrary: the library id (stable for the app's life). */
async function readLibraryId(client, appId) {
    const doc = await client.get(`/v1/apps/${appId}/relationships/assetLibrary`);
    return doc.data.id;
}
/**
 * Our assets by their `sha256:` referenceName, in batches. SILENT whether filter[referenceName]
 * takes a list; §2 says array parameters are comma-separated, so lists are sent.
 */
async function findByMarkers(client, libraryId, kind, markers) {
    const t = libraryTypeOf(kind);
    const out = [];
    const unique = [...new Set(markers)];
    for (let i = 0; i < unique.length; i += 40) {
        const batch = unique.slice(i, i + 40);
        const doc = await client.getAll(`/v1/appAssetLibraries/${libraryId}/${kind === 'preview' ? 'videos' : 'images'}`, {
            'filter[referenceName]': batch.join(','),
            [`fields[${t.resource}]`]: 'referenceName,state,specId',
            limit: 200
        });
        for (const r of doc.data) {
            const a = r.attributes ?? {};
            // Filter again locally: SILENT whether Apple's filter is exact or prefix.
            if (typeof a.referenceName === 'string' && batch.includes(a.referenceName)) {
                out.push({ id: r.id, kind, referenceName: a.referenceName, state: String(a.state ?? 'AWAITING_UPLOAD'), specId: a.specId ?? null });
            }
        }
    }
    return out;
}
/** Every placement of a localization, in display order per group, with the placed asset's marker. One request. */
async function readPlacements(client, localizationId, parent = 'appStoreVersionLocalization') {
    const doc = await client.getAll(`/v1/${collectionOf(parent)}/${localizationId}/placements`, {
        sort: 'placementGroupPosition',
        include: 'image,video',
        'fields[appAssetLibraryPlacements]': 'mediaType,placementType,placementGroup,state,image,video',
        'fields[appAssetLibraryImages]': 'referenceName,state,specId',
        'fields[appAssetLibraryVideos]': 'referenceName,state,specId',
        limit: 200
    });
    const included = (0,asc_client/* indexIncluded */.v)(doc);
    return doc.data.map(p => {
        const ref = (0,asc_client/* toOne */.o$)(p, 'image') ?? (0,asc_client/* toOne */.o$)(p, 'video');
        const asset = ref ? included.get(`${ref.type}:${ref.id}`) : undefined;
        const a = asset?.attributes ?? {};
        return {
            id: p.id,
            placementType: String(p.attributes?.placementType),
            group: String(p.attributes?.placementGroup),
            assetId: ref?.id ?? '',
            mediaType: ref?.type === 'appAssetLibraryVideos' ? 'VIDEO' : 'IMAGE',
            referenceName: a.referenceName ?? null,
            assetState: a.state ?? null
        };
    });
}
/** Polls by listing the library filtered by id (one request per kind per round, not one per asset). */
async function readAssetsById(client, libraryId, kind, ids) {
    const t = libraryTypeOf(kind);
    const out = [];
    for (let i = 0; i < ids.length; i += 100) {
        const doc = await client.getAll(`/v1/appAssetLibraries/${libraryId}/${kind === 'preview' ? 'videos' : 'images'}`, {
            'filter[id]': ids.slice(i, i + 100).join(','),
            [`fields[${t.resource}]`]: t.fields,
            limit: 200
        });
        out.push(...doc.data.map(r => t.read(r)));
    }
    return out;
}
async function createPlacement(client, kind, assetId, placementType, group, localizationId, parent = 'appStoreVersionLocalization') {
    const media = kind === 'preview' ? 'video' : 'image';
    const doc = await client.create('/v1/appAssetLibraryPlacements', {
        data: {
            type: 'appAssetLibraryPlacements',
            attributes: { placementType, placementGroup: group },
            relationships: {
                [media]: { data: { type: libraryTypeOf(kind).resource, id: assetId } },
                [parent]: { data: { type: collectionOf(parent), id: localizationId } }
            }
        }
    });
    return doc.data.id;
}
async function deletePlacement(client, id) {
    await client.delete(`/v1/appAssetLibraryPlacements/${id}`);
}
/** One ordering request: the whole group of one localization, in display order. */
async function orderPlacements(client, localizationId, group, placementIds, parent = 'appStoreVersionLocalization') {
    await client.create('/v1/appAssetLibraryPlacementOrderingRequests', {
        data: {
            type: 'appAssetLibraryPlacementOrderingRequests',
            attributes: { placementGroup: group },
            relationships: {
                orderedPlacements: { data: placementIds.map(id => ({ type: 'appAssetLibraryPlacements', id })) },
                [parent]: { data: { type: collectionOf(parent), id: localizationId } }
            }
        }
    });
}
/** Whether anything (any surface, any localization) still places the asset. */
async function hasPlacements(client, kind, assetId) {
    const doc = await client.get(`/v1/${libraryTypeOf(kind).resource}/${assetId}/relationships/placements`, { limit: 1 });
    return doc.data.length > 0;
}
async function deleteLibraryAsset(client, kind, assetId) {
    await client.delete(`/v1/${libraryTypeOf(kind).resource}/${assetId}`);
}

;// CONCATENATED MODULE: ./src/deliver/library.ts













/** The surfaces whose screenshots and previews the library delivers, and the localization relationship of each. */
const LIBRARY_PARENTS = {
    version: 'appStoreVersionLocalization',
    'custom-product-page': 'appCustomProductPageLocalization',
    experiment: 'appStoreVersionExperimentTreatmentLocalization'
};
/** Mapped sets → library targets; problems for sets whose group the reference data does not know. */
function toTargets(desired, ref, locate) {
    const targets = [];
    const problems = [];
    const at = (d, message) => ({ file: d.source.file, line: d.source.line, column: d.source.column, category: 'mapping', message });
    for (const d of desired) {
        if (d.kind !== 'screenshot' && d.kind !== 'preview')
            continue;
        const group = d.placementGroup ?? placementGroupFor(ref, d.kind, d.setType);
        if (!group) {
            problems.push(at(d, `${d.setType} (${d.locale}): the asset library's reference data has no single placement group for it; name one with placement-group.`));
            continue;
        }
        const placementType = placementTypeOf(d.kind, d.setType, group);
        if (!groupsOf(ref, placementType).includes(group) || !acceptsCategory(ref, placementType)) {
            problems.push(at(d, `${d.locale}: placement group ${group} does not take ${placementType} placements according to the reference data (known groups: ${groupsOf(ref, placementType).join(', ')}).`));
            continue;
        }
        const surface = d.surface ?? 'version';
        const feature = LIBRARY_FEATURES[surface] ?? LIBRARY_FEATURES.version;
        const max = maxCountOf(ref, placementType, group, feature);
        const label = (0,model/* targetLabel */.O)(d.target);
        const where = `${label ? `"${label}" ` : ''}${d.locale}`;
        if (max !== undefined && d.files.length > max)
            problems.push(at(d, `${d.files.length} files for ${group} in ${where}, but the group holds at most ${max} ${placementType} placements.`));
        const { localizationId, parent } = locate(d);
        targets.push({ kind: d.kind, locale: d.locale, localizationId, placementType, group, files: d.files, frameTimeCode: d.frameTimeCode, source: d.source, parent, surface, platform: d.platform, ...(label ? { label } : {}) });
    }
    return { targets, problems };
}
async function deliverLibrary(desired, appId, locate, o) {
    const { client, log } = o;
    const [libraryId, ref] = await Promise.all([readLibraryId(client, appId), readRefData(client)]);
    const run = { libraryId, targets: [], entries: [], uploaded: 0, uploadedBytes: 0, placementsCreated: 0, placementsDeleted: 0, orderingRequests: 0, assetsDeleted: 0, failures: new Map() };
    const { targets, problems } = toTargets(desired, ref, locate);
    problems.push(...(await checkLibraryFiles(targets, ref)));
    if (problems.length)
        throw new errors/* ValidationError */.yI(problems, "Files do not meet the asset library's specifications");
    run.targets = targets;
    const parents = new Map(targets.map(t => [t.localizationId, t.parent ?? 'appStoreVersionLocalization']));
    const localizations = [...parents.keys()];
    const markers = (kind) => targets.filter(t => t.kind === kind).flatMap(t => t.files.map(markerOf));
    const [placementLists, images, videos] = await Promise.all([
        Promise.all(localizations.map(id => readPlacements(client, id, parents.get(id)))),
        findByMarkers(client, libraryId, 'screenshot', markers('screenshot')),
        findByMarkers(client, libraryId, 'preview', markers('preview'))
    ]);
    const placements = new Map(localizations.map((id, i) => [id, placementLists[i]]));
    const plan = planLibrary(targets, placements, [...images, ...videos], o.mode);
    run.plan = plan;
    log.info(`Asset library ${libraryId}: upload ${plan.upload.length} distinct file(s), reuse ${plan.reuse.size}; ${describeGroups(plan.groups)}`);
    if (o.dryRun || isNoop(plan)) {
        run.entries = entriesOf(run, new Map(), false);
        return run;
    }
    await execute(run, plan, ref, o);
    return run;
}
function describeGroups(groups) {
    const n = (f) => groups.reduce((s, g) => s + f(g), 0);
    return `${groups.length} group(s): keep ${n(g => g.keep.length)}, place ${n(g => g.create.length)}, remove ${n(g => g.delete.length)}, reorder ${n(g => (g.reorder ? 1 : 0))}`;
}
async function execute(run, plan, ref, o) {
    const { client, log } = o;
    const limit = createLimit(Math.max(1, o.concurrency));
    const deletedPlacements = new Set();
    const dropPlacement = async (id) => {
        if (deletedPlacements.has(id))
            return;
        deletedPlacements.add(id);
        await deletePlacement(client, id);
        run.placementsDeleted++;
    };
    // 1. Our assets that never became content: their placements, then the asset (deletes do not cascade).
    await Promise.all(plan.redo.map(a => limit(async () => {
        for (const g of plan.groups)
            for (const p of g.delete.filter(p => p.assetId === a.id))
                await dropPlacement(p.id);
        if (await hasPlacements(client, a.kind, a.id))
            return log.warning(`asset ${a.id} (${a.referenceName}) never processed but is still placed elsewhere; left as is`);
        await deleteLibraryAsset(client, a.kind, a.id);
        run.assetsDeleted++;
    })));
    // 2. Upload each distinct file once.
    const assets = new Map(plan.reuse);
    const uploadedKeys = new Set();
    const ctx = {
        client,
        now: o.now,
        claimed: new Set(),
        buffers: new BufferPool(Math.max(1, o.concurrency)),
        debug: m => log.debug(m),
        listParent: async () => [
            ...(await client.getAll(`/v1/appAssetLibraries/${run.libraryId}/images`, { 'filter[state]': 'AWAITING_UPLOAD', limit: 200 })).data.map(r => libraryTypeOf('screenshot').read(r))
        ]
    };
    await Promise.all(plan.upload.map(u => limit(async () => {
        const key = hashKey(u.kind, sha256Of(u.local));
        try {
            const asset = (await uploadAsset(ctx, libraryTypeOf(u.kind), { type: 'appAssetLibraries', id: run.libraryId }, u.local, { frameTimeCode: u.frameTimeCode }));
            assets.set(key, asset);
            uploadedKeys.add(key);
            run.uploaded++;
            run.uploadedBytes += u.local.size;
            o.onProgress?.({ type: 'uploaded', file: u.local.displayPath, bytes: u.local.size });
            log.info(`↑ ${u.local.displayPath} (${u.local.size} bytes) → asset library as ${asset.id}`);
        }
        catch (e) {
            run.failures.set(key, (0,redact/* redact */.E$)(e instanceof Error ? e.message : String(e)));
            log.error(`${u.local.displayPath}: ${run.failures.get(key)}`);
        }
    })));
    // 3. Wait for processing by listing the library filtered by id.
    if (o.waitForProcessing)
        await library_settle(run, assets, uploadedKeys, o);
    // 4. The specId Apple chose must be one the group accepts.
    for (const t of run.targets) {
        const ids = new Set(specIdsOf(ref, t.placementType, t.group));
        for (const l of t.files) {
            const key = hashKey(t.kind, sha256Of(l));
            const a = assets.get(key);
            if (!a || run.failures.has(key))
                continue;
            const specId = 'libraryState' in a ? a.specId : a.specId;
            if (specId && !ids.has(specId)) {
                run.failures.set(key, `App Store Connect matched it to spec ${specId}, which placement group ${t.group} does not accept`);
                log.error(`${l.displayPath}: ${run.failures.get(key)}`);
            }
        }
    }
    // 5. Per group: remove extras, place what is missing, order once.
    await Promise.all(plan.groups.map(g => limit(() => syncGroup(run, g, assets, dropPlacement, o))));
    // 6. Our assets that nothing places any more (and uploads that failed the spec check): placements first, then assets.
    const doomed = new Map(plan.assetCandidates.map(c => [c.id, c]));
    for (const key of run.failures.keys()) {
        const a = assets.get(key);
        if (a && uploadedKeys.has(key))
            doomed.set(a.id, { id: a.id, kind: key.startsWith('preview:') ? 'preview' : 'screenshot' });
    }
    await Promise.all([...doomed.values()].map(c => limit(async () => {
        if (await hasPlacements(client, c.kind, c.id))
            return;
        await deleteLibraryAsset(client, c.kind, c.id);
        run.assetsDeleted++;
        o.onProgress?.({ type: 'deleted', assetId: c.id });
        log.info(`✕ deleted library asset ${c.id}: nothing places it any more`);
    })));
    run.entries = entriesOf(run, assets, true);
}
async function library_settle(run, assets, uploadedKeys, o) {
    const pending = new Map();
    const keyById = new Map();
    for (const key of uploadedKeys) {
        const a = assets.get(key);
        keyById.set(a.id, key);
        if (a.state !== 'COMPLETE' && a.state !== 'FAILED')
            pending.set(a.id, key.startsWith('preview:') ? 'preview' : 'screenshot');
    }
    if (!pending.size)
        return;
    const targets = new Map();
    for (const kind of ['screenshot', 'preview']) {
        const ids = [...pending].filter(([, k]) => k === kind).map(([id]) => id);
        if (ids.length)
            targets.set(kind, { key: kind, read: async () => new Map([['library', await readAssetsById(o.client, run.libraryId, kind, ids)]]) });
    }
    const result = await waitForProcessing(pending, targets, { timeoutMs: o.processingTimeoutMs, initialDelayMs: o.pollInitialDelayMs, now: o.now });
    for (const [id, asset] of result.assets) {
        const key = keyById.get(id);
        assets.set(key, asset);
        if (asset.state === 'FAILED') {
            const why = asset.errors.map(e => `${e.code}: ${e.description}`).join('; ') || 'no reason given';
            run.failures.set(key, `App Store Connect could not process it: ${why}`);
            o.log.warning(`${asset.fileName}: processing FAILED (${why})`);
        }
    }
    for (const id of result.timedOut)
        run.failures.set(keyById.get(id), 'still processing when processing-timeout ran out; run again later to place it.');
}
async function syncGroup(run, g, assets, drop, o) {
    const t = g.target;
    for (const p of g.delete) {
        await drop(p.id);
        o.log.info(`✕ ${where(t)} ${t.group}: removed placement ${p.id}`);
    }
    const created = new Map();
    for (const l of g.create) {
        const key = hashKey(t.kind, sha256Of(l));
        const a = assets.get(key);
        if (!a || run.failures.has(key))
            continue;
        try {
            created.set(l, await createPlacement(o.client, t.kind, a.id, t.placementType, t.group, t.localizationId, t.parent));
            run.placementsCreated++;
        }
        catch (e) {
            run.failures.set(key, (0,redact/* redact */.E$)(e instanceof Error ? e.message : String(e)));
            o.log.error(`${l.displayPath}: placing it in ${where(t)} ${t.group} failed: ${run.failures.get(key)}`);
        }
    }
    const ids = wantedIds(g, created);
    if (g.reorder && ids.length > 1) {
        await orderPlacements(o.client, t.localizationId, t.group, ids, t.parent);
        run.orderingRequests++;
    }
    o.log.info(`✓ ${where(t)} ${t.group}: ${ids.length} placement(s)${g.reorder && ids.length > 1 ? ' (ordered)' : ''}`);
}
/** The localization of a target as logged: surface, page or "experiment / treatment", locale. */
function where(t) {
    return [t.surface && t.surface !== 'version' && t.surface, t.label && `"${t.label}"`, t.locale].filter(Boolean).join(' ');
}
function entriesOf(run, assets, done) {
    const plan = run.plan;
    if (!plan)
        return [];
    const uploads = new Set(plan.upload.map(u => hashKey(u.kind, sha256Of(u.local))));
    const attributed = new Set();
    const entries = [];
    for (const g of plan.groups) {
        const t = g.target;
        const base = { kind: t.kind, surface: t.surface ?? 'version', ...(t.label ? { target: t.label } : {}), platform: t.platform ?? 'IOS', locale: t.locale, setType: t.group };
        for (const l of t.files) {
            const key = hashKey(t.kind, sha256Of(l));
            const a = assets.get(key) ?? plan.reuse.get(key);
            const failure = run.failures.get(key);
            // Each distinct upload is reported once (on its first placement); every other placement of it is a keep.
            const isUpload = uploads.has(key) && !attributed.has(key);
            if (isUpload)
                attributed.add(key);
            const state = !done && isUpload ? 'PLANNED' : failure ? 'FAILED' : a ? ('libraryState' in a ? a.state : 'COMPLETE') : 'NOT_STARTED';
            entries.push({
                ...base,
                file: l.displayPath,
                assetId: a?.id ?? null,
                action: isUpload ? 'upload' : 'keep',
                state,
                checksum: l.md5 ?? null,
                bytes: l.size,
                ...(failure ? { errors: [{ code: 'DELIVERY_FAILED', description: failure }] } : {})
            });
        }
        for (const p of g.delete)
            entries.push({ ...base, file: p.referenceName, assetId: p.id, action: 'delete', state: done ? 'DELETED' : 'PLANNED', checksum: null, bytes: 0 });
    }
    return entries;
}
/**
 * The pipeline's `media-api: library` branch: the screenshots and previews of version localizations
 * (every platform's version), custom product page localizations and experiment treatment
 * localizations go through the asset library in one delivery, so a file used on several surfaces is
 * uploaded once. Their localizations are resolved by surfaces/owners.ts before any write (unknown
 * pages, experiments or treatments, non-editable parents and missing locales stop the run). Every
 * other set (App Clip, review attachments, routing coverage) is returned for the set-based plan and execute.
 */
async function deliverLibraryMode(desired, appId, versions, o) {
    const isLibrary = (d) => {
        const surface = d.surface ?? 'version';
        return (d.kind === 'screenshot' || d.kind === 'preview') && LIBRARY_PARENTS[surface] !== undefined && (surface !== 'version' || versions[d.platform] !== undefined);
    };
    const mine = desired.filter(isLibrary);
    const remaining = desired.filter(d => !isLibrary(d));
    if (!mine.length)
        return { runs: [], remaining };
    const { owners, problems } = await resolveOwners(o.client, { id: appId }, versions, mine);
    if (problems.length) {
        const onlyLocales = problems.every(p => p.category === 'asset');
        throw new errors/* ValidationError */.yI(problems, onlyLocales ? 'The mapping names locales the version lacks' : 'The mapping names what App Store Connect does not have');
    }
    const locate = (d) => ({ localizationId: owners.get(d).localizationId, parent: LIBRARY_PARENTS[d.surface ?? 'version'] });
    return { runs: [await deliverLibrary(mine, appId, locate, o)], remaining };
}

// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(8815);
;// CONCATENATED MODULE: ./src/mapping/generated/validate-mapping.js
// Generated by src/mapping/write-schema.ts from src/mapping/schema.ts (`npm run schema`); do not edit.

const validate = validate10;
/* harmony default export */ const validate_mapping = ((/* unused pure expression or super */ null && (validate10)));
const schema11 = {"$schema":"http://json-schema.org/draft-07/schema#","$id":"https://github.com/app-store-media-action/schema/app-store-assets.schema.json","title":"App Store assets mapping","description":"Which local files become which App Store media (screenshots, previews, App Clip images, review attachments, routing coverage), per surface and locale.","type":"object","additionalProperties":false,"properties":{"$schema":{"type":"string","description":"The URL or path of this JSON Schema, for editors. Ignored by the action."},"screenshots":{"type":"array","minItems":1,"description":"Screenshot sets: each entry selects image files (PNG or JPEG) for one display type.","items":{"type":"object","additionalProperties":false,"required":["files"],"anyOf":[{"required":["display-type"],"properties":{"display-type":true}},{"required":["placement-group"],"properties":{"placement-group":true}}],"description":"One screenshot set per locale.","properties":{"files":{"type":"string","minLength":1,"description":"Glob of the files, relative to the workspace, e.g. \"screenshots/{locale}/iphone-6.9/*.png\". A {locale} path segment expands over the locale directories present on disk. Files upload in natural order (2 before 10)."},"display-type":{"type":"string","enum":["APP_IPHONE_67","APP_IPHONE_65","APP_IPHONE_61","APP_IPHONE_58","APP_IPHONE_55","APP_IPHONE_47","APP_IPHONE_40","APP_IPHONE_35","APP_IPAD_PRO_3GEN_129","APP_IPAD_PRO_129","APP_IPAD_PRO_3GEN_11","APP_IPAD_105","APP_IPAD_97","APP_DESKTOP","APP_APPLE_TV","APP_APPLE_VISION_PRO","APP_WATCH_ULTRA","APP_WATCH_SERIES_10","APP_WATCH_SERIES_7","APP_WATCH_SERIES_4","APP_WATCH_SERIES_3","IMESSAGE_APP_IPHONE_67","IMESSAGE_APP_IPHONE_65","IMESSAGE_APP_IPHONE_61","IMESSAGE_APP_IPHONE_58","IMESSAGE_APP_IPHONE_55","IMESSAGE_APP_IPHONE_47","IMESSAGE_APP_IPHONE_40","IMESSAGE_APP_IPAD_PRO_3GEN_129","IMESSAGE_APP_IPAD_PRO_3GEN_11","IMESSAGE_APP_IPAD_PRO_129","IMESSAGE_APP_IPAD_105","IMESSAGE_APP_IPAD_97"],"description":"The App Store Connect display type of the set. Optional when `placement-group` is given."},"placement-group":{"type":"string","pattern":"^[A-Z0-9_]+$","description":"media-api: library only: the asset library placement group (e.g. IPHONE_DUO_PROFILE), for groups that have no display type. Overrides the group derived from `display-type`. Applies to the version's media, custom product pages and experiments alike."},"platform":{"type":"string","enum":["IOS","MAC_OS","TV_OS","VISION_OS"],"description":"The platform of the set. Default: the platform of the display type (e.g. Mac types → MAC_OS); IOS for an entry with only `placement-group`."},"locales":{"type":"array","minItems":1,"uniqueItems":true,"description":"Locales this entry applies to. Required when `files` has no {locale} segment; with {locale} it restricts the expansion to these locales.","items":{"type":"string","pattern":"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$","description":"An App Store locale code, e.g. en-US, de-DE, ja."}}}}},"previews":{"type":"array","minItems":1,"description":"App preview sets: each entry selects video files (.mov, .m4v, .mp4) for one preview type.","items":{"type":"object","additionalProperties":false,"required":["files"],"anyOf":[{"required":["preview-type"],"properties":{"preview-type":true}},{"required":["placement-group"],"properties":{"placement-group":true}}],"description":"One preview set per locale.","properties":{"files":{"type":"string","minLength":1,"description":"Glob of the files, relative to the workspace, e.g. \"screenshots/{locale}/iphone-6.9/*.png\". A {locale} path segment expands over the locale directories present on disk. Files upload in natural order (2 before 10)."},"preview-type":{"type":"string","enum":["IPHONE_67","IPHONE_65","IPHONE_61","IPHONE_58","IPHONE_55","IPHONE_47","IPHONE_40","IPHONE_35","IPAD_PRO_3GEN_129","IPAD_PRO_3GEN_11","IPAD_PRO_129","IPAD_105","IPAD_97","DESKTOP","APPLE_TV","APPLE_VISION_PRO"],"description":"The App Store Connect preview type of the set. Optional when `placement-group` is given."},"placement-group":{"type":"string","pattern":"^[A-Z0-9_]+$","description":"media-api: library only: the asset library placement group (e.g. IPHONE_DUO_PROFILE), for groups that have no preview type. Overrides the group derived from `preview-type`. Applies to the version's media, custom product pages and experiments alike."},"platform":{"type":"string","enum":["IOS","MAC_OS","TV_OS","VISION_OS"],"description":"The platform of the set. Default: the platform of the preview type (e.g. Mac types → MAC_OS); IOS for an entry with only `placement-group`."},"locales":{"type":"array","minItems":1,"uniqueItems":true,"description":"Locales this entry applies to. Required when `files` has no {locale} segment; with {locale} it restricts the expansion to these locales.","items":{"type":"string","pattern":"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$","description":"An App Store locale code, e.g. en-US, de-DE, ja."}},"frame-time-code":{"type":"string","pattern":"^\\d{2}:\\d{2}:\\d{2}:\\d{2}$","description":"The poster frame of the preview, as HH:MM:SS:FF (hours, minutes, seconds, frame), e.g. \"00:00:05:00\"."}}}},"app-clip-header-images":{"type":"array","minItems":1,"description":"App Clip header images (1800×1200 PNG or JPEG, no alpha): one per App Clip default experience localization of the iOS version.","items":{"type":"object","additionalProperties":false,"required":["files"],"properties":{"files":{"type":"string","minLength":1,"description":"Glob of one image per locale, e.g. \"appclip/{locale}/header.png\"."},"locales":{"type":"array","minItems":1,"uniqueItems":true,"description":"Locales this entry applies to. Required when `files` has no {locale} segment; with {locale} it restricts the expansion to these locales.","items":{"type":"string","pattern":"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$","description":"An App Store locale code, e.g. en-US, de-DE, ja."}}}}},"app-clip-advanced-experience-images":{"type":"array","minItems":1,"description":"Images (1800×1200) of advanced App Clip experiences, each attached to the experience named by id.","items":{"type":"object","additionalProperties":false,"required":["experience","files"],"properties":{"experience":{"type":"string","minLength":1,"description":"The id of the advanced App Clip experience."},"files":{"type":"string","minLength":1,"description":"Path (or glob matching one file) of the image, e.g. \"appclip/advanced/card.png\"."}}}},"review-attachments":{"type":"object","additionalProperties":false,"required":["files"],"description":"Attachments of the version's App Review information, synced by checksum; no other review field changes.","properties":{"files":{"type":"string","minLength":1,"description":"Glob of the attachment files, e.g. \"review/*\"."},"platform":{"type":"string","enum":["IOS","MAC_OS","TV_OS","VISION_OS"],"description":"The platform whose version gets the attachments. Default: the `platform` input."}}},"routing-app-coverage":{"type":"string","minLength":1,"description":"Path of the routing app coverage file (.geojson) of the version of the `platform` input."},"custom-product-pages":{"type":"array","minItems":1,"description":"Screenshots and previews of custom product pages, on each page's editable version.","items":{"type":"object","additionalProperties":false,"required":["name"],"properties":{"name":{"type":"string","minLength":1,"description":"The custom product page name exactly as named in App Store Connect."},"screenshots":{"type":"array","minItems":1,"description":"Screenshot sets: each entry selects image files (PNG or JPEG) for one display type.","items":{"type":"object","additionalProperties":false,"required":["files"],"anyOf":[{"required":["display-type"],"properties":{"display-type":true}},{"required":["placement-group"],"properties":{"placement-group":true}}],"description":"One screenshot set per locale.","properties":{"files":{"type":"string","minLength":1,"description":"Glob of the files, relative to the workspace, e.g. \"screenshots/{locale}/iphone-6.9/*.png\". A {locale} path segment expands over the locale directories present on disk. Files upload in natural order (2 before 10)."},"display-type":{"type":"string","enum":["APP_IPHONE_67","APP_IPHONE_65","APP_IPHONE_61","APP_IPHONE_58","APP_IPHONE_55","APP_IPHONE_47","APP_IPHONE_40","APP_IPHONE_35","APP_IPAD_PRO_3GEN_129","APP_IPAD_PRO_129","APP_IPAD_PRO_3GEN_11","APP_IPAD_105","APP_IPAD_97","APP_DESKTOP","APP_APPLE_TV","APP_APPLE_VISION_PRO","APP_WATCH_ULTRA","APP_WATCH_SERIES_10","APP_WATCH_SERIES_7","APP_WATCH_SERIES_4","APP_WATCH_SERIES_3","IMESSAGE_APP_IPHONE_67","IMESSAGE_APP_IPHONE_65","IMESSAGE_APP_IPHONE_61","IMESSAGE_APP_IPHONE_58","IMESSAGE_APP_IPHONE_55","IMESSAGE_APP_IPHONE_47","IMESSAGE_APP_IPHONE_40","IMESSAGE_APP_IPAD_PRO_3GEN_129","IMESSAGE_APP_IPAD_PRO_3GEN_11","IMESSAGE_APP_IPAD_PRO_129","IMESSAGE_APP_IPAD_105","IMESSAGE_APP_IPAD_97"],"description":"The App Store Connect display type of the set. Optional when `placement-group` is given."},"placement-group":{"type":"string","pattern":"^[A-Z0-9_]+$","description":"media-api: library only: the asset library placement group (e.g. IPHONE_DUO_PROFILE), for groups that have no display type. Overrides the group derived from `display-type`. Applies to the version's media, custom product pages and experiments alike."},"platform":{"type":"string","enum":["IOS","MAC_OS","TV_OS","VISION_OS"],"description":"The platform of the set. Default: the platform of the display type (e.g. Mac types → MAC_OS); IOS for an entry with only `placement-group`."},"locales":{"type":"array","minItems":1,"uniqueItems":true,"description":"Locales this entry applies to. Required when `files` has no {locale} segment; with {locale} it restricts the expansion to these locales.","items":{"type":"string","pattern":"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$","description":"An App Store locale code, e.g. en-US, de-DE, ja."}}}}},"previews":{"type":"array","minItems":1,"description":"App preview sets: each entry selects video files (.mov, .m4v, .mp4) for one preview type.","items":{"type":"object","additionalProperties":false,"required":["files"],"anyOf":[{"required":["preview-type"],"properties":{"preview-type":true}},{"required":["placement-group"],"properties":{"placement-group":true}}],"description":"One preview set per locale.","properties":{"files":{"type":"string","minLength":1,"description":"Glob of the files, relative to the workspace, e.g. \"screenshots/{locale}/iphone-6.9/*.png\". A {locale} path segment expands over the locale directories present on disk. Files upload in natural order (2 before 10)."},"preview-type":{"type":"string","enum":["IPHONE_67","IPHONE_65","IPHONE_61","IPHONE_58","IPHONE_55","IPHONE_47","IPHONE_40","IPHONE_35","IPAD_PRO_3GEN_129","IPAD_PRO_3GEN_11","IPAD_PRO_129","IPAD_105","IPAD_97","DESKTOP","APPLE_TV","APPLE_VISION_PRO"],"description":"The App Store Connect preview type of the set. Optional when `placement-group` is given."},"placement-group":{"type":"string","pattern":"^[A-Z0-9_]+$","description":"media-api: library only: the asset library placement group (e.g. IPHONE_DUO_PROFILE), for groups that have no preview type. Overrides the group derived from `preview-type`. Applies to the version's media, custom product pages and experiments alike."},"platform":{"type":"string","enum":["IOS","MAC_OS","TV_OS","VISION_OS"],"description":"The platform of the set. Default: the platform of the preview type (e.g. Mac types → MAC_OS); IOS for an entry with only `placement-group`."},"locales":{"type":"array","minItems":1,"uniqueItems":true,"description":"Locales this entry applies to. Required when `files` has no {locale} segment; with {locale} it restricts the expansion to these locales.","items":{"type":"string","pattern":"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$","description":"An App Store locale code, e.g. en-US, de-DE, ja."}},"frame-time-code":{"type":"string","pattern":"^\\d{2}:\\d{2}:\\d{2}:\\d{2}$","description":"The poster frame of the preview, as HH:MM:SS:FF (hours, minutes, seconds, frame), e.g. \"00:00:05:00\"."}}}}}}},"experiments":{"type":"array","minItems":1,"description":"Screenshots and previews of a product page optimization treatment.","items":{"type":"object","additionalProperties":false,"required":["name","treatment"],"properties":{"name":{"type":"string","minLength":1,"description":"The experiment name exactly as named in App Store Connect."},"treatment":{"type":"string","minLength":1,"description":"The treatment name exactly as named in App Store Connect."},"screenshots":{"type":"array","minItems":1,"description":"Screenshot sets: each entry selects image files (PNG or JPEG) for one display type.","items":{"type":"object","additionalProperties":false,"required":["files"],"anyOf":[{"required":["display-type"],"properties":{"display-type":true}},{"required":["placement-group"],"properties":{"placement-group":true}}],"description":"One screenshot set per locale.","properties":{"files":{"type":"string","minLength":1,"description":"Glob of the files, relative to the workspace, e.g. \"screenshots/{locale}/iphone-6.9/*.png\". A {locale} path segment expands over the locale directories present on disk. Files upload in natural order (2 before 10)."},"display-type":{"type":"string","enum":["APP_IPHONE_67","APP_IPHONE_65","APP_IPHONE_61","APP_IPHONE_58","APP_IPHONE_55","APP_IPHONE_47","APP_IPHONE_40","APP_IPHONE_35","APP_IPAD_PRO_3GEN_129","APP_IPAD_PRO_129","APP_IPAD_PRO_3GEN_11","APP_IPAD_105","APP_IPAD_97","APP_DESKTOP","APP_APPLE_TV","APP_APPLE_VISION_PRO","APP_WATCH_ULTRA","APP_WATCH_SERIES_10","APP_WATCH_SERIES_7","APP_WATCH_SERIES_4","APP_WATCH_SERIES_3","IMESSAGE_APP_IPHONE_67","IMESSAGE_APP_IPHONE_65","IMESSAGE_APP_IPHONE_61","IMESSAGE_APP_IPHONE_58","IMESSAGE_APP_IPHONE_55","IMESSAGE_APP_IPHONE_47","IMESSAGE_APP_IPHONE_40","IMESSAGE_APP_IPAD_PRO_3GEN_129","IMESSAGE_APP_IPAD_PRO_3GEN_11","IMESSAGE_APP_IPAD_PRO_129","IMESSAGE_APP_IPAD_105","IMESSAGE_APP_IPAD_97"],"description":"The App Store Connect display type of the set. Optional when `placement-group` is given."},"placement-group":{"type":"string","pattern":"^[A-Z0-9_]+$","description":"media-api: library only: the asset library placement group (e.g. IPHONE_DUO_PROFILE), for groups that have no display type. Overrides the group derived from `display-type`. Applies to the version's media, custom product pages and experiments alike."},"platform":{"type":"string","enum":["IOS","MAC_OS","TV_OS","VISION_OS"],"description":"The platform of the set. Default: the platform of the display type (e.g. Mac types → MAC_OS); IOS for an entry with only `placement-group`."},"locales":{"type":"array","minItems":1,"uniqueItems":true,"description":"Locales this entry applies to. Required when `files` has no {locale} segment; with {locale} it restricts the expansion to these locales.","items":{"type":"string","pattern":"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$","description":"An App Store locale code, e.g. en-US, de-DE, ja."}}}}},"previews":{"type":"array","minItems":1,"description":"App preview sets: each entry selects video files (.mov, .m4v, .mp4) for one preview type.","items":{"type":"object","additionalProperties":false,"required":["files"],"anyOf":[{"required":["preview-type"],"properties":{"preview-type":true}},{"required":["placement-group"],"properties":{"placement-group":true}}],"description":"One preview set per locale.","properties":{"files":{"type":"string","minLength":1,"description":"Glob of the files, relative to the workspace, e.g. \"screenshots/{locale}/iphone-6.9/*.png\". A {locale} path segment expands over the locale directories present on disk. Files upload in natural order (2 before 10)."},"preview-type":{"type":"string","enum":["IPHONE_67","IPHONE_65","IPHONE_61","IPHONE_58","IPHONE_55","IPHONE_47","IPHONE_40","IPHONE_35","IPAD_PRO_3GEN_129","IPAD_PRO_3GEN_11","IPAD_PRO_129","IPAD_105","IPAD_97","DESKTOP","APPLE_TV","APPLE_VISION_PRO"],"description":"The App Store Connect preview type of the set. Optional when `placement-group` is given."},"placement-group":{"type":"string","pattern":"^[A-Z0-9_]+$","description":"media-api: library only: the asset library placement group (e.g. IPHONE_DUO_PROFILE), for groups that have no preview type. Overrides the group derived from `preview-type`. Applies to the version's media, custom product pages and experiments alike."},"platform":{"type":"string","enum":["IOS","MAC_OS","TV_OS","VISION_OS"],"description":"The platform of the set. Default: the platform of the preview type (e.g. Mac types → MAC_OS); IOS for an entry with only `placement-group`."},"locales":{"type":"array","minItems":1,"uniqueItems":true,"description":"Locales this entry applies to. Required when `files` has no {locale} segment; with {locale} it restricts the expansion to these locales.","items":{"type":"string","pattern":"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$","description":"An App Store locale code, e.g. en-US, de-DE, ja."}},"frame-time-code":{"type":"string","pattern":"^\\d{2}:\\d{2}:\\d{2}:\\d{2}$","description":"The poster frame of the preview, as HH:MM:SS:FF (hours, minutes, seconds, frame), e.g. \"00:00:05:00\"."}}}}}}}}};
const func2 = Object.prototype.hasOwnProperty;
const func3 = ucs2length;
const pattern0 = new RegExp("^[A-Z0-9_]+$", "u");
const pattern1 = new RegExp("^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$", "u");
const pattern4 = new RegExp("^\\d{2}:\\d{2}:\\d{2}:\\d{2}$", "u");

function validate10(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
/*# sourceURL="https://github.com/app-store-media-action/schema/app-store-assets.schema.json" */;
let vErrors = null;
let errors = 0;
if(data && typeof data == "object" && !Array.isArray(data)){
for(const key0 in data){
if(!(func2.call(schema11.properties, key0))){
const err0 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema11,data};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
}
if(data.$schema !== undefined){
let data0 = data.$schema;
if(typeof data0 !== "string"){
const err1 = {instancePath:instancePath+"/$schema",schemaPath:"#/properties/%24schema/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.$schema.type,parentSchema:schema11.properties.$schema,data:data0};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
}
if(data.screenshots !== undefined){
let data1 = data.screenshots;
if(Array.isArray(data1)){
if(data1.length < 1){
const err2 = {instancePath:instancePath+"/screenshots",schemaPath:"#/properties/screenshots/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items",schema:1,parentSchema:schema11.properties.screenshots,data:data1};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
const len0 = data1.length;
for(let i0=0; i0<len0; i0++){
let data2 = data1[i0];
const _errs8 = errors;
let valid3 = false;
const _errs9 = errors;
if(data2 && typeof data2 == "object" && !Array.isArray(data2)){
if(data2["display-type"] === undefined){
const err3 = {instancePath:instancePath+"/screenshots/" + i0,schemaPath:"#/properties/screenshots/items/anyOf/0/required",keyword:"required",params:{missingProperty: "display-type"},message:"must have required property '"+"display-type"+"'",schema:schema11.properties.screenshots.items.anyOf[0].required,parentSchema:schema11.properties.screenshots.items.anyOf[0],data:data2};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
}
var _valid0 = _errs9 === errors;
valid3 = valid3 || _valid0;
if(!valid3){
const _errs10 = errors;
if(data2 && typeof data2 == "object" && !Array.isArray(data2)){
if(data2["placement-group"] === undefined){
const err4 = {instancePath:instancePath+"/screenshots/" + i0,schemaPath:"#/properties/screenshots/items/anyOf/1/required",keyword:"required",params:{missingProperty: "placement-group"},message:"must have required property '"+"placement-group"+"'",schema:schema11.properties.screenshots.items.anyOf[1].required,parentSchema:schema11.properties.screenshots.items.anyOf[1],data:data2};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
}
var _valid0 = _errs10 === errors;
valid3 = valid3 || _valid0;
}
if(!valid3){
const err5 = {instancePath:instancePath+"/screenshots/" + i0,schemaPath:"#/properties/screenshots/items/anyOf",keyword:"anyOf",params:{},message:"must match a schema in anyOf",schema:schema11.properties.screenshots.items.anyOf,parentSchema:schema11.properties.screenshots.items,data:data2};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
else {
errors = _errs8;
if(vErrors !== null){
if(_errs8){
vErrors.length = _errs8;
}
else {
vErrors = null;
}
}
}
if(data2 && typeof data2 == "object" && !Array.isArray(data2)){
if(data2.files === undefined){
const err6 = {instancePath:instancePath+"/screenshots/" + i0,schemaPath:"#/properties/screenshots/items/required",keyword:"required",params:{missingProperty: "files"},message:"must have required property '"+"files"+"'",schema:schema11.properties.screenshots.items.required,parentSchema:schema11.properties.screenshots.items,data:data2};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
for(const key1 in data2){
if(!(((((key1 === "files") || (key1 === "display-type")) || (key1 === "placement-group")) || (key1 === "platform")) || (key1 === "locales"))){
const err7 = {instancePath:instancePath+"/screenshots/" + i0,schemaPath:"#/properties/screenshots/items/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key1},message:"must NOT have additional properties",schema:false,parentSchema:schema11.properties.screenshots.items,data:data2};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
}
if(data2.files !== undefined){
let data3 = data2.files;
if(typeof data3 === "string"){
if(func3(data3) < 1){
const err8 = {instancePath:instancePath+"/screenshots/" + i0+"/files",schemaPath:"#/properties/screenshots/items/properties/files/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema11.properties.screenshots.items.properties.files,data:data3};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
}
else {
const err9 = {instancePath:instancePath+"/screenshots/" + i0+"/files",schemaPath:"#/properties/screenshots/items/properties/files/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.screenshots.items.properties.files.type,parentSchema:schema11.properties.screenshots.items.properties.files,data:data3};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
}
if(data2["display-type"] !== undefined){
let data4 = data2["display-type"];
if(typeof data4 !== "string"){
const err10 = {instancePath:instancePath+"/screenshots/" + i0+"/display-type",schemaPath:"#/properties/screenshots/items/properties/display-type/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.screenshots.items.properties["display-type"].type,parentSchema:schema11.properties.screenshots.items.properties["display-type"],data:data4};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
if(!(((((((((((((((((((((((((((((((((data4 === "APP_IPHONE_67") || (data4 === "APP_IPHONE_65")) || (data4 === "APP_IPHONE_61")) || (data4 === "APP_IPHONE_58")) || (data4 === "APP_IPHONE_55")) || (data4 === "APP_IPHONE_47")) || (data4 === "APP_IPHONE_40")) || (data4 === "APP_IPHONE_35")) || (data4 === "APP_IPAD_PRO_3GEN_129")) || (data4 === "APP_IPAD_PRO_129")) || (data4 === "APP_IPAD_PRO_3GEN_11")) || (data4 === "APP_IPAD_105")) || (data4 === "APP_IPAD_97")) || (data4 === "APP_DESKTOP")) || (data4 === "APP_APPLE_TV")) || (data4 === "APP_APPLE_VISION_PRO")) || (data4 === "APP_WATCH_ULTRA")) || (data4 === "APP_WATCH_SERIES_10")) || (data4 === "APP_WATCH_SERIES_7")) || (data4 === "APP_WATCH_SERIES_4")) || (data4 === "APP_WATCH_SERIES_3")) || (data4 === "IMESSAGE_APP_IPHONE_67")) || (data4 === "IMESSAGE_APP_IPHONE_65")) || (data4 === "IMESSAGE_APP_IPHONE_61")) || (data4 === "IMESSAGE_APP_IPHONE_58")) || (data4 === "IMESSAGE_APP_IPHONE_55")) || (data4 === "IMESSAGE_APP_IPHONE_47")) || (data4 === "IMESSAGE_APP_IPHONE_40")) || (data4 === "IMESSAGE_APP_IPAD_PRO_3GEN_129")) || (data4 === "IMESSAGE_APP_IPAD_PRO_3GEN_11")) || (data4 === "IMESSAGE_APP_IPAD_PRO_129")) || (data4 === "IMESSAGE_APP_IPAD_105")) || (data4 === "IMESSAGE_APP_IPAD_97"))){
const err11 = {instancePath:instancePath+"/screenshots/" + i0+"/display-type",schemaPath:"#/properties/screenshots/items/properties/display-type/enum",keyword:"enum",params:{allowedValues: schema11.properties.screenshots.items.properties["display-type"].enum},message:"must be equal to one of the allowed values",schema:schema11.properties.screenshots.items.properties["display-type"].enum,parentSchema:schema11.properties.screenshots.items.properties["display-type"],data:data4};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
}
if(data2["placement-group"] !== undefined){
let data5 = data2["placement-group"];
if(typeof data5 === "string"){
if(!pattern0.test(data5)){
const err12 = {instancePath:instancePath+"/screenshots/" + i0+"/placement-group",schemaPath:"#/properties/screenshots/items/properties/placement-group/pattern",keyword:"pattern",params:{pattern: "^[A-Z0-9_]+$"},message:"must match pattern \""+"^[A-Z0-9_]+$"+"\"",schema:"^[A-Z0-9_]+$",parentSchema:schema11.properties.screenshots.items.properties["placement-group"],data:data5};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
}
else {
const err13 = {instancePath:instancePath+"/screenshots/" + i0+"/placement-group",schemaPath:"#/properties/screenshots/items/properties/placement-group/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.screenshots.items.properties["placement-group"].type,parentSchema:schema11.properties.screenshots.items.properties["placement-group"],data:data5};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
}
if(data2.platform !== undefined){
let data6 = data2.platform;
if(typeof data6 !== "string"){
const err14 = {instancePath:instancePath+"/screenshots/" + i0+"/platform",schemaPath:"#/properties/screenshots/items/properties/platform/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.screenshots.items.properties.platform.type,parentSchema:schema11.properties.screenshots.items.properties.platform,data:data6};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
if(!((((data6 === "IOS") || (data6 === "MAC_OS")) || (data6 === "TV_OS")) || (data6 === "VISION_OS"))){
const err15 = {instancePath:instancePath+"/screenshots/" + i0+"/platform",schemaPath:"#/properties/screenshots/items/properties/platform/enum",keyword:"enum",params:{allowedValues: schema11.properties.screenshots.items.properties.platform.enum},message:"must be equal to one of the allowed values",schema:schema11.properties.screenshots.items.properties.platform.enum,parentSchema:schema11.properties.screenshots.items.properties.platform,data:data6};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
}
if(data2.locales !== undefined){
let data7 = data2.locales;
if(Array.isArray(data7)){
if(data7.length < 1){
const err16 = {instancePath:instancePath+"/screenshots/" + i0+"/locales",schemaPath:"#/properties/screenshots/items/properties/locales/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items",schema:1,parentSchema:schema11.properties.screenshots.items.properties.locales,data:data7};
if(vErrors === null){
vErrors = [err16];
}
else {
vErrors.push(err16);
}
errors++;
}
const len1 = data7.length;
for(let i1=0; i1<len1; i1++){
let data8 = data7[i1];
if(typeof data8 === "string"){
if(!pattern1.test(data8)){
const err17 = {instancePath:instancePath+"/screenshots/" + i0+"/locales/" + i1,schemaPath:"#/properties/screenshots/items/properties/locales/items/pattern",keyword:"pattern",params:{pattern: "^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$"},message:"must match pattern \""+"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$"+"\"",schema:"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$",parentSchema:schema11.properties.screenshots.items.properties.locales.items,data:data8};
if(vErrors === null){
vErrors = [err17];
}
else {
vErrors.push(err17);
}
errors++;
}
}
else {
const err18 = {instancePath:instancePath+"/screenshots/" + i0+"/locales/" + i1,schemaPath:"#/properties/screenshots/items/properties/locales/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.screenshots.items.properties.locales.items.type,parentSchema:schema11.properties.screenshots.items.properties.locales.items,data:data8};
if(vErrors === null){
vErrors = [err18];
}
else {
vErrors.push(err18);
}
errors++;
}
}
let i2 = data7.length;
let j0;
if(i2 > 1){
const indices0 = {};
for(;i2--;){
let item0 = data7[i2];
if(typeof item0 !== "string"){
continue;
}
if(typeof indices0[item0] == "number"){
j0 = indices0[item0];
const err19 = {instancePath:instancePath+"/screenshots/" + i0+"/locales",schemaPath:"#/properties/screenshots/items/properties/locales/uniqueItems",keyword:"uniqueItems",params:{i: i2, j: j0},message:"must NOT have duplicate items (items ## "+j0+" and "+i2+" are identical)",schema:true,parentSchema:schema11.properties.screenshots.items.properties.locales,data:data7};
if(vErrors === null){
vErrors = [err19];
}
else {
vErrors.push(err19);
}
errors++;
break;
}
indices0[item0] = i2;
}
}
}
else {
const err20 = {instancePath:instancePath+"/screenshots/" + i0+"/locales",schemaPath:"#/properties/screenshots/items/properties/locales/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema11.properties.screenshots.items.properties.locales.type,parentSchema:schema11.properties.screenshots.items.properties.locales,data:data7};
if(vErrors === null){
vErrors = [err20];
}
else {
vErrors.push(err20);
}
errors++;
}
}
}
else {
const err21 = {instancePath:instancePath+"/screenshots/" + i0,schemaPath:"#/properties/screenshots/items/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.screenshots.items.type,parentSchema:schema11.properties.screenshots.items,data:data2};
if(vErrors === null){
vErrors = [err21];
}
else {
vErrors.push(err21);
}
errors++;
}
}
}
else {
const err22 = {instancePath:instancePath+"/screenshots",schemaPath:"#/properties/screenshots/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema11.properties.screenshots.type,parentSchema:schema11.properties.screenshots,data:data1};
if(vErrors === null){
vErrors = [err22];
}
else {
vErrors.push(err22);
}
errors++;
}
}
if(data.previews !== undefined){
let data9 = data.previews;
if(Array.isArray(data9)){
if(data9.length < 1){
const err23 = {instancePath:instancePath+"/previews",schemaPath:"#/properties/previews/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items",schema:1,parentSchema:schema11.properties.previews,data:data9};
if(vErrors === null){
vErrors = [err23];
}
else {
vErrors.push(err23);
}
errors++;
}
const len2 = data9.length;
for(let i3=0; i3<len2; i3++){
let data10 = data9[i3];
const _errs28 = errors;
let valid10 = false;
const _errs29 = errors;
if(data10 && typeof data10 == "object" && !Array.isArray(data10)){
if(data10["preview-type"] === undefined){
const err24 = {instancePath:instancePath+"/previews/" + i3,schemaPath:"#/properties/previews/items/anyOf/0/required",keyword:"required",params:{missingProperty: "preview-type"},message:"must have required property '"+"preview-type"+"'",schema:schema11.properties.previews.items.anyOf[0].required,parentSchema:schema11.properties.previews.items.anyOf[0],data:data10};
if(vErrors === null){
vErrors = [err24];
}
else {
vErrors.push(err24);
}
errors++;
}
}
var _valid1 = _errs29 === errors;
valid10 = valid10 || _valid1;
if(!valid10){
const _errs30 = errors;
if(data10 && typeof data10 == "object" && !Array.isArray(data10)){
if(data10["placement-group"] === undefined){
const err25 = {instancePath:instancePath+"/previews/" + i3,schemaPath:"#/properties/previews/items/anyOf/1/required",keyword:"required",params:{missingProperty: "placement-group"},message:"must have required property '"+"placement-group"+"'",schema:schema11.properties.previews.items.anyOf[1].required,parentSchema:schema11.properties.previews.items.anyOf[1],data:data10};
if(vErrors === null){
vErrors = [err25];
}
else {
vErrors.push(err25);
}
errors++;
}
}
var _valid1 = _errs30 === errors;
valid10 = valid10 || _valid1;
}
if(!valid10){
const err26 = {instancePath:instancePath+"/previews/" + i3,schemaPath:"#/properties/previews/items/anyOf",keyword:"anyOf",params:{},message:"must match a schema in anyOf",schema:schema11.properties.previews.items.anyOf,parentSchema:schema11.properties.previews.items,data:data10};
if(vErrors === null){
vErrors = [err26];
}
else {
vErrors.push(err26);
}
errors++;
}
else {
errors = _errs28;
if(vErrors !== null){
if(_errs28){
vErrors.length = _errs28;
}
else {
vErrors = null;
}
}
}
if(data10 && typeof data10 == "object" && !Array.isArray(data10)){
if(data10.files === undefined){
const err27 = {instancePath:instancePath+"/previews/" + i3,schemaPath:"#/properties/previews/items/required",keyword:"required",params:{missingProperty: "files"},message:"must have required property '"+"files"+"'",schema:schema11.properties.previews.items.required,parentSchema:schema11.properties.previews.items,data:data10};
if(vErrors === null){
vErrors = [err27];
}
else {
vErrors.push(err27);
}
errors++;
}
for(const key2 in data10){
if(!((((((key2 === "files") || (key2 === "preview-type")) || (key2 === "placement-group")) || (key2 === "platform")) || (key2 === "locales")) || (key2 === "frame-time-code"))){
const err28 = {instancePath:instancePath+"/previews/" + i3,schemaPath:"#/properties/previews/items/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key2},message:"must NOT have additional properties",schema:false,parentSchema:schema11.properties.previews.items,data:data10};
if(vErrors === null){
vErrors = [err28];
}
else {
vErrors.push(err28);
}
errors++;
}
}
if(data10.files !== undefined){
let data11 = data10.files;
if(typeof data11 === "string"){
if(func3(data11) < 1){
const err29 = {instancePath:instancePath+"/previews/" + i3+"/files",schemaPath:"#/properties/previews/items/properties/files/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema11.properties.previews.items.properties.files,data:data11};
if(vErrors === null){
vErrors = [err29];
}
else {
vErrors.push(err29);
}
errors++;
}
}
else {
const err30 = {instancePath:instancePath+"/previews/" + i3+"/files",schemaPath:"#/properties/previews/items/properties/files/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.previews.items.properties.files.type,parentSchema:schema11.properties.previews.items.properties.files,data:data11};
if(vErrors === null){
vErrors = [err30];
}
else {
vErrors.push(err30);
}
errors++;
}
}
if(data10["preview-type"] !== undefined){
let data12 = data10["preview-type"];
if(typeof data12 !== "string"){
const err31 = {instancePath:instancePath+"/previews/" + i3+"/preview-type",schemaPath:"#/properties/previews/items/properties/preview-type/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.previews.items.properties["preview-type"].type,parentSchema:schema11.properties.previews.items.properties["preview-type"],data:data12};
if(vErrors === null){
vErrors = [err31];
}
else {
vErrors.push(err31);
}
errors++;
}
if(!((((((((((((((((data12 === "IPHONE_67") || (data12 === "IPHONE_65")) || (data12 === "IPHONE_61")) || (data12 === "IPHONE_58")) || (data12 === "IPHONE_55")) || (data12 === "IPHONE_47")) || (data12 === "IPHONE_40")) || (data12 === "IPHONE_35")) || (data12 === "IPAD_PRO_3GEN_129")) || (data12 === "IPAD_PRO_3GEN_11")) || (data12 === "IPAD_PRO_129")) || (data12 === "IPAD_105")) || (data12 === "IPAD_97")) || (data12 === "DESKTOP")) || (data12 === "APPLE_TV")) || (data12 === "APPLE_VISION_PRO"))){
const err32 = {instancePath:instancePath+"/previews/" + i3+"/preview-type",schemaPath:"#/properties/previews/items/properties/preview-type/enum",keyword:"enum",params:{allowedValues: schema11.properties.previews.items.properties["preview-type"].enum},message:"must be equal to one of the allowed values",schema:schema11.properties.previews.items.properties["preview-type"].enum,parentSchema:schema11.properties.previews.items.properties["preview-type"],data:data12};
if(vErrors === null){
vErrors = [err32];
}
else {
vErrors.push(err32);
}
errors++;
}
}
if(data10["placement-group"] !== undefined){
let data13 = data10["placement-group"];
if(typeof data13 === "string"){
if(!pattern0.test(data13)){
const err33 = {instancePath:instancePath+"/previews/" + i3+"/placement-group",schemaPath:"#/properties/previews/items/properties/placement-group/pattern",keyword:"pattern",params:{pattern: "^[A-Z0-9_]+$"},message:"must match pattern \""+"^[A-Z0-9_]+$"+"\"",schema:"^[A-Z0-9_]+$",parentSchema:schema11.properties.previews.items.properties["placement-group"],data:data13};
if(vErrors === null){
vErrors = [err33];
}
else {
vErrors.push(err33);
}
errors++;
}
}
else {
const err34 = {instancePath:instancePath+"/previews/" + i3+"/placement-group",schemaPath:"#/properties/previews/items/properties/placement-group/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.previews.items.properties["placement-group"].type,parentSchema:schema11.properties.previews.items.properties["placement-group"],data:data13};
if(vErrors === null){
vErrors = [err34];
}
else {
vErrors.push(err34);
}
errors++;
}
}
if(data10.platform !== undefined){
let data14 = data10.platform;
if(typeof data14 !== "string"){
const err35 = {instancePath:instancePath+"/previews/" + i3+"/platform",schemaPath:"#/properties/previews/items/properties/platform/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.previews.items.properties.platform.type,parentSchema:schema11.properties.previews.items.properties.platform,data:data14};
if(vErrors === null){
vErrors = [err35];
}
else {
vErrors.push(err35);
}
errors++;
}
if(!((((data14 === "IOS") || (data14 === "MAC_OS")) || (data14 === "TV_OS")) || (data14 === "VISION_OS"))){
const err36 = {instancePath:instancePath+"/previews/" + i3+"/platform",schemaPath:"#/properties/previews/items/properties/platform/enum",keyword:"enum",params:{allowedValues: schema11.properties.previews.items.properties.platform.enum},message:"must be equal to one of the allowed values",schema:schema11.properties.previews.items.properties.platform.enum,parentSchema:schema11.properties.previews.items.properties.platform,data:data14};
if(vErrors === null){
vErrors = [err36];
}
else {
vErrors.push(err36);
}
errors++;
}
}
if(data10.locales !== undefined){
let data15 = data10.locales;
if(Array.isArray(data15)){
if(data15.length < 1){
const err37 = {instancePath:instancePath+"/previews/" + i3+"/locales",schemaPath:"#/properties/previews/items/properties/locales/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items",schema:1,parentSchema:schema11.properties.previews.items.properties.locales,data:data15};
if(vErrors === null){
vErrors = [err37];
}
else {
vErrors.push(err37);
}
errors++;
}
const len3 = data15.length;
for(let i4=0; i4<len3; i4++){
let data16 = data15[i4];
if(typeof data16 === "string"){
if(!pattern1.test(data16)){
const err38 = {instancePath:instancePath+"/previews/" + i3+"/locales/" + i4,schemaPath:"#/properties/previews/items/properties/locales/items/pattern",keyword:"pattern",params:{pattern: "^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$"},message:"must match pattern \""+"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$"+"\"",schema:"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$",parentSchema:schema11.properties.previews.items.properties.locales.items,data:data16};
if(vErrors === null){
vErrors = [err38];
}
else {
vErrors.push(err38);
}
errors++;
}
}
else {
const err39 = {instancePath:instancePath+"/previews/" + i3+"/locales/" + i4,schemaPath:"#/properties/previews/items/properties/locales/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.previews.items.properties.locales.items.type,parentSchema:schema11.properties.previews.items.properties.locales.items,data:data16};
if(vErrors === null){
vErrors = [err39];
}
else {
vErrors.push(err39);
}
errors++;
}
}
let i5 = data15.length;
let j1;
if(i5 > 1){
const indices1 = {};
for(;i5--;){
let item1 = data15[i5];
if(typeof item1 !== "string"){
continue;
}
if(typeof indices1[item1] == "number"){
j1 = indices1[item1];
const err40 = {instancePath:instancePath+"/previews/" + i3+"/locales",schemaPath:"#/properties/previews/items/properties/locales/uniqueItems",keyword:"uniqueItems",params:{i: i5, j: j1},message:"must NOT have duplicate items (items ## "+j1+" and "+i5+" are identical)",schema:true,parentSchema:schema11.properties.previews.items.properties.locales,data:data15};
if(vErrors === null){
vErrors = [err40];
}
else {
vErrors.push(err40);
}
errors++;
break;
}
indices1[item1] = i5;
}
}
}
else {
const err41 = {instancePath:instancePath+"/previews/" + i3+"/locales",schemaPath:"#/properties/previews/items/properties/locales/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema11.properties.previews.items.properties.locales.type,parentSchema:schema11.properties.previews.items.properties.locales,data:data15};
if(vErrors === null){
vErrors = [err41];
}
else {
vErrors.push(err41);
}
errors++;
}
}
if(data10["frame-time-code"] !== undefined){
let data17 = data10["frame-time-code"];
if(typeof data17 === "string"){
if(!pattern4.test(data17)){
const err42 = {instancePath:instancePath+"/previews/" + i3+"/frame-time-code",schemaPath:"#/properties/previews/items/properties/frame-time-code/pattern",keyword:"pattern",params:{pattern: "^\\d{2}:\\d{2}:\\d{2}:\\d{2}$"},message:"must match pattern \""+"^\\d{2}:\\d{2}:\\d{2}:\\d{2}$"+"\"",schema:"^\\d{2}:\\d{2}:\\d{2}:\\d{2}$",parentSchema:schema11.properties.previews.items.properties["frame-time-code"],data:data17};
if(vErrors === null){
vErrors = [err42];
}
else {
vErrors.push(err42);
}
errors++;
}
}
else {
const err43 = {instancePath:instancePath+"/previews/" + i3+"/frame-time-code",schemaPath:"#/properties/previews/items/properties/frame-time-code/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.previews.items.properties["frame-time-code"].type,parentSchema:schema11.properties.previews.items.properties["frame-time-code"],data:data17};
if(vErrors === null){
vErrors = [err43];
}
else {
vErrors.push(err43);
}
errors++;
}
}
}
else {
const err44 = {instancePath:instancePath+"/previews/" + i3,schemaPath:"#/properties/previews/items/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.previews.items.type,parentSchema:schema11.properties.previews.items,data:data10};
if(vErrors === null){
vErrors = [err44];
}
else {
vErrors.push(err44);
}
errors++;
}
}
}
else {
const err45 = {instancePath:instancePath+"/previews",schemaPath:"#/properties/previews/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema11.properties.previews.type,parentSchema:schema11.properties.previews,data:data9};
if(vErrors === null){
vErrors = [err45];
}
else {
vErrors.push(err45);
}
errors++;
}
}
if(data["app-clip-header-images"] !== undefined){
let data18 = data["app-clip-header-images"];
if(Array.isArray(data18)){
if(data18.length < 1){
const err46 = {instancePath:instancePath+"/app-clip-header-images",schemaPath:"#/properties/app-clip-header-images/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items",schema:1,parentSchema:schema11.properties["app-clip-header-images"],data:data18};
if(vErrors === null){
vErrors = [err46];
}
else {
vErrors.push(err46);
}
errors++;
}
const len4 = data18.length;
for(let i6=0; i6<len4; i6++){
let data19 = data18[i6];
if(data19 && typeof data19 == "object" && !Array.isArray(data19)){
if(data19.files === undefined){
const err47 = {instancePath:instancePath+"/app-clip-header-images/" + i6,schemaPath:"#/properties/app-clip-header-images/items/required",keyword:"required",params:{missingProperty: "files"},message:"must have required property '"+"files"+"'",schema:schema11.properties["app-clip-header-images"].items.required,parentSchema:schema11.properties["app-clip-header-images"].items,data:data19};
if(vErrors === null){
vErrors = [err47];
}
else {
vErrors.push(err47);
}
errors++;
}
for(const key3 in data19){
if(!((key3 === "files") || (key3 === "locales"))){
const err48 = {instancePath:instancePath+"/app-clip-header-images/" + i6,schemaPath:"#/properties/app-clip-header-images/items/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key3},message:"must NOT have additional properties",schema:false,parentSchema:schema11.properties["app-clip-header-images"].items,data:data19};
if(vErrors === null){
vErrors = [err48];
}
else {
vErrors.push(err48);
}
errors++;
}
}
if(data19.files !== undefined){
let data20 = data19.files;
if(typeof data20 === "string"){
if(func3(data20) < 1){
const err49 = {instancePath:instancePath+"/app-clip-header-images/" + i6+"/files",schemaPath:"#/properties/app-clip-header-images/items/properties/files/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema11.properties["app-clip-header-images"].items.properties.files,data:data20};
if(vErrors === null){
vErrors = [err49];
}
else {
vErrors.push(err49);
}
errors++;
}
}
else {
const err50 = {instancePath:instancePath+"/app-clip-header-images/" + i6+"/files",schemaPath:"#/properties/app-clip-header-images/items/properties/files/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties["app-clip-header-images"].items.properties.files.type,parentSchema:schema11.properties["app-clip-header-images"].items.properties.files,data:data20};
if(vErrors === null){
vErrors = [err50];
}
else {
vErrors.push(err50);
}
errors++;
}
}
if(data19.locales !== undefined){
let data21 = data19.locales;
if(Array.isArray(data21)){
if(data21.length < 1){
const err51 = {instancePath:instancePath+"/app-clip-header-images/" + i6+"/locales",schemaPath:"#/properties/app-clip-header-images/items/properties/locales/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items",schema:1,parentSchema:schema11.properties["app-clip-header-images"].items.properties.locales,data:data21};
if(vErrors === null){
vErrors = [err51];
}
else {
vErrors.push(err51);
}
errors++;
}
const len5 = data21.length;
for(let i7=0; i7<len5; i7++){
let data22 = data21[i7];
if(typeof data22 === "string"){
if(!pattern1.test(data22)){
const err52 = {instancePath:instancePath+"/app-clip-header-images/" + i6+"/locales/" + i7,schemaPath:"#/properties/app-clip-header-images/items/properties/locales/items/pattern",keyword:"pattern",params:{pattern: "^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$"},message:"must match pattern \""+"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$"+"\"",schema:"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$",parentSchema:schema11.properties["app-clip-header-images"].items.properties.locales.items,data:data22};
if(vErrors === null){
vErrors = [err52];
}
else {
vErrors.push(err52);
}
errors++;
}
}
else {
const err53 = {instancePath:instancePath+"/app-clip-header-images/" + i6+"/locales/" + i7,schemaPath:"#/properties/app-clip-header-images/items/properties/locales/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties["app-clip-header-images"].items.properties.locales.items.type,parentSchema:schema11.properties["app-clip-header-images"].items.properties.locales.items,data:data22};
if(vErrors === null){
vErrors = [err53];
}
else {
vErrors.push(err53);
}
errors++;
}
}
let i8 = data21.length;
let j2;
if(i8 > 1){
const indices2 = {};
for(;i8--;){
let item2 = data21[i8];
if(typeof item2 !== "string"){
continue;
}
if(typeof indices2[item2] == "number"){
j2 = indices2[item2];
const err54 = {instancePath:instancePath+"/app-clip-header-images/" + i6+"/locales",schemaPath:"#/properties/app-clip-header-images/items/properties/locales/uniqueItems",keyword:"uniqueItems",params:{i: i8, j: j2},message:"must NOT have duplicate items (items ## "+j2+" and "+i8+" are identical)",schema:true,parentSchema:schema11.properties["app-clip-header-images"].items.properties.locales,data:data21};
if(vErrors === null){
vErrors = [err54];
}
else {
vErrors.push(err54);
}
errors++;
break;
}
indices2[item2] = i8;
}
}
}
else {
const err55 = {instancePath:instancePath+"/app-clip-header-images/" + i6+"/locales",schemaPath:"#/properties/app-clip-header-images/items/properties/locales/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema11.properties["app-clip-header-images"].items.properties.locales.type,parentSchema:schema11.properties["app-clip-header-images"].items.properties.locales,data:data21};
if(vErrors === null){
vErrors = [err55];
}
else {
vErrors.push(err55);
}
errors++;
}
}
}
else {
const err56 = {instancePath:instancePath+"/app-clip-header-images/" + i6,schemaPath:"#/properties/app-clip-header-images/items/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties["app-clip-header-images"].items.type,parentSchema:schema11.properties["app-clip-header-images"].items,data:data19};
if(vErrors === null){
vErrors = [err56];
}
else {
vErrors.push(err56);
}
errors++;
}
}
}
else {
const err57 = {instancePath:instancePath+"/app-clip-header-images",schemaPath:"#/properties/app-clip-header-images/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema11.properties["app-clip-header-images"].type,parentSchema:schema11.properties["app-clip-header-images"],data:data18};
if(vErrors === null){
vErrors = [err57];
}
else {
vErrors.push(err57);
}
errors++;
}
}
if(data["app-clip-advanced-experience-images"] !== undefined){
let data23 = data["app-clip-advanced-experience-images"];
if(Array.isArray(data23)){
if(data23.length < 1){
const err58 = {instancePath:instancePath+"/app-clip-advanced-experience-images",schemaPath:"#/properties/app-clip-advanced-experience-images/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items",schema:1,parentSchema:schema11.properties["app-clip-advanced-experience-images"],data:data23};
if(vErrors === null){
vErrors = [err58];
}
else {
vErrors.push(err58);
}
errors++;
}
const len6 = data23.length;
for(let i9=0; i9<len6; i9++){
let data24 = data23[i9];
if(data24 && typeof data24 == "object" && !Array.isArray(data24)){
if(data24.experience === undefined){
const err59 = {instancePath:instancePath+"/app-clip-advanced-experience-images/" + i9,schemaPath:"#/properties/app-clip-advanced-experience-images/items/required",keyword:"required",params:{missingProperty: "experience"},message:"must have required property '"+"experience"+"'",schema:schema11.properties["app-clip-advanced-experience-images"].items.required,parentSchema:schema11.properties["app-clip-advanced-experience-images"].items,data:data24};
if(vErrors === null){
vErrors = [err59];
}
else {
vErrors.push(err59);
}
errors++;
}
if(data24.files === undefined){
const err60 = {instancePath:instancePath+"/app-clip-advanced-experience-images/" + i9,schemaPath:"#/properties/app-clip-advanced-experience-images/items/required",keyword:"required",params:{missingProperty: "files"},message:"must have required property '"+"files"+"'",schema:schema11.properties["app-clip-advanced-experience-images"].items.required,parentSchema:schema11.properties["app-clip-advanced-experience-images"].items,data:data24};
if(vErrors === null){
vErrors = [err60];
}
else {
vErrors.push(err60);
}
errors++;
}
for(const key4 in data24){
if(!((key4 === "experience") || (key4 === "files"))){
const err61 = {instancePath:instancePath+"/app-clip-advanced-experience-images/" + i9,schemaPath:"#/properties/app-clip-advanced-experience-images/items/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key4},message:"must NOT have additional properties",schema:false,parentSchema:schema11.properties["app-clip-advanced-experience-images"].items,data:data24};
if(vErrors === null){
vErrors = [err61];
}
else {
vErrors.push(err61);
}
errors++;
}
}
if(data24.experience !== undefined){
let data25 = data24.experience;
if(typeof data25 === "string"){
if(func3(data25) < 1){
const err62 = {instancePath:instancePath+"/app-clip-advanced-experience-images/" + i9+"/experience",schemaPath:"#/properties/app-clip-advanced-experience-images/items/properties/experience/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema11.properties["app-clip-advanced-experience-images"].items.properties.experience,data:data25};
if(vErrors === null){
vErrors = [err62];
}
else {
vErrors.push(err62);
}
errors++;
}
}
else {
const err63 = {instancePath:instancePath+"/app-clip-advanced-experience-images/" + i9+"/experience",schemaPath:"#/properties/app-clip-advanced-experience-images/items/properties/experience/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties["app-clip-advanced-experience-images"].items.properties.experience.type,parentSchema:schema11.properties["app-clip-advanced-experience-images"].items.properties.experience,data:data25};
if(vErrors === null){
vErrors = [err63];
}
else {
vErrors.push(err63);
}
errors++;
}
}
if(data24.files !== undefined){
let data26 = data24.files;
if(typeof data26 === "string"){
if(func3(data26) < 1){
const err64 = {instancePath:instancePath+"/app-clip-advanced-experience-images/" + i9+"/files",schemaPath:"#/properties/app-clip-advanced-experience-images/items/properties/files/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema11.properties["app-clip-advanced-experience-images"].items.properties.files,data:data26};
if(vErrors === null){
vErrors = [err64];
}
else {
vErrors.push(err64);
}
errors++;
}
}
else {
const err65 = {instancePath:instancePath+"/app-clip-advanced-experience-images/" + i9+"/files",schemaPath:"#/properties/app-clip-advanced-experience-images/items/properties/files/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties["app-clip-advanced-experience-images"].items.properties.files.type,parentSchema:schema11.properties["app-clip-advanced-experience-images"].items.properties.files,data:data26};
if(vErrors === null){
vErrors = [err65];
}
else {
vErrors.push(err65);
}
errors++;
}
}
}
else {
const err66 = {instancePath:instancePath+"/app-clip-advanced-experience-images/" + i9,schemaPath:"#/properties/app-clip-advanced-experience-images/items/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties["app-clip-advanced-experience-images"].items.type,parentSchema:schema11.properties["app-clip-advanced-experience-images"].items,data:data24};
if(vErrors === null){
vErrors = [err66];
}
else {
vErrors.push(err66);
}
errors++;
}
}
}
else {
const err67 = {instancePath:instancePath+"/app-clip-advanced-experience-images",schemaPath:"#/properties/app-clip-advanced-experience-images/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema11.properties["app-clip-advanced-experience-images"].type,parentSchema:schema11.properties["app-clip-advanced-experience-images"],data:data23};
if(vErrors === null){
vErrors = [err67];
}
else {
vErrors.push(err67);
}
errors++;
}
}
if(data["review-attachments"] !== undefined){
let data27 = data["review-attachments"];
if(data27 && typeof data27 == "object" && !Array.isArray(data27)){
if(data27.files === undefined){
const err68 = {instancePath:instancePath+"/review-attachments",schemaPath:"#/properties/review-attachments/required",keyword:"required",params:{missingProperty: "files"},message:"must have required property '"+"files"+"'",schema:schema11.properties["review-attachments"].required,parentSchema:schema11.properties["review-attachments"],data:data27};
if(vErrors === null){
vErrors = [err68];
}
else {
vErrors.push(err68);
}
errors++;
}
for(const key5 in data27){
if(!((key5 === "files") || (key5 === "platform"))){
const err69 = {instancePath:instancePath+"/review-attachments",schemaPath:"#/properties/review-attachments/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key5},message:"must NOT have additional properties",schema:false,parentSchema:schema11.properties["review-attachments"],data:data27};
if(vErrors === null){
vErrors = [err69];
}
else {
vErrors.push(err69);
}
errors++;
}
}
if(data27.files !== undefined){
let data28 = data27.files;
if(typeof data28 === "string"){
if(func3(data28) < 1){
const err70 = {instancePath:instancePath+"/review-attachments/files",schemaPath:"#/properties/review-attachments/properties/files/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema11.properties["review-attachments"].properties.files,data:data28};
if(vErrors === null){
vErrors = [err70];
}
else {
vErrors.push(err70);
}
errors++;
}
}
else {
const err71 = {instancePath:instancePath+"/review-attachments/files",schemaPath:"#/properties/review-attachments/properties/files/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties["review-attachments"].properties.files.type,parentSchema:schema11.properties["review-attachments"].properties.files,data:data28};
if(vErrors === null){
vErrors = [err71];
}
else {
vErrors.push(err71);
}
errors++;
}
}
if(data27.platform !== undefined){
let data29 = data27.platform;
if(typeof data29 !== "string"){
const err72 = {instancePath:instancePath+"/review-attachments/platform",schemaPath:"#/properties/review-attachments/properties/platform/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties["review-attachments"].properties.platform.type,parentSchema:schema11.properties["review-attachments"].properties.platform,data:data29};
if(vErrors === null){
vErrors = [err72];
}
else {
vErrors.push(err72);
}
errors++;
}
if(!((((data29 === "IOS") || (data29 === "MAC_OS")) || (data29 === "TV_OS")) || (data29 === "VISION_OS"))){
const err73 = {instancePath:instancePath+"/review-attachments/platform",schemaPath:"#/properties/review-attachments/properties/platform/enum",keyword:"enum",params:{allowedValues: schema11.properties["review-attachments"].properties.platform.enum},message:"must be equal to one of the allowed values",schema:schema11.properties["review-attachments"].properties.platform.enum,parentSchema:schema11.properties["review-attachments"].properties.platform,data:data29};
if(vErrors === null){
vErrors = [err73];
}
else {
vErrors.push(err73);
}
errors++;
}
}
}
else {
const err74 = {instancePath:instancePath+"/review-attachments",schemaPath:"#/properties/review-attachments/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties["review-attachments"].type,parentSchema:schema11.properties["review-attachments"],data:data27};
if(vErrors === null){
vErrors = [err74];
}
else {
vErrors.push(err74);
}
errors++;
}
}
if(data["routing-app-coverage"] !== undefined){
let data30 = data["routing-app-coverage"];
if(typeof data30 === "string"){
if(func3(data30) < 1){
const err75 = {instancePath:instancePath+"/routing-app-coverage",schemaPath:"#/properties/routing-app-coverage/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema11.properties["routing-app-coverage"],data:data30};
if(vErrors === null){
vErrors = [err75];
}
else {
vErrors.push(err75);
}
errors++;
}
}
else {
const err76 = {instancePath:instancePath+"/routing-app-coverage",schemaPath:"#/properties/routing-app-coverage/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties["routing-app-coverage"].type,parentSchema:schema11.properties["routing-app-coverage"],data:data30};
if(vErrors === null){
vErrors = [err76];
}
else {
vErrors.push(err76);
}
errors++;
}
}
if(data["custom-product-pages"] !== undefined){
let data31 = data["custom-product-pages"];
if(Array.isArray(data31)){
if(data31.length < 1){
const err77 = {instancePath:instancePath+"/custom-product-pages",schemaPath:"#/properties/custom-product-pages/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items",schema:1,parentSchema:schema11.properties["custom-product-pages"],data:data31};
if(vErrors === null){
vErrors = [err77];
}
else {
vErrors.push(err77);
}
errors++;
}
const len7 = data31.length;
for(let i10=0; i10<len7; i10++){
let data32 = data31[i10];
if(data32 && typeof data32 == "object" && !Array.isArray(data32)){
if(data32.name === undefined){
const err78 = {instancePath:instancePath+"/custom-product-pages/" + i10,schemaPath:"#/properties/custom-product-pages/items/required",keyword:"required",params:{missingProperty: "name"},message:"must have required property '"+"name"+"'",schema:schema11.properties["custom-product-pages"].items.required,parentSchema:schema11.properties["custom-product-pages"].items,data:data32};
if(vErrors === null){
vErrors = [err78];
}
else {
vErrors.push(err78);
}
errors++;
}
for(const key6 in data32){
if(!(((key6 === "name") || (key6 === "screenshots")) || (key6 === "previews"))){
const err79 = {instancePath:instancePath+"/custom-product-pages/" + i10,schemaPath:"#/properties/custom-product-pages/items/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key6},message:"must NOT have additional properties",schema:false,parentSchema:schema11.properties["custom-product-pages"].items,data:data32};
if(vErrors === null){
vErrors = [err79];
}
else {
vErrors.push(err79);
}
errors++;
}
}
if(data32.name !== undefined){
let data33 = data32.name;
if(typeof data33 === "string"){
if(func3(data33) < 1){
const err80 = {instancePath:instancePath+"/custom-product-pages/" + i10+"/name",schemaPath:"#/properties/custom-product-pages/items/properties/name/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema11.properties["custom-product-pages"].items.properties.name,data:data33};
if(vErrors === null){
vErrors = [err80];
}
else {
vErrors.push(err80);
}
errors++;
}
}
else {
const err81 = {instancePath:instancePath+"/custom-product-pages/" + i10+"/name",schemaPath:"#/properties/custom-product-pages/items/properties/name/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties["custom-product-pages"].items.properties.name.type,parentSchema:schema11.properties["custom-product-pages"].items.properties.name,data:data33};
if(vErrors === null){
vErrors = [err81];
}
else {
vErrors.push(err81);
}
errors++;
}
}
if(data32.screenshots !== undefined){
let data34 = data32.screenshots;
if(Array.isArray(data34)){
if(data34.length < 1){
const err82 = {instancePath:instancePath+"/custom-product-pages/" + i10+"/screenshots",schemaPath:"#/properties/custom-product-pages/items/properties/screenshots/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items",schema:1,parentSchema:schema11.properties["custom-product-pages"].items.properties.screenshots,data:data34};
if(vErrors === null){
vErrors = [err82];
}
else {
vErrors.push(err82);
}
errors++;
}
const len8 = data34.length;
for(let i11=0; i11<len8; i11++){
let data35 = data34[i11];
const _errs86 = errors;
let valid30 = false;
const _errs87 = errors;
if(data35 && typeof data35 == "object" && !Array.isArray(data35)){
if(data35["display-type"] === undefined){
const err83 = {instancePath:instancePath+"/custom-product-pages/" + i10+"/screenshots/" + i11,schemaPath:"#/properties/custom-product-pages/items/properties/screenshots/items/anyOf/0/required",keyword:"required",params:{missingProperty: "display-type"},message:"must have required property '"+"display-type"+"'",schema:schema11.properties["custom-product-pages"].items.properties.screenshots.items.anyOf[0].required,parentSchema:schema11.properties["custom-product-pages"].items.properties.screenshots.items.anyOf[0],data:data35};
if(vErrors === null){
vErrors = [err83];
}
else {
vErrors.push(err83);
}
errors++;
}
}
var _valid2 = _errs87 === errors;
valid30 = valid30 || _valid2;
if(!valid30){
const _errs88 = errors;
if(data35 && typeof data35 == "object" && !Array.isArray(data35)){
if(data35["placement-group"] === undefined){
const err84 = {instancePath:instancePath+"/custom-product-pages/" + i10+"/screenshots/" + i11,schemaPath:"#/properties/custom-product-pages/items/properties/screenshots/items/anyOf/1/required",keyword:"required",params:{missingProperty: "placement-group"},message:"must have required property '"+"placement-group"+"'",schema:schema11.properties["custom-product-pages"].items.properties.screenshots.items.anyOf[1].required,parentSchema:schema11.properties["custom-product-pages"].items.properties.screenshots.items.anyOf[1],data:data35};
if(vErrors === null){
vErrors = [err84];
}
else {
vErrors.push(err84);
}
errors++;
}
}
var _valid2 = _errs88 === errors;
valid30 = valid30 || _valid2;
}
if(!valid30){
const err85 = {instancePath:instancePath+"/custom-product-pages/" + i10+"/screenshots/" + i11,schemaPath:"#/properties/custom-product-pages/items/properties/screenshots/items/anyOf",keyword:"anyOf",params:{},message:"must match a schema in anyOf",schema:schema11.properties["custom-product-pages"].items.properties.screenshots.items.anyOf,parentSchema:schema11.properties["custom-product-pages"].items.properties.screenshots.items,data:data35};
if(vErrors === null){
vErrors = [err85];
}
else {
vErrors.push(err85);
}
errors++;
}
else {
errors = _errs86;
if(vErrors !== null){
if(_errs86){
vErrors.length = _errs86;
}
else {
vErrors = null;
}
}
}
if(data35 && typeof data35 == "object" && !Array.isArray(data35)){
if(data35.files === undefined){
const err86 = {instancePath:instancePath+"/custom-product-pages/" + i10+"/screenshots/" + i11,schemaPath:"#/properties/custom-product-pages/items/properties/screenshots/items/required",keyword:"required",params:{missingProperty: "files"},message:"must have required property '"+"files"+"'",schema:schema11.properties["custom-product-pages"].items.properties.screenshots.items.required,parentSchema:schema11.properties["custom-product-pages"].items.properties.screenshots.items,data:data35};
if(vErrors === null){
vErrors = [err86];
}
else {
vErrors.push(err86);
}
errors++;
}
for(const key7 in data35){
if(!(((((key7 === "files") || (key7 === "display-type")) || (key7 === "placement-group")) || (key7 === "platform")) || (key7 === "locales"))){
const err87 = {instancePath:instancePath+"/custom-product-pages/" + i10+"/screenshots/" + i11,schemaPath:"#/properties/custom-product-pages/items/properties/screenshots/items/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key7},message:"must NOT have additional properties",schema:false,parentSchema:schema11.properties["custom-product-pages"].items.properties.screenshots.items,data:data35};
if(vErrors === null){
vErrors = [err87];
}
else {
vErrors.push(err87);
}
errors++;
}
}
if(data35.files !== undefined){
let data36 = data35.files;
if(typeof data36 === "string"){
if(func3(data36) < 1){
const err88 = {instancePath:instancePath+"/custom-product-pages/" + i10+"/screenshots/" + i11+"/files",schemaPath:"#/properties/custom-product-pages/items/properties/screenshots/items/properties/files/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema11.properties["custom-product-pages"].items.properties.screenshots.items.properties.files,data:data36};
if(vErrors === null){
vErrors = [err88];
}
else {
vErrors.push(err88);
}
errors++;
}
}
else {
const err89 = {instancePath:instancePath+"/custom-product-pages/" + i10+"/screenshots/" + i11+"/files",schemaPath:"#/properties/custom-product-pages/items/properties/screenshots/items/properties/files/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties["custom-product-pages"].items.properties.screenshots.items.properties.files.type,parentSchema:schema11.properties["custom-product-pages"].items.properties.screenshots.items.properties.files,data:data36};
if(vErrors === null){
vErrors = [err89];
}
else {
vErrors.push(err89);
}
errors++;
}
}
if(data35["display-type"] !== undefined){
let data37 = data35["display-type"];
if(typeof data37 !== "string"){
const err90 = {instancePath:instancePath+"/custom-product-pages/" + i10+"/screenshots/" + i11+"/display-type",schemaPath:"#/properties/custom-product-pages/items/properties/screenshots/items/properties/display-type/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties["custom-product-pages"].items.properties.screenshots.items.properties["display-type"].type,parentSchema:schema11.properties["custom-product-pages"].items.properties.screenshots.items.properties["display-type"],data:data37};
if(vErrors === null){
vErrors = [err90];
}
else {
vErrors.push(err90);
}
errors++;
}
if(!(((((((((((((((((((((((((((((((((data37 === "APP_IPHONE_67") || (data37 === "APP_IPHONE_65")) || (data37 === "APP_IPHONE_61")) || (data37 === "APP_IPHONE_58")) || (data37 === "APP_IPHONE_55")) || (data37 === "APP_IPHONE_47")) || (data37 === "APP_IPHONE_40")) || (data37 === "APP_IPHONE_35")) || (data37 === "APP_IPAD_PRO_3GEN_129")) || (data37 === "APP_IPAD_PRO_129")) || (data37 === "APP_IPAD_PRO_3GEN_11")) || (data37 === "APP_IPAD_105")) || (data37 === "APP_IPAD_97")) || (data37 === "APP_DESKTOP")) || (data37 === "APP_APPLE_TV")) || (data37 === "APP_APPLE_VISION_PRO")) || (data37 === "APP_WATCH_ULTRA")) || (data37 === "APP_WATCH_SERIES_10")) || (data37 === "APP_WATCH_SERIES_7")) || (data37 === "APP_WATCH_SERIES_4")) || (data37 === "APP_WATCH_SERIES_3")) || (data37 === "IMESSAGE_APP_IPHONE_67")) || (data37 === "IMESSAGE_APP_IPHONE_65")) || (data37 === "IMESSAGE_APP_IPHONE_61")) || (data37 === "IMESSAGE_APP_IPHONE_58")) || (data37 === "IMESSAGE_APP_IPHONE_55")) || (data37 === "IMESSAGE_APP_IPHONE_47")) || (data37 === "IMESSAGE_APP_IPHONE_40")) || (data37 === "IMESSAGE_APP_IPAD_PRO_3GEN_129")) || (data37 === "IMESSAGE_APP_IPAD_PRO_3GEN_11")) || (data37 === "IMESSAGE_APP_IPAD_PRO_129")) || (data37 === "IMESSAGE_APP_IPAD_105")) || (data37 === "IMESSAGE_APP_IPAD_97"))){
const err91 = {instancePath:instancePath+"/custom-product-pages/" + i10+"/screenshots/" + i11+"/display-type",schemaPath:"#/properties/custom-product-pages/items/properties/screenshots/items/properties/display-type/enum",keyword:"enum",params:{allowedValues: schema11.properties["custom-product-pages"].items.properties.screenshots.items.properties["display-type"].enum},message:"must be equal to one of the allowed values",schema:schema11.properties["custom-product-pages"].items.properties.screenshots.items.properties["display-type"].enum,parentSchema:schema11.properties["custom-product-pages"].items.properties.screenshots.items.properties["display-type"],data:data37};
if(vErrors === null){
vErrors = [err91];
}
else {
vErrors.push(err91);
}
errors++;
}
}
if(data35["placement-group"] !== undefined){
let data38 = data35["placement-group"];
if(typeof data38 === "string"){
if(!pattern0.test(data38)){
const err92 = {instancePath:instancePath+"/custom-product-pages/" + i10+"/screenshots/" + i11+"/placement-group",schemaPath:"#/properties/custom-product-pages/items/properties/screenshots/items/properties/placement-group/pattern",keyword:"pattern",params:{pattern: "^[A-Z0-9_]+$"},message:"must match pattern \""+"^[A-Z0-9_]+$"+"\"",schema:"^[A-Z0-9_]+$",parentSchema:schema11.properties["custom-product-pages"].items.properties.screenshots.items.properties["placement-group"],data:data38};
if(vErrors === null){
vErrors = [err92];
}
else {
vErrors.push(err92);
}
errors++;
}
}
else {
const err93 = {instancePath:instancePath+"/custom-product-pages/" + i10+"/screenshots/" + i11+"/placement-group",schemaPath:"#/properties/custom-product-pages/items/properties/screenshots/items/properties/placement-group/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties["custom-product-pages"].items.properties.screenshots.items.properties["placement-group"].type,parentSchema:schema11.properties["custom-product-pages"].items.properties.screenshots.items.properties["placement-group"],data:data38};
if(vErrors === null){
vErrors = [err93];
}
else {
vErrors.push(err93);
}
errors++;
}
}
if(data35.platform !== undefined){
let data39 = data35.platform;
if(typeof data39 !== "string"){
const err94 = {instancePath:instancePath+"/custom-product-pages/" + i10+"/screenshots/" + i11+"/platform",schemaPath:"#/properties/custom-product-pages/items/properties/screenshots/items/properties/platform/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties["custom-product-pages"].items.properties.screenshots.items.properties.platform.type,parentSchema:schema11.properties["custom-product-pages"].items.properties.screenshots.items.properties.platform,data:data39};
if(vErrors === null){
vErrors = [err94];
}
else {
vErrors.push(err94);
}
errors++;
}
if(!((((data39 === "IOS") || (data39 === "MAC_OS")) || (data39 === "TV_OS")) || (data39 === "VISION_OS"))){
const err95 = {instancePath:instancePath+"/custom-product-pages/" + i10+"/screenshots/" + i11+"/platform",schemaPath:"#/properties/custom-product-pages/items/properties/screenshots/items/properties/platform/enum",keyword:"enum",params:{allowedValues: schema11.properties["custom-product-pages"].items.properties.screenshots.items.properties.platform.enum},message:"must be equal to one of the allowed values",schema:schema11.properties["custom-product-pages"].items.properties.screenshots.items.properties.platform.enum,parentSchema:schema11.properties["custom-product-pages"].items.properties.screenshots.items.properties.platform,data:data39};
if(vErrors === null){
vErrors = [err95];
}
else {
vErrors.push(err95);
}
errors++;
}
}
if(data35.locales !== undefined){
let data40 = data35.locales;
if(Array.isArray(data40)){
if(data40.length < 1){
const err96 = {instancePath:instancePath+"/custom-product-pages/" + i10+"/screenshots/" + i11+"/locales",schemaPath:"#/properties/custom-product-pages/items/properties/screenshots/items/properties/locales/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items",schema:1,parentSchema:schema11.properties["custom-product-pages"].items.properties.screenshots.items.properties.locales,data:data40};
if(vErrors === null){
vErrors = [err96];
}
else {
vErrors.push(err96);
}
errors++;
}
const len9 = data40.length;
for(let i12=0; i12<len9; i12++){
let data41 = data40[i12];
if(typeof data41 === "string"){
if(!pattern1.test(data41)){
const err97 = {instancePath:instancePath+"/custom-product-pages/" + i10+"/screenshots/" + i11+"/locales/" + i12,schemaPath:"#/properties/custom-product-pages/items/properties/screenshots/items/properties/locales/items/pattern",keyword:"pattern",params:{pattern: "^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$"},message:"must match pattern \""+"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$"+"\"",schema:"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$",parentSchema:schema11.properties["custom-product-pages"].items.properties.screenshots.items.properties.locales.items,data:data41};
if(vErrors === null){
vErrors = [err97];
}
else {
vErrors.push(err97);
}
errors++;
}
}
else {
const err98 = {instancePath:instancePath+"/custom-product-pages/" + i10+"/screenshots/" + i11+"/locales/" + i12,schemaPath:"#/properties/custom-product-pages/items/properties/screenshots/items/properties/locales/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties["custom-product-pages"].items.properties.screenshots.items.properties.locales.items.type,parentSchema:schema11.properties["custom-product-pages"].items.properties.screenshots.items.properties.locales.items,data:data41};
if(vErrors === null){
vErrors = [err98];
}
else {
vErrors.push(err98);
}
errors++;
}
}
let i13 = data40.length;
let j3;
if(i13 > 1){
const indices3 = {};
for(;i13--;){
let item3 = data40[i13];
if(typeof item3 !== "string"){
continue;
}
if(typeof indices3[item3] == "number"){
j3 = indices3[item3];
const err99 = {instancePath:instancePath+"/custom-product-pages/" + i10+"/screenshots/" + i11+"/locales",schemaPath:"#/properties/custom-product-pages/items/properties/screenshots/items/properties/locales/uniqueItems",keyword:"uniqueItems",params:{i: i13, j: j3},message:"must NOT have duplicate items (items ## "+j3+" and "+i13+" are identical)",schema:true,parentSchema:schema11.properties["custom-product-pages"].items.properties.screenshots.items.properties.locales,data:data40};
if(vErrors === null){
vErrors = [err99];
}
else {
vErrors.push(err99);
}
errors++;
break;
}
indices3[item3] = i13;
}
}
}
else {
const err100 = {instancePath:instancePath+"/custom-product-pages/" + i10+"/screenshots/" + i11+"/locales",schemaPath:"#/properties/custom-product-pages/items/properties/screenshots/items/properties/locales/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema11.properties["custom-product-pages"].items.properties.screenshots.items.properties.locales.type,parentSchema:schema11.properties["custom-product-pages"].items.properties.screenshots.items.properties.locales,data:data40};
if(vErrors === null){
vErrors = [err100];
}
else {
vErrors.push(err100);
}
errors++;
}
}
}
else {
const err101 = {instancePath:instancePath+"/custom-product-pages/" + i10+"/screenshots/" + i11,schemaPath:"#/properties/custom-product-pages/items/properties/screenshots/items/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties["custom-product-pages"].items.properties.screenshots.items.type,parentSchema:schema11.properties["custom-product-pages"].items.properties.screenshots.items,data:data35};
if(vErrors === null){
vErrors = [err101];
}
else {
vErrors.push(err101);
}
errors++;
}
}
}
else {
const err102 = {instancePath:instancePath+"/custom-product-pages/" + i10+"/screenshots",schemaPath:"#/properties/custom-product-pages/items/properties/screenshots/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema11.properties["custom-product-pages"].items.properties.screenshots.type,parentSchema:schema11.properties["custom-product-pages"].items.properties.screenshots,data:data34};
if(vErrors === null){
vErrors = [err102];
}
else {
vErrors.push(err102);
}
errors++;
}
}
if(data32.previews !== undefined){
let data42 = data32.previews;
if(Array.isArray(data42)){
if(data42.length < 1){
const err103 = {instancePath:instancePath+"/custom-product-pages/" + i10+"/previews",schemaPath:"#/properties/custom-product-pages/items/properties/previews/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items",schema:1,parentSchema:schema11.properties["custom-product-pages"].items.properties.previews,data:data42};
if(vErrors === null){
vErrors = [err103];
}
else {
vErrors.push(err103);
}
errors++;
}
const len10 = data42.length;
for(let i14=0; i14<len10; i14++){
let data43 = data42[i14];
const _errs106 = errors;
let valid37 = false;
const _errs107 = errors;
if(data43 && typeof data43 == "object" && !Array.isArray(data43)){
if(data43["preview-type"] === undefined){
const err104 = {instancePath:instancePath+"/custom-product-pages/" + i10+"/previews/" + i14,schemaPath:"#/properties/custom-product-pages/items/properties/previews/items/anyOf/0/required",keyword:"required",params:{missingProperty: "preview-type"},message:"must have required property '"+"preview-type"+"'",schema:schema11.properties["custom-product-pages"].items.properties.previews.items.anyOf[0].required,parentSchema:schema11.properties["custom-product-pages"].items.properties.previews.items.anyOf[0],data:data43};
if(vErrors === null){
vErrors = [err104];
}
else {
vErrors.push(err104);
}
errors++;
}
}
var _valid3 = _errs107 === errors;
valid37 = valid37 || _valid3;
if(!valid37){
const _errs108 = errors;
if(data43 && typeof data43 == "object" && !Array.isArray(data43)){
if(data43["placement-group"] === undefined){
const err105 = {instancePath:instancePath+"/custom-product-pages/" + i10+"/previews/" + i14,schemaPath:"#/properties/custom-product-pages/items/properties/previews/items/anyOf/1/required",keyword:"required",params:{missingProperty: "placement-group"},message:"must have required property '"+"placement-group"+"'",schema:schema11.properties["custom-product-pages"].items.properties.previews.items.anyOf[1].required,parentSchema:schema11.properties["custom-product-pages"].items.properties.previews.items.anyOf[1],data:data43};
if(vErrors === null){
vErrors = [err105];
}
else {
vErrors.push(err105);
}
errors++;
}
}
var _valid3 = _errs108 === errors;
valid37 = valid37 || _valid3;
}
if(!valid37){
const err106 = {instancePath:instancePath+"/custom-product-pages/" + i10+"/previews/" + i14,schemaPath:"#/properties/custom-product-pages/items/properties/previews/items/anyOf",keyword:"anyOf",params:{},message:"must match a schema in anyOf",schema:schema11.properties["custom-product-pages"].items.properties.previews.items.anyOf,parentSchema:schema11.properties["custom-product-pages"].items.properties.previews.items,data:data43};
if(vErrors === null){
vErrors = [err106];
}
else {
vErrors.push(err106);
}
errors++;
}
else {
errors = _errs106;
if(vErrors !== null){
if(_errs106){
vErrors.length = _errs106;
}
else {
vErrors = null;
}
}
}
if(data43 && typeof data43 == "object" && !Array.isArray(data43)){
if(data43.files === undefined){
const err107 = {instancePath:instancePath+"/custom-product-pages/" + i10+"/previews/" + i14,schemaPath:"#/properties/custom-product-pages/items/properties/previews/items/required",keyword:"required",params:{missingProperty: "files"},message:"must have required property '"+"files"+"'",schema:schema11.properties["custom-product-pages"].items.properties.previews.items.required,parentSchema:schema11.properties["custom-product-pages"].items.properties.previews.items,data:data43};
if(vErrors === null){
vErrors = [err107];
}
else {
vErrors.push(err107);
}
errors++;
}
for(const key8 in data43){
if(!((((((key8 === "files") || (key8 === "preview-type")) || (key8 === "placement-group")) || (key8 === "platform")) || (key8 === "locales")) || (key8 === "frame-time-code"))){
const err108 = {instancePath:instancePath+"/custom-product-pages/" + i10+"/previews/" + i14,schemaPath:"#/properties/custom-product-pages/items/properties/previews/items/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key8},message:"must NOT have additional properties",schema:false,parentSchema:schema11.properties["custom-product-pages"].items.properties.previews.items,data:data43};
if(vErrors === null){
vErrors = [err108];
}
else {
vErrors.push(err108);
}
errors++;
}
}
if(data43.files !== undefined){
let data44 = data43.files;
if(typeof data44 === "string"){
if(func3(data44) < 1){
const err109 = {instancePath:instancePath+"/custom-product-pages/" + i10+"/previews/" + i14+"/files",schemaPath:"#/properties/custom-product-pages/items/properties/previews/items/properties/files/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema11.properties["custom-product-pages"].items.properties.previews.items.properties.files,data:data44};
if(vErrors === null){
vErrors = [err109];
}
else {
vErrors.push(err109);
}
errors++;
}
}
else {
const err110 = {instancePath:instancePath+"/custom-product-pages/" + i10+"/previews/" + i14+"/files",schemaPath:"#/properties/custom-product-pages/items/properties/previews/items/properties/files/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties["custom-product-pages"].items.properties.previews.items.properties.files.type,parentSchema:schema11.properties["custom-product-pages"].items.properties.previews.items.properties.files,data:data44};
if(vErrors === null){
vErrors = [err110];
}
else {
vErrors.push(err110);
}
errors++;
}
}
if(data43["preview-type"] !== undefined){
let data45 = data43["preview-type"];
if(typeof data45 !== "string"){
const err111 = {instancePath:instancePath+"/custom-product-pages/" + i10+"/previews/" + i14+"/preview-type",schemaPath:"#/properties/custom-product-pages/items/properties/previews/items/properties/preview-type/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties["custom-product-pages"].items.properties.previews.items.properties["preview-type"].type,parentSchema:schema11.properties["custom-product-pages"].items.properties.previews.items.properties["preview-type"],data:data45};
if(vErrors === null){
vErrors = [err111];
}
else {
vErrors.push(err111);
}
errors++;
}
if(!((((((((((((((((data45 === "IPHONE_67") || (data45 === "IPHONE_65")) || (data45 === "IPHONE_61")) || (data45 === "IPHONE_58")) || (data45 === "IPHONE_55")) || (data45 === "IPHONE_47")) || (data45 === "IPHONE_40")) || (data45 === "IPHONE_35")) || (data45 === "IPAD_PRO_3GEN_129")) || (data45 === "IPAD_PRO_3GEN_11")) || (data45 === "IPAD_PRO_129")) || (data45 === "IPAD_105")) || (data45 === "IPAD_97")) || (data45 === "DESKTOP")) || (data45 === "APPLE_TV")) || (data45 === "APPLE_VISION_PRO"))){
const err112 = {instancePath:instancePath+"/custom-product-pages/" + i10+"/previews/" + i14+"/preview-type",schemaPath:"#/properties/custom-product-pages/items/properties/previews/items/properties/preview-type/enum",keyword:"enum",params:{allowedValues: schema11.properties["custom-product-pages"].items.properties.previews.items.properties["preview-type"].enum},message:"must be equal to one of the allowed values",schema:schema11.properties["custom-product-pages"].items.properties.previews.items.properties["preview-type"].enum,parentSchema:schema11.properties["custom-product-pages"].items.properties.previews.items.properties["preview-type"],data:data45};
if(vErrors === null){
vErrors = [err112];
}
else {
vErrors.push(err112);
}
errors++;
}
}
if(data43["placement-group"] !== undefined){
let data46 = data43["placement-group"];
if(typeof data46 === "string"){
if(!pattern0.test(data46)){
const err113 = {instancePath:instancePath+"/custom-product-pages/" + i10+"/previews/" + i14+"/placement-group",schemaPath:"#/properties/custom-product-pages/items/properties/previews/items/properties/placement-group/pattern",keyword:"pattern",params:{pattern: "^[A-Z0-9_]+$"},message:"must match pattern \""+"^[A-Z0-9_]+$"+"\"",schema:"^[A-Z0-9_]+$",parentSchema:schema11.properties["custom-product-pages"].items.properties.previews.items.properties["placement-group"],data:data46};
if(vErrors === null){
vErrors = [err113];
}
else {
vErrors.push(err113);
}
errors++;
}
}
else {
const err114 = {instancePath:instancePath+"/custom-product-pages/" + i10+"/previews/" + i14+"/placement-group",schemaPath:"#/properties/custom-product-pages/items/properties/previews/items/properties/placement-group/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties["custom-product-pages"].items.properties.previews.items.properties["placement-group"].type,parentSchema:schema11.properties["custom-product-pages"].items.properties.previews.items.properties["placement-group"],data:data46};
if(vErrors === null){
vErrors = [err114];
}
else {
vErrors.push(err114);
}
errors++;
}
}
if(data43.platform !== undefined){
let data47 = data43.platform;
if(typeof data47 !== "string"){
const err115 = {instancePath:instancePath+"/custom-product-pages/" + i10+"/previews/" + i14+"/platform",schemaPath:"#/properties/custom-product-pages/items/properties/previews/items/properties/platform/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties["custom-product-pages"].items.properties.previews.items.properties.platform.type,parentSchema:schema11.properties["custom-product-pages"].items.properties.previews.items.properties.platform,data:data47};
if(vErrors === null){
vErrors = [err115];
}
else {
vErrors.push(err115);
}
errors++;
}
if(!((((data47 === "IOS") || (data47 === "MAC_OS")) || (data47 === "TV_OS")) || (data47 === "VISION_OS"))){
const err116 = {instancePath:instancePath+"/custom-product-pages/" + i10+"/previews/" + i14+"/platform",schemaPath:"#/properties/custom-product-pages/items/properties/previews/items/properties/platform/enum",keyword:"enum",params:{allowedValues: schema11.properties["custom-product-pages"].items.properties.previews.items.properties.platform.enum},message:"must be equal to one of the allowed values",schema:schema11.properties["custom-product-pages"].items.properties.previews.items.properties.platform.enum,parentSchema:schema11.properties["custom-product-pages"].items.properties.previews.items.properties.platform,data:data47};
if(vErrors === null){
vErrors = [err116];
}
else {
vErrors.push(err116);
}
errors++;
}
}
if(data43.locales !== undefined){
let data48 = data43.locales;
if(Array.isArray(data48)){
if(data48.length < 1){
const err117 = {instancePath:instancePath+"/custom-product-pages/" + i10+"/previews/" + i14+"/locales",schemaPath:"#/properties/custom-product-pages/items/properties/previews/items/properties/locales/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items",schema:1,parentSchema:schema11.properties["custom-product-pages"].items.properties.previews.items.properties.locales,data:data48};
if(vErrors === null){
vErrors = [err117];
}
else {
vErrors.push(err117);
}
errors++;
}
const len11 = data48.length;
for(let i15=0; i15<len11; i15++){
let data49 = data48[i15];
if(typeof data49 === "string"){
if(!pattern1.test(data49)){
const err118 = {instancePath:instancePath+"/custom-product-pages/" + i10+"/previews/" + i14+"/locales/" + i15,schemaPath:"#/properties/custom-product-pages/items/properties/previews/items/properties/locales/items/pattern",keyword:"pattern",params:{pattern: "^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$"},message:"must match pattern \""+"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$"+"\"",schema:"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$",parentSchema:schema11.properties["custom-product-pages"].items.properties.previews.items.properties.locales.items,data:data49};
if(vErrors === null){
vErrors = [err118];
}
else {
vErrors.push(err118);
}
errors++;
}
}
else {
const err119 = {instancePath:instancePath+"/custom-product-pages/" + i10+"/previews/" + i14+"/locales/" + i15,schemaPath:"#/properties/custom-product-pages/items/properties/previews/items/properties/locales/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties["custom-product-pages"].items.properties.previews.items.properties.locales.items.type,parentSchema:schema11.properties["custom-product-pages"].items.properties.previews.items.properties.locales.items,data:data49};
if(vErrors === null){
vErrors = [err119];
}
else {
vErrors.push(err119);
}
errors++;
}
}
let i16 = data48.length;
let j4;
if(i16 > 1){
const indices4 = {};
for(;i16--;){
let item4 = data48[i16];
if(typeof item4 !== "string"){
continue;
}
if(typeof indices4[item4] == "number"){
j4 = indices4[item4];
const err120 = {instancePath:instancePath+"/custom-product-pages/" + i10+"/previews/" + i14+"/locales",schemaPath:"#/properties/custom-product-pages/items/properties/previews/items/properties/locales/uniqueItems",keyword:"uniqueItems",params:{i: i16, j: j4},message:"must NOT have duplicate items (items ## "+j4+" and "+i16+" are identical)",schema:true,parentSchema:schema11.properties["custom-product-pages"].items.properties.previews.items.properties.locales,data:data48};
if(vErrors === null){
vErrors = [err120];
}
else {
vErrors.push(err120);
}
errors++;
break;
}
indices4[item4] = i16;
}
}
}
else {
const err121 = {instancePath:instancePath+"/custom-product-pages/" + i10+"/previews/" + i14+"/locales",schemaPath:"#/properties/custom-product-pages/items/properties/previews/items/properties/locales/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema11.properties["custom-product-pages"].items.properties.previews.items.properties.locales.type,parentSchema:schema11.properties["custom-product-pages"].items.properties.previews.items.properties.locales,data:data48};
if(vErrors === null){
vErrors = [err121];
}
else {
vErrors.push(err121);
}
errors++;
}
}
if(data43["frame-time-code"] !== undefined){
let data50 = data43["frame-time-code"];
if(typeof data50 === "string"){
if(!pattern4.test(data50)){
const err122 = {instancePath:instancePath+"/custom-product-pages/" + i10+"/previews/" + i14+"/frame-time-code",schemaPath:"#/properties/custom-product-pages/items/properties/previews/items/properties/frame-time-code/pattern",keyword:"pattern",params:{pattern: "^\\d{2}:\\d{2}:\\d{2}:\\d{2}$"},message:"must match pattern \""+"^\\d{2}:\\d{2}:\\d{2}:\\d{2}$"+"\"",schema:"^\\d{2}:\\d{2}:\\d{2}:\\d{2}$",parentSchema:schema11.properties["custom-product-pages"].items.properties.previews.items.properties["frame-time-code"],data:data50};
if(vErrors === null){
vErrors = [err122];
}
else {
vErrors.push(err122);
}
errors++;
}
}
else {
const err123 = {instancePath:instancePath+"/custom-product-pages/" + i10+"/previews/" + i14+"/frame-time-code",schemaPath:"#/properties/custom-product-pages/items/properties/previews/items/properties/frame-time-code/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties["custom-product-pages"].items.properties.previews.items.properties["frame-time-code"].type,parentSchema:schema11.properties["custom-product-pages"].items.properties.previews.items.properties["frame-time-code"],data:data50};
if(vErrors === null){
vErrors = [err123];
}
else {
vErrors.push(err123);
}
errors++;
}
}
}
else {
const err124 = {instancePath:instancePath+"/custom-product-pages/" + i10+"/previews/" + i14,schemaPath:"#/properties/custom-product-pages/items/properties/previews/items/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties["custom-product-pages"].items.properties.previews.items.type,parentSchema:schema11.properties["custom-product-pages"].items.properties.previews.items,data:data43};
if(vErrors === null){
vErrors = [err124];
}
else {
vErrors.push(err124);
}
errors++;
}
}
}
else {
const err125 = {instancePath:instancePath+"/custom-product-pages/" + i10+"/previews",schemaPath:"#/properties/custom-product-pages/items/properties/previews/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema11.properties["custom-product-pages"].items.properties.previews.type,parentSchema:schema11.properties["custom-product-pages"].items.properties.previews,data:data42};
if(vErrors === null){
vErrors = [err125];
}
else {
vErrors.push(err125);
}
errors++;
}
}
}
else {
const err126 = {instancePath:instancePath+"/custom-product-pages/" + i10,schemaPath:"#/properties/custom-product-pages/items/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties["custom-product-pages"].items.type,parentSchema:schema11.properties["custom-product-pages"].items,data:data32};
if(vErrors === null){
vErrors = [err126];
}
else {
vErrors.push(err126);
}
errors++;
}
}
}
else {
const err127 = {instancePath:instancePath+"/custom-product-pages",schemaPath:"#/properties/custom-product-pages/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema11.properties["custom-product-pages"].type,parentSchema:schema11.properties["custom-product-pages"],data:data31};
if(vErrors === null){
vErrors = [err127];
}
else {
vErrors.push(err127);
}
errors++;
}
}
if(data.experiments !== undefined){
let data51 = data.experiments;
if(Array.isArray(data51)){
if(data51.length < 1){
const err128 = {instancePath:instancePath+"/experiments",schemaPath:"#/properties/experiments/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items",schema:1,parentSchema:schema11.properties.experiments,data:data51};
if(vErrors === null){
vErrors = [err128];
}
else {
vErrors.push(err128);
}
errors++;
}
const len12 = data51.length;
for(let i17=0; i17<len12; i17++){
let data52 = data51[i17];
if(data52 && typeof data52 == "object" && !Array.isArray(data52)){
if(data52.name === undefined){
const err129 = {instancePath:instancePath+"/experiments/" + i17,schemaPath:"#/properties/experiments/items/required",keyword:"required",params:{missingProperty: "name"},message:"must have required property '"+"name"+"'",schema:schema11.properties.experiments.items.required,parentSchema:schema11.properties.experiments.items,data:data52};
if(vErrors === null){
vErrors = [err129];
}
else {
vErrors.push(err129);
}
errors++;
}
if(data52.treatment === undefined){
const err130 = {instancePath:instancePath+"/experiments/" + i17,schemaPath:"#/properties/experiments/items/required",keyword:"required",params:{missingProperty: "treatment"},message:"must have required property '"+"treatment"+"'",schema:schema11.properties.experiments.items.required,parentSchema:schema11.properties.experiments.items,data:data52};
if(vErrors === null){
vErrors = [err130];
}
else {
vErrors.push(err130);
}
errors++;
}
for(const key9 in data52){
if(!((((key9 === "name") || (key9 === "treatment")) || (key9 === "screenshots")) || (key9 === "previews"))){
const err131 = {instancePath:instancePath+"/experiments/" + i17,schemaPath:"#/properties/experiments/items/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key9},message:"must NOT have additional properties",schema:false,parentSchema:schema11.properties.experiments.items,data:data52};
if(vErrors === null){
vErrors = [err131];
}
else {
vErrors.push(err131);
}
errors++;
}
}
if(data52.name !== undefined){
let data53 = data52.name;
if(typeof data53 === "string"){
if(func3(data53) < 1){
const err132 = {instancePath:instancePath+"/experiments/" + i17+"/name",schemaPath:"#/properties/experiments/items/properties/name/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema11.properties.experiments.items.properties.name,data:data53};
if(vErrors === null){
vErrors = [err132];
}
else {
vErrors.push(err132);
}
errors++;
}
}
else {
const err133 = {instancePath:instancePath+"/experiments/" + i17+"/name",schemaPath:"#/properties/experiments/items/properties/name/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.experiments.items.properties.name.type,parentSchema:schema11.properties.experiments.items.properties.name,data:data53};
if(vErrors === null){
vErrors = [err133];
}
else {
vErrors.push(err133);
}
errors++;
}
}
if(data52.treatment !== undefined){
let data54 = data52.treatment;
if(typeof data54 === "string"){
if(func3(data54) < 1){
const err134 = {instancePath:instancePath+"/experiments/" + i17+"/treatment",schemaPath:"#/properties/experiments/items/properties/treatment/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema11.properties.experiments.items.properties.treatment,data:data54};
if(vErrors === null){
vErrors = [err134];
}
else {
vErrors.push(err134);
}
errors++;
}
}
else {
const err135 = {instancePath:instancePath+"/experiments/" + i17+"/treatment",schemaPath:"#/properties/experiments/items/properties/treatment/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.experiments.items.properties.treatment.type,parentSchema:schema11.properties.experiments.items.properties.treatment,data:data54};
if(vErrors === null){
vErrors = [err135];
}
else {
vErrors.push(err135);
}
errors++;
}
}
if(data52.screenshots !== undefined){
let data55 = data52.screenshots;
if(Array.isArray(data55)){
if(data55.length < 1){
const err136 = {instancePath:instancePath+"/experiments/" + i17+"/screenshots",schemaPath:"#/properties/experiments/items/properties/screenshots/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items",schema:1,parentSchema:schema11.properties.experiments.items.properties.screenshots,data:data55};
if(vErrors === null){
vErrors = [err136];
}
else {
vErrors.push(err136);
}
errors++;
}
const len13 = data55.length;
for(let i18=0; i18<len13; i18++){
let data56 = data55[i18];
const _errs137 = errors;
let valid47 = false;
const _errs138 = errors;
if(data56 && typeof data56 == "object" && !Array.isArray(data56)){
if(data56["display-type"] === undefined){
const err137 = {instancePath:instancePath+"/experiments/" + i17+"/screenshots/" + i18,schemaPath:"#/properties/experiments/items/properties/screenshots/items/anyOf/0/required",keyword:"required",params:{missingProperty: "display-type"},message:"must have required property '"+"display-type"+"'",schema:schema11.properties.experiments.items.properties.screenshots.items.anyOf[0].required,parentSchema:schema11.properties.experiments.items.properties.screenshots.items.anyOf[0],data:data56};
if(vErrors === null){
vErrors = [err137];
}
else {
vErrors.push(err137);
}
errors++;
}
}
var _valid4 = _errs138 === errors;
valid47 = valid47 || _valid4;
if(!valid47){
const _errs139 = errors;
if(data56 && typeof data56 == "object" && !Array.isArray(data56)){
if(data56["placement-group"] === undefined){
const err138 = {instancePath:instancePath+"/experiments/" + i17+"/screenshots/" + i18,schemaPath:"#/properties/experiments/items/properties/screenshots/items/anyOf/1/required",keyword:"required",params:{missingProperty: "placement-group"},message:"must have required property '"+"placement-group"+"'",schema:schema11.properties.experiments.items.properties.screenshots.items.anyOf[1].required,parentSchema:schema11.properties.experiments.items.properties.screenshots.items.anyOf[1],data:data56};
if(vErrors === null){
vErrors = [err138];
}
else {
vErrors.push(err138);
}
errors++;
}
}
var _valid4 = _errs139 === errors;
valid47 = valid47 || _valid4;
}
if(!valid47){
const err139 = {instancePath:instancePath+"/experiments/" + i17+"/screenshots/" + i18,schemaPath:"#/properties/experiments/items/properties/screenshots/items/anyOf",keyword:"anyOf",params:{},message:"must match a schema in anyOf",schema:schema11.properties.experiments.items.properties.screenshots.items.anyOf,parentSchema:schema11.properties.experiments.items.properties.screenshots.items,data:data56};
if(vErrors === null){
vErrors = [err139];
}
else {
vErrors.push(err139);
}
errors++;
}
else {
errors = _errs137;
if(vErrors !== null){
if(_errs137){
vErrors.length = _errs137;
}
else {
vErrors = null;
}
}
}
if(data56 && typeof data56 == "object" && !Array.isArray(data56)){
if(data56.files === undefined){
const err140 = {instancePath:instancePath+"/experiments/" + i17+"/screenshots/" + i18,schemaPath:"#/properties/experiments/items/properties/screenshots/items/required",keyword:"required",params:{missingProperty: "files"},message:"must have required property '"+"files"+"'",schema:schema11.properties.experiments.items.properties.screenshots.items.required,parentSchema:schema11.properties.experiments.items.properties.screenshots.items,data:data56};
if(vErrors === null){
vErrors = [err140];
}
else {
vErrors.push(err140);
}
errors++;
}
for(const key10 in data56){
if(!(((((key10 === "files") || (key10 === "display-type")) || (key10 === "placement-group")) || (key10 === "platform")) || (key10 === "locales"))){
const err141 = {instancePath:instancePath+"/experiments/" + i17+"/screenshots/" + i18,schemaPath:"#/properties/experiments/items/properties/screenshots/items/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key10},message:"must NOT have additional properties",schema:false,parentSchema:schema11.properties.experiments.items.properties.screenshots.items,data:data56};
if(vErrors === null){
vErrors = [err141];
}
else {
vErrors.push(err141);
}
errors++;
}
}
if(data56.files !== undefined){
let data57 = data56.files;
if(typeof data57 === "string"){
if(func3(data57) < 1){
const err142 = {instancePath:instancePath+"/experiments/" + i17+"/screenshots/" + i18+"/files",schemaPath:"#/properties/experiments/items/properties/screenshots/items/properties/files/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema11.properties.experiments.items.properties.screenshots.items.properties.files,data:data57};
if(vErrors === null){
vErrors = [err142];
}
else {
vErrors.push(err142);
}
errors++;
}
}
else {
const err143 = {instancePath:instancePath+"/experiments/" + i17+"/screenshots/" + i18+"/files",schemaPath:"#/properties/experiments/items/properties/screenshots/items/properties/files/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.experiments.items.properties.screenshots.items.properties.files.type,parentSchema:schema11.properties.experiments.items.properties.screenshots.items.properties.files,data:data57};
if(vErrors === null){
vErrors = [err143];
}
else {
vErrors.push(err143);
}
errors++;
}
}
if(data56["display-type"] !== undefined){
let data58 = data56["display-type"];
if(typeof data58 !== "string"){
const err144 = {instancePath:instancePath+"/experiments/" + i17+"/screenshots/" + i18+"/display-type",schemaPath:"#/properties/experiments/items/properties/screenshots/items/properties/display-type/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.experiments.items.properties.screenshots.items.properties["display-type"].type,parentSchema:schema11.properties.experiments.items.properties.screenshots.items.properties["display-type"],data:data58};
if(vErrors === null){
vErrors = [err144];
}
else {
vErrors.push(err144);
}
errors++;
}
if(!(((((((((((((((((((((((((((((((((data58 === "APP_IPHONE_67") || (data58 === "APP_IPHONE_65")) || (data58 === "APP_IPHONE_61")) || (data58 === "APP_IPHONE_58")) || (data58 === "APP_IPHONE_55")) || (data58 === "APP_IPHONE_47")) || (data58 === "APP_IPHONE_40")) || (data58 === "APP_IPHONE_35")) || (data58 === "APP_IPAD_PRO_3GEN_129")) || (data58 === "APP_IPAD_PRO_129")) || (data58 === "APP_IPAD_PRO_3GEN_11")) || (data58 === "APP_IPAD_105")) || (data58 === "APP_IPAD_97")) || (data58 === "APP_DESKTOP")) || (data58 === "APP_APPLE_TV")) || (data58 === "APP_APPLE_VISION_PRO")) || (data58 === "APP_WATCH_ULTRA")) || (data58 === "APP_WATCH_SERIES_10")) || (data58 === "APP_WATCH_SERIES_7")) || (data58 === "APP_WATCH_SERIES_4")) || (data58 === "APP_WATCH_SERIES_3")) || (data58 === "IMESSAGE_APP_IPHONE_67")) || (data58 === "IMESSAGE_APP_IPHONE_65")) || (data58 === "IMESSAGE_APP_IPHONE_61")) || (data58 === "IMESSAGE_APP_IPHONE_58")) || (data58 === "IMESSAGE_APP_IPHONE_55")) || (data58 === "IMESSAGE_APP_IPHONE_47")) || (data58 === "IMESSAGE_APP_IPHONE_40")) || (data58 === "IMESSAGE_APP_IPAD_PRO_3GEN_129")) || (data58 === "IMESSAGE_APP_IPAD_PRO_3GEN_11")) || (data58 === "IMESSAGE_APP_IPAD_PRO_129")) || (data58 === "IMESSAGE_APP_IPAD_105")) || (data58 === "IMESSAGE_APP_IPAD_97"))){
const err145 = {instancePath:instancePath+"/experiments/" + i17+"/screenshots/" + i18+"/display-type",schemaPath:"#/properties/experiments/items/properties/screenshots/items/properties/display-type/enum",keyword:"enum",params:{allowedValues: schema11.properties.experiments.items.properties.screenshots.items.properties["display-type"].enum},message:"must be equal to one of the allowed values",schema:schema11.properties.experiments.items.properties.screenshots.items.properties["display-type"].enum,parentSchema:schema11.properties.experiments.items.properties.screenshots.items.properties["display-type"],data:data58};
if(vErrors === null){
vErrors = [err145];
}
else {
vErrors.push(err145);
}
errors++;
}
}
if(data56["placement-group"] !== undefined){
let data59 = data56["placement-group"];
if(typeof data59 === "string"){
if(!pattern0.test(data59)){
const err146 = {instancePath:instancePath+"/experiments/" + i17+"/screenshots/" + i18+"/placement-group",schemaPath:"#/properties/experiments/items/properties/screenshots/items/properties/placement-group/pattern",keyword:"pattern",params:{pattern: "^[A-Z0-9_]+$"},message:"must match pattern \""+"^[A-Z0-9_]+$"+"\"",schema:"^[A-Z0-9_]+$",parentSchema:schema11.properties.experiments.items.properties.screenshots.items.properties["placement-group"],data:data59};
if(vErrors === null){
vErrors = [err146];
}
else {
vErrors.push(err146);
}
errors++;
}
}
else {
const err147 = {instancePath:instancePath+"/experiments/" + i17+"/screenshots/" + i18+"/placement-group",schemaPath:"#/properties/experiments/items/properties/screenshots/items/properties/placement-group/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.experiments.items.properties.screenshots.items.properties["placement-group"].type,parentSchema:schema11.properties.experiments.items.properties.screenshots.items.properties["placement-group"],data:data59};
if(vErrors === null){
vErrors = [err147];
}
else {
vErrors.push(err147);
}
errors++;
}
}
if(data56.platform !== undefined){
let data60 = data56.platform;
if(typeof data60 !== "string"){
const err148 = {instancePath:instancePath+"/experiments/" + i17+"/screenshots/" + i18+"/platform",schemaPath:"#/properties/experiments/items/properties/screenshots/items/properties/platform/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.experiments.items.properties.screenshots.items.properties.platform.type,parentSchema:schema11.properties.experiments.items.properties.screenshots.items.properties.platform,data:data60};
if(vErrors === null){
vErrors = [err148];
}
else {
vErrors.push(err148);
}
errors++;
}
if(!((((data60 === "IOS") || (data60 === "MAC_OS")) || (data60 === "TV_OS")) || (data60 === "VISION_OS"))){
const err149 = {instancePath:instancePath+"/experiments/" + i17+"/screenshots/" + i18+"/platform",schemaPath:"#/properties/experiments/items/properties/screenshots/items/properties/platform/enum",keyword:"enum",params:{allowedValues: schema11.properties.experiments.items.properties.screenshots.items.properties.platform.enum},message:"must be equal to one of the allowed values",schema:schema11.properties.experiments.items.properties.screenshots.items.properties.platform.enum,parentSchema:schema11.properties.experiments.items.properties.screenshots.items.properties.platform,data:data60};
if(vErrors === null){
vErrors = [err149];
}
else {
vErrors.push(err149);
}
errors++;
}
}
if(data56.locales !== undefined){
let data61 = data56.locales;
if(Array.isArray(data61)){
if(data61.length < 1){
const err150 = {instancePath:instancePath+"/experiments/" + i17+"/screenshots/" + i18+"/locales",schemaPath:"#/properties/experiments/items/properties/screenshots/items/properties/locales/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items",schema:1,parentSchema:schema11.properties.experiments.items.properties.screenshots.items.properties.locales,data:data61};
if(vErrors === null){
vErrors = [err150];
}
else {
vErrors.push(err150);
}
errors++;
}
const len14 = data61.length;
for(let i19=0; i19<len14; i19++){
let data62 = data61[i19];
if(typeof data62 === "string"){
if(!pattern1.test(data62)){
const err151 = {instancePath:instancePath+"/experiments/" + i17+"/screenshots/" + i18+"/locales/" + i19,schemaPath:"#/properties/experiments/items/properties/screenshots/items/properties/locales/items/pattern",keyword:"pattern",params:{pattern: "^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$"},message:"must match pattern \""+"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$"+"\"",schema:"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$",parentSchema:schema11.properties.experiments.items.properties.screenshots.items.properties.locales.items,data:data62};
if(vErrors === null){
vErrors = [err151];
}
else {
vErrors.push(err151);
}
errors++;
}
}
else {
const err152 = {instancePath:instancePath+"/experiments/" + i17+"/screenshots/" + i18+"/locales/" + i19,schemaPath:"#/properties/experiments/items/properties/screenshots/items/properties/locales/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.experiments.items.properties.screenshots.items.properties.locales.items.type,parentSchema:schema11.properties.experiments.items.properties.screenshots.items.properties.locales.items,data:data62};
if(vErrors === null){
vErrors = [err152];
}
else {
vErrors.push(err152);
}
errors++;
}
}
let i20 = data61.length;
let j5;
if(i20 > 1){
const indices5 = {};
for(;i20--;){
let item5 = data61[i20];
if(typeof item5 !== "string"){
continue;
}
if(typeof indices5[item5] == "number"){
j5 = indices5[item5];
const err153 = {instancePath:instancePath+"/experiments/" + i17+"/screenshots/" + i18+"/locales",schemaPath:"#/properties/experiments/items/properties/screenshots/items/properties/locales/uniqueItems",keyword:"uniqueItems",params:{i: i20, j: j5},message:"must NOT have duplicate items (items ## "+j5+" and "+i20+" are identical)",schema:true,parentSchema:schema11.properties.experiments.items.properties.screenshots.items.properties.locales,data:data61};
if(vErrors === null){
vErrors = [err153];
}
else {
vErrors.push(err153);
}
errors++;
break;
}
indices5[item5] = i20;
}
}
}
else {
const err154 = {instancePath:instancePath+"/experiments/" + i17+"/screenshots/" + i18+"/locales",schemaPath:"#/properties/experiments/items/properties/screenshots/items/properties/locales/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema11.properties.experiments.items.properties.screenshots.items.properties.locales.type,parentSchema:schema11.properties.experiments.items.properties.screenshots.items.properties.locales,data:data61};
if(vErrors === null){
vErrors = [err154];
}
else {
vErrors.push(err154);
}
errors++;
}
}
}
else {
const err155 = {instancePath:instancePath+"/experiments/" + i17+"/screenshots/" + i18,schemaPath:"#/properties/experiments/items/properties/screenshots/items/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.experiments.items.properties.screenshots.items.type,parentSchema:schema11.properties.experiments.items.properties.screenshots.items,data:data56};
if(vErrors === null){
vErrors = [err155];
}
else {
vErrors.push(err155);
}
errors++;
}
}
}
else {
const err156 = {instancePath:instancePath+"/experiments/" + i17+"/screenshots",schemaPath:"#/properties/experiments/items/properties/screenshots/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema11.properties.experiments.items.properties.screenshots.type,parentSchema:schema11.properties.experiments.items.properties.screenshots,data:data55};
if(vErrors === null){
vErrors = [err156];
}
else {
vErrors.push(err156);
}
errors++;
}
}
if(data52.previews !== undefined){
let data63 = data52.previews;
if(Array.isArray(data63)){
if(data63.length < 1){
const err157 = {instancePath:instancePath+"/experiments/" + i17+"/previews",schemaPath:"#/properties/experiments/items/properties/previews/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items",schema:1,parentSchema:schema11.properties.experiments.items.properties.previews,data:data63};
if(vErrors === null){
vErrors = [err157];
}
else {
vErrors.push(err157);
}
errors++;
}
const len15 = data63.length;
for(let i21=0; i21<len15; i21++){
let data64 = data63[i21];
const _errs157 = errors;
let valid54 = false;
const _errs158 = errors;
if(data64 && typeof data64 == "object" && !Array.isArray(data64)){
if(data64["preview-type"] === undefined){
const err158 = {instancePath:instancePath+"/experiments/" + i17+"/previews/" + i21,schemaPath:"#/properties/experiments/items/properties/previews/items/anyOf/0/required",keyword:"required",params:{missingProperty: "preview-type"},message:"must have required property '"+"preview-type"+"'",schema:schema11.properties.experiments.items.properties.previews.items.anyOf[0].required,parentSchema:schema11.properties.experiments.items.properties.previews.items.anyOf[0],data:data64};
if(vErrors === null){
vErrors = [err158];
}
else {
vErrors.push(err158);
}
errors++;
}
}
var _valid5 = _errs158 === errors;
valid54 = valid54 || _valid5;
if(!valid54){
const _errs159 = errors;
if(data64 && typeof data64 == "object" && !Array.isArray(data64)){
if(data64["placement-group"] === undefined){
const err159 = {instancePath:instancePath+"/experiments/" + i17+"/previews/" + i21,schemaPath:"#/properties/experiments/items/properties/previews/items/anyOf/1/required",keyword:"required",params:{missingProperty: "placement-group"},message:"must have required property '"+"placement-group"+"'",schema:schema11.properties.experiments.items.properties.previews.items.anyOf[1].required,parentSchema:schema11.properties.experiments.items.properties.previews.items.anyOf[1],data:data64};
if(vErrors === null){
vErrors = [err159];
}
else {
vErrors.push(err159);
}
errors++;
}
}
var _valid5 = _errs159 === errors;
valid54 = valid54 || _valid5;
}
if(!valid54){
const err160 = {instancePath:instancePath+"/experiments/" + i17+"/previews/" + i21,schemaPath:"#/properties/experiments/items/properties/previews/items/anyOf",keyword:"anyOf",params:{},message:"must match a schema in anyOf",schema:schema11.properties.experiments.items.properties.previews.items.anyOf,parentSchema:schema11.properties.experiments.items.properties.previews.items,data:data64};
if(vErrors === null){
vErrors = [err160];
}
else {
vErrors.push(err160);
}
errors++;
}
else {
errors = _errs157;
if(vErrors !== null){
if(_errs157){
vErrors.length = _errs157;
}
else {
vErrors = null;
}
}
}
if(data64 && typeof data64 == "object" && !Array.isArray(data64)){
if(data64.files === undefined){
const err161 = {instancePath:instancePath+"/experiments/" + i17+"/previews/" + i21,schemaPath:"#/properties/experiments/items/properties/previews/items/required",keyword:"required",params:{missingProperty: "files"},message:"must have required property '"+"files"+"'",schema:schema11.properties.experiments.items.properties.previews.items.required,parentSchema:schema11.properties.experiments.items.properties.previews.items,data:data64};
if(vErrors === null){
vErrors = [err161];
}
else {
vErrors.push(err161);
}
errors++;
}
for(const key11 in data64){
if(!((((((key11 === "files") || (key11 === "preview-type")) || (key11 === "placement-group")) || (key11 === "platform")) || (key11 === "locales")) || (key11 === "frame-time-code"))){
const err162 = {instancePath:instancePath+"/experiments/" + i17+"/previews/" + i21,schemaPath:"#/properties/experiments/items/properties/previews/items/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key11},message:"must NOT have additional properties",schema:false,parentSchema:schema11.properties.experiments.items.properties.previews.items,data:data64};
if(vErrors === null){
vErrors = [err162];
}
else {
vErrors.push(err162);
}
errors++;
}
}
if(data64.files !== undefined){
let data65 = data64.files;
if(typeof data65 === "string"){
if(func3(data65) < 1){
const err163 = {instancePath:instancePath+"/experiments/" + i17+"/previews/" + i21+"/files",schemaPath:"#/properties/experiments/items/properties/previews/items/properties/files/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema11.properties.experiments.items.properties.previews.items.properties.files,data:data65};
if(vErrors === null){
vErrors = [err163];
}
else {
vErrors.push(err163);
}
errors++;
}
}
else {
const err164 = {instancePath:instancePath+"/experiments/" + i17+"/previews/" + i21+"/files",schemaPath:"#/properties/experiments/items/properties/previews/items/properties/files/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.experiments.items.properties.previews.items.properties.files.type,parentSchema:schema11.properties.experiments.items.properties.previews.items.properties.files,data:data65};
if(vErrors === null){
vErrors = [err164];
}
else {
vErrors.push(err164);
}
errors++;
}
}
if(data64["preview-type"] !== undefined){
let data66 = data64["preview-type"];
if(typeof data66 !== "string"){
const err165 = {instancePath:instancePath+"/experiments/" + i17+"/previews/" + i21+"/preview-type",schemaPath:"#/properties/experiments/items/properties/previews/items/properties/preview-type/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.experiments.items.properties.previews.items.properties["preview-type"].type,parentSchema:schema11.properties.experiments.items.properties.previews.items.properties["preview-type"],data:data66};
if(vErrors === null){
vErrors = [err165];
}
else {
vErrors.push(err165);
}
errors++;
}
if(!((((((((((((((((data66 === "IPHONE_67") || (data66 === "IPHONE_65")) || (data66 === "IPHONE_61")) || (data66 === "IPHONE_58")) || (data66 === "IPHONE_55")) || (data66 === "IPHONE_47")) || (data66 === "IPHONE_40")) || (data66 === "IPHONE_35")) || (data66 === "IPAD_PRO_3GEN_129")) || (data66 === "IPAD_PRO_3GEN_11")) || (data66 === "IPAD_PRO_129")) || (data66 === "IPAD_105")) || (data66 === "IPAD_97")) || (data66 === "DESKTOP")) || (data66 === "APPLE_TV")) || (data66 === "APPLE_VISION_PRO"))){
const err166 = {instancePath:instancePath+"/experiments/" + i17+"/previews/" + i21+"/preview-type",schemaPath:"#/properties/experiments/items/properties/previews/items/properties/preview-type/enum",keyword:"enum",params:{allowedValues: schema11.properties.experiments.items.properties.previews.items.properties["preview-type"].enum},message:"must be equal to one of the allowed values",schema:schema11.properties.experiments.items.properties.previews.items.properties["preview-type"].enum,parentSchema:schema11.properties.experiments.items.properties.previews.items.properties["preview-type"],data:data66};
if(vErrors === null){
vErrors = [err166];
}
else {
vErrors.push(err166);
}
errors++;
}
}
if(data64["placement-group"] !== undefined){
let data67 = data64["placement-group"];
if(typeof data67 === "string"){
if(!pattern0.test(data67)){
const err167 = {instancePath:instancePath+"/experiments/" + i17+"/previews/" + i21+"/placement-group",schemaPath:"#/properties/experiments/items/properties/previews/items/properties/placement-group/pattern",keyword:"pattern",params:{pattern: "^[A-Z0-9_]+$"},message:"must match pattern \""+"^[A-Z0-9_]+$"+"\"",schema:"^[A-Z0-9_]+$",parentSchema:schema11.properties.experiments.items.properties.previews.items.properties["placement-group"],data:data67};
if(vErrors === null){
vErrors = [err167];
}
else {
vErrors.push(err167);
}
errors++;
}
}
else {
const err168 = {instancePath:instancePath+"/experiments/" + i17+"/previews/" + i21+"/placement-group",schemaPath:"#/properties/experiments/items/properties/previews/items/properties/placement-group/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.experiments.items.properties.previews.items.properties["placement-group"].type,parentSchema:schema11.properties.experiments.items.properties.previews.items.properties["placement-group"],data:data67};
if(vErrors === null){
vErrors = [err168];
}
else {
vErrors.push(err168);
}
errors++;
}
}
if(data64.platform !== undefined){
let data68 = data64.platform;
if(typeof data68 !== "string"){
const err169 = {instancePath:instancePath+"/experiments/" + i17+"/previews/" + i21+"/platform",schemaPath:"#/properties/experiments/items/properties/previews/items/properties/platform/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.experiments.items.properties.previews.items.properties.platform.type,parentSchema:schema11.properties.experiments.items.properties.previews.items.properties.platform,data:data68};
if(vErrors === null){
vErrors = [err169];
}
else {
vErrors.push(err169);
}
errors++;
}
if(!((((data68 === "IOS") || (data68 === "MAC_OS")) || (data68 === "TV_OS")) || (data68 === "VISION_OS"))){
const err170 = {instancePath:instancePath+"/experiments/" + i17+"/previews/" + i21+"/platform",schemaPath:"#/properties/experiments/items/properties/previews/items/properties/platform/enum",keyword:"enum",params:{allowedValues: schema11.properties.experiments.items.properties.previews.items.properties.platform.enum},message:"must be equal to one of the allowed values",schema:schema11.properties.experiments.items.properties.previews.items.properties.platform.enum,parentSchema:schema11.properties.experiments.items.properties.previews.items.properties.platform,data:data68};
if(vErrors === null){
vErrors = [err170];
}
else {
vErrors.push(err170);
}
errors++;
}
}
if(data64.locales !== undefined){
let data69 = data64.locales;
if(Array.isArray(data69)){
if(data69.length < 1){
const err171 = {instancePath:instancePath+"/experiments/" + i17+"/previews/" + i21+"/locales",schemaPath:"#/properties/experiments/items/properties/previews/items/properties/locales/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items",schema:1,parentSchema:schema11.properties.experiments.items.properties.previews.items.properties.locales,data:data69};
if(vErrors === null){
vErrors = [err171];
}
else {
vErrors.push(err171);
}
errors++;
}
const len16 = data69.length;
for(let i22=0; i22<len16; i22++){
let data70 = data69[i22];
if(typeof data70 === "string"){
if(!pattern1.test(data70)){
const err172 = {instancePath:instancePath+"/experiments/" + i17+"/previews/" + i21+"/locales/" + i22,schemaPath:"#/properties/experiments/items/properties/previews/items/properties/locales/items/pattern",keyword:"pattern",params:{pattern: "^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$"},message:"must match pattern \""+"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$"+"\"",schema:"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$",parentSchema:schema11.properties.experiments.items.properties.previews.items.properties.locales.items,data:data70};
if(vErrors === null){
vErrors = [err172];
}
else {
vErrors.push(err172);
}
errors++;
}
}
else {
const err173 = {instancePath:instancePath+"/experiments/" + i17+"/previews/" + i21+"/locales/" + i22,schemaPath:"#/properties/experiments/items/properties/previews/items/properties/locales/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.experiments.items.properties.previews.items.properties.locales.items.type,parentSchema:schema11.properties.experiments.items.properties.previews.items.properties.locales.items,data:data70};
if(vErrors === null){
vErrors = [err173];
}
else {
vErrors.push(err173);
}
errors++;
}
}
let i23 = data69.length;
let j6;
if(i23 > 1){
const indices6 = {};
for(;i23--;){
let item6 = data69[i23];
if(typeof item6 !== "string"){
continue;
}
if(typeof indices6[item6] == "number"){
j6 = indices6[item6];
const err174 = {instancePath:instancePath+"/experiments/" + i17+"/previews/" + i21+"/locales",schemaPath:"#/properties/experiments/items/properties/previews/items/properties/locales/uniqueItems",keyword:"uniqueItems",params:{i: i23, j: j6},message:"must NOT have duplicate items (items ## "+j6+" and "+i23+" are identical)",schema:true,parentSchema:schema11.properties.experiments.items.properties.previews.items.properties.locales,data:data69};
if(vErrors === null){
vErrors = [err174];
}
else {
vErrors.push(err174);
}
errors++;
break;
}
indices6[item6] = i23;
}
}
}
else {
const err175 = {instancePath:instancePath+"/experiments/" + i17+"/previews/" + i21+"/locales",schemaPath:"#/properties/experiments/items/properties/previews/items/properties/locales/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema11.properties.experiments.items.properties.previews.items.properties.locales.type,parentSchema:schema11.properties.experiments.items.properties.previews.items.properties.locales,data:data69};
if(vErrors === null){
vErrors = [err175];
}
else {
vErrors.push(err175);
}
errors++;
}
}
if(data64["frame-time-code"] !== undefined){
let data71 = data64["frame-time-code"];
if(typeof data71 === "string"){
if(!pattern4.test(data71)){
const err176 = {instancePath:instancePath+"/experiments/" + i17+"/previews/" + i21+"/frame-time-code",schemaPath:"#/properties/experiments/items/properties/previews/items/properties/frame-time-code/pattern",keyword:"pattern",params:{pattern: "^\\d{2}:\\d{2}:\\d{2}:\\d{2}$"},message:"must match pattern \""+"^\\d{2}:\\d{2}:\\d{2}:\\d{2}$"+"\"",schema:"^\\d{2}:\\d{2}:\\d{2}:\\d{2}$",parentSchema:schema11.properties.experiments.items.properties.previews.items.properties["frame-time-code"],data:data71};
if(vErrors === null){
vErrors = [err176];
}
else {
vErrors.push(err176);
}
errors++;
}
}
else {
const err177 = {instancePath:instancePath+"/experiments/" + i17+"/previews/" + i21+"/frame-time-code",schemaPath:"#/properties/experiments/items/properties/previews/items/properties/frame-time-code/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.experiments.items.properties.previews.items.properties["frame-time-code"].type,parentSchema:schema11.properties.experiments.items.properties.previews.items.properties["frame-time-code"],data:data71};
if(vErrors === null){
vErrors = [err177];
}
else {
vErrors.push(err177);
}
errors++;
}
}
}
else {
const err178 = {instancePath:instancePath+"/experiments/" + i17+"/previews/" + i21,schemaPath:"#/properties/experiments/items/properties/previews/items/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.experiments.items.properties.previews.items.type,parentSchema:schema11.properties.experiments.items.properties.previews.items,data:data64};
if(vErrors === null){
vErrors = [err178];
}
else {
vErrors.push(err178);
}
errors++;
}
}
}
else {
const err179 = {instancePath:instancePath+"/experiments/" + i17+"/previews",schemaPath:"#/properties/experiments/items/properties/previews/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema11.properties.experiments.items.properties.previews.type,parentSchema:schema11.properties.experiments.items.properties.previews,data:data63};
if(vErrors === null){
vErrors = [err179];
}
else {
vErrors.push(err179);
}
errors++;
}
}
}
else {
const err180 = {instancePath:instancePath+"/experiments/" + i17,schemaPath:"#/properties/experiments/items/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.experiments.items.type,parentSchema:schema11.properties.experiments.items,data:data52};
if(vErrors === null){
vErrors = [err180];
}
else {
vErrors.push(err180);
}
errors++;
}
}
}
else {
const err181 = {instancePath:instancePath+"/experiments",schemaPath:"#/properties/experiments/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema11.properties.experiments.type,parentSchema:schema11.properties.experiments,data:data51};
if(vErrors === null){
vErrors = [err181];
}
else {
vErrors.push(err181);
}
errors++;
}
}
}
else {
const err182 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.type,parentSchema:schema11,data};
if(vErrors === null){
vErrors = [err182];
}
else {
vErrors.push(err182);
}
errors++;
}
validate10.errors = vErrors;
return errors === 0;
}

// Inlined from Ajv (MIT).
function ucs2length(str) {
    const len = str.length;
    let length = 0;
    let pos = 0;
    let value;
    while (pos < len) {
        length++;
        value = str.charCodeAt(pos++);
        if (value >= 0xd800 && value <= 0xdbff && pos < len) {
            // high surrogate, and there is a next character
            value = str.charCodeAt(pos);
            if ((value & 0xfc00) === 0xdc00)
                pos++; // low surrogate
        }
    }
    return length;
}

;// CONCATENATED MODULE: ./src/mapping/locate.ts
/** Turns JSON pointers into YAML source positions, so every problem can point at a line and column. */

/** "/screenshots/0/display-type" → ["screenshots", "0", "display-type"] (RFC 6901 unescaping). */
function pointerSegments(pointer) {
    if (pointer === '' || pointer === '/')
        return [];
    return pointer
        .slice(1)
        .split('/')
        .map(s => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}
/** ["screenshots", "0", "files"] → "screenshots[0].files", the way users read paths. */
function displayPath(segments) {
    let out = '';
    for (const s of segments) {
        if (typeof s === 'number' || /^\d+$/.test(s))
            out += `[${s}]`;
        else
            out += out ? `.${s}` : s;
    }
    return out;
}
class SourceLocator {
    doc;
    lines;
    constructor(doc, lines) {
        this.doc = doc;
        this.lines = lines;
    }
    position(offset) {
        const { line, col } = this.lines.linePos(offset);
        return { line, column: col };
    }
    /** The node at the pointer, or the nearest ancestor that exists (a missing key points at its parent). */
    nodeAt(segments) {
        for (let n = segments.length; n >= 0; n--) {
            const node = this.exactNode(segments.slice(0, n));
            if (node?.range)
                return node;
        }
        return undefined;
    }
    locate(segments) {
        const node = this.nodeAt(segments);
        return node?.range ? this.position(node.range[0]) : { line: 1, column: 1 };
    }
    /** Where a key of a mapping is written (the key itself, not its value): used for unknown keys. */
    locateKey(segments, key) {
        const parent = this.exactNode(segments);
        if ((0,dist/* isMap */.jh)(parent)) {
            const pair = parent.items.find(p => (0,dist/* isScalar */.jn)(p.key) && String(p.key.value) === key);
            const keyNode = pair?.key;
            if ((0,dist/* isScalar */.jn)(keyNode) && keyNode.range)
                return this.position(keyNode.range[0]);
        }
        return this.locate(segments);
    }
    exactNode(segments) {
        let node = this.doc.contents;
        for (const seg of segments) {
            if ((0,dist/* isSeq */.oP)(node))
                node = node.items[Number(seg)];
            else if ((0,dist/* isMap */.jh)(node))
                node = node.items.find(p => (0,dist/* isScalar */.jn)(p.key) && String(p.key.value) === seg)?.value;
            else
                return undefined;
            if ((0,dist/* isPair */.tO)(node))
                node = node.value;
        }
        return (node ?? undefined);
    }
}

;// CONCATENATED MODULE: ./src/mapping/schema.ts


const SCHEMA_ID = 'https://github.com/app-store-media-action/schema/app-store-assets.schema.json';
const LOCALE_PATTERN = '^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$';
const FRAME_TIME_CODE_PATTERN = '^\\d{2}:\\d{2}:\\d{2}:\\d{2}$';
const LOCALE_PLACEHOLDER = '{locale}';
const PLACEMENT_GROUP_PATTERN = '^[A-Z0-9_]+$';
/** The entry key naming an asset library placement group directly (media-api: library). */
const PLACEMENT_GROUP_KEY = 'placement-group';
const MEDIA_SECTIONS = [
    {
        key: 'screenshots',
        kind: 'screenshot',
        typeKey: 'display-type',
        typeNoun: 'display type',
        types: SCREENSHOT_DISPLAY_TYPES,
        description: 'Screenshot sets: each entry selects image files (PNG or JPEG) for one display type.',
        extraProperties: {}
    },
    {
        key: 'previews',
        kind: 'preview',
        typeKey: 'preview-type',
        typeNoun: 'preview type',
        types: PREVIEW_TYPES,
        description: 'App preview sets: each entry selects video files (.mov, .m4v, .mp4) for one preview type.',
        extraProperties: {
            'frame-time-code': {
                type: 'string',
                pattern: FRAME_TIME_CODE_PATTERN,
                description: 'The poster frame of the preview, as HH:MM:SS:FF (hours, minutes, seconds, frame), e.g. "00:00:05:00".'
            }
        }
    }
];
function localesSchema() {
    return {
        type: 'array',
        minItems: 1,
        uniqueItems: true,
        description: 'Locales this entry applies to. Required when `files` has no {locale} segment; with {locale} it restricts ' +
            'the expansion to these locales.',
        items: { type: 'string', pattern: LOCALE_PATTERN, description: 'An App Store locale code, e.g. en-US, de-DE, ja.' }
    };
}
function entrySchema(section) {
    return {
        type: 'object',
        additionalProperties: false,
        required: ['files'],
        // The type, a placement group, or both; semantic.ts words the message when neither is given. Each branch
        // names its key in `properties` (true: any value; the real schema is below) so Ajv's strictRequired sees it.
        anyOf: [section.typeKey, PLACEMENT_GROUP_KEY].map(key => ({ required: [key], properties: { [key]: true } })),
        description: `One ${section.kind} set per locale.`,
        properties: {
            files: {
                type: 'string',
                minLength: 1,
                description: 'Glob of the files, relative to the workspace, e.g. "screenshots/{locale}/iphone-6.9/*.png". A {locale} ' +
                    'path segment expands over the locale directories present on disk. Files upload in natural order (2 before 10).'
            },
            [section.typeKey]: {
                type: 'string',
                enum: [...section.types],
                description: `The App Store Connect ${section.typeNoun} of the set. Optional when \`${PLACEMENT_GROUP_KEY}\` is given.`
            },
            [PLACEMENT_GROUP_KEY]: {
                type: 'string',
                pattern: PLACEMENT_GROUP_PATTERN,
                description: `media-api: library only: the asset library placement group (e.g. IPHONE_DUO_PROFILE), for groups that have no ${section.typeNoun}. ` +
                    `Overrides the group derived from \`${section.typeKey}\`. Applies to the version's media, custom product pages and experiments alike.`
            },
            platform: {
                type: 'string',
                enum: [...PLATFORMS],
                description: `The platform of the set. Default: the platform of the ${section.typeNoun} (e.g. Mac types → MAC_OS); IOS for an entry with only \`${PLACEMENT_GROUP_KEY}\`.`
            },
            locales: localesSchema(),
            ...section.extraProperties
        }
    };
}
/** Keys of the other asset kinds and surfaces (beyond `screenshots` / `previews`), in schema order. */
const OTHER_KEYS = [
    'app-clip-header-images',
    'app-clip-advanced-experience-images',
    'review-attachments',
    'routing-app-coverage',
    'custom-product-pages',
    'experiments'
];
/** Every top-level key that selects media. */
const MAPPING_KEYS = [...MEDIA_SECTIONS.map(s => s.key), ...OTHER_KEYS];
/** The slot names of the kinds that are not sets (plans and reports show them where a display type would be). */
const SLOTS = {
    'app-clip-header-image': 'APP_CLIP_HEADER_IMAGE',
    'app-clip-advanced-image': 'APP_CLIP_ADVANCED_EXPERIENCE_IMAGE',
    'review-attachment': 'REVIEW_ATTACHMENT',
    'routing-coverage': 'ROUTING_APP_COVERAGE'
};
const FILES_SCHEMA = (description) => ({ type: 'string', minLength: 1, description });
function setListsSchema() {
    const out = {};
    for (const section of MEDIA_SECTIONS)
        out[section.key] = { type: 'array', minItems: 1, description: section.description, items: entrySchema(section) };
    return out;
}
function otherSchemas() {
    const name = (what) => ({ type: 'string', minLength: 1, description: `The ${what} exactly as named in App Store Connect.` });
    return {
        'app-clip-header-images': {
            type: 'array',
            minItems: 1,
            description: 'App Clip header images (1800×1200 PNG or JPEG, no alpha): one per App Clip default experience localization of the iOS version.',
            items: {
                type: 'object',
                additionalProperties: false,
                required: ['files'],
                properties: {
                    files: FILES_SCHEMA('Glob of one image per locale, e.g. "appclip/{locale}/header.png".'),
                    locales: localesSchema()
                }
            }
        },
        'app-clip-advanced-experience-images': {
            type: 'array',
            minItems: 1,
            description: 'Images (1800×1200) of advanced App Clip experiences, each attached to the experience named by id.',
            items: {
                type: 'object',
                additionalProperties: false,
                required: ['experience', 'files'],
                properties: {
                    experience: { type: 'string', minLength: 1, description: 'The id of the advanced App Clip experience.' },
                    files: FILES_SCHEMA('Path (or glob matching one file) of the image, e.g. "appclip/advanced/card.png".')
                }
            }
        },
        'review-attachments': {
            type: 'object',
            additionalProperties: false,
            required: ['files'],
            description: "Attachments of the version's App Review information, synced by checksum; no other review field changes.",
            properties: {
                files: FILES_SCHEMA('Glob of the attachment files, e.g. "review/*".'),
                platform: { type: 'string', enum: [...PLATFORMS], description: 'The platform whose version gets the attachments. Default: the `platform` input.' }
            }
        },
        'routing-app-coverage': {
            type: 'string',
            minLength: 1,
            description: 'Path of the routing app coverage file (.geojson) of the version of the `platform` input.'
        },
        'custom-product-pages': {
            type: 'array',
            minItems: 1,
            description: "Screenshots and previews of custom product pages, on each page's editable version.",
            items: {
                type: 'object',
                additionalProperties: false,
                required: ['name'],
                properties: { name: name('custom product page name'), ...setListsSchema() }
            }
        },
        experiments: {
            type: 'array',
            minItems: 1,
            description: 'Screenshots and previews of a product page optimization treatment.',
            items: {
                type: 'object',
                additionalProperties: false,
                required: ['name', 'treatment'],
                properties: { name: name('experiment name'), treatment: name('treatment name'), ...setListsSchema() }
            }
        }
    };
}
/** The schema object; stable key order so the file on disk diffs cleanly. */
function buildMappingSchema() {
    const properties = {
        // JSON files cannot carry the yaml-language-server comment, so editors find the schema through this key.
        $schema: { type: 'string', description: 'The URL or path of this JSON Schema, for editors. Ignored by the action.' },
        ...setListsSchema(),
        ...otherSchemas()
    };
    return {
        $schema: 'http://json-schema.org/draft-07/schema#',
        $id: SCHEMA_ID,
        title: 'App Store assets mapping',
        description: 'Which local files become which App Store media (screenshots, previews, App Clip images, review attachments, routing coverage), per surface and locale.',
        type: 'object',
        additionalProperties: false,
        properties
    };
}

;// CONCATENATED MODULE: ./src/mapping/messages.ts


const ENUM_NOUNS = {
    platform: 'platform',
    ...Object.fromEntries(MEDIA_SECTIONS.map(s => [s.typeKey, s.typeNoun]))
};
const PATTERN_HINTS = {
    'frame-time-code': 'is not a frame time code; expected HH:MM:SS:FF, e.g. "00:00:05:00"',
    locales: 'is not a locale code; expected e.g. en-US, de-DE, ja',
    'placement-group': 'is not a placement group id; expected upper-case letters, digits and underscores, e.g. IPHONE_DUO_PROFILE'
};
/** The field an error is about: the last key, skipping array indices (locales/0 → locales). */
function fieldName(segments) {
    return [...segments].reverse().find(s => !/^\d+$/.test(s)) ?? '';
}
function describeValue(value) {
    if (value === null || value === undefined)
        return 'an empty value';
    if (Array.isArray(value))
        return 'a list';
    if (typeof value === 'object')
        return 'a mapping';
    return JSON.stringify(value);
}
const TYPE_WORDS = {
    object: 'a mapping of keys (key: value)',
    array: 'a list',
    string: 'a string',
    number: 'a number',
    integer: 'an integer',
    boolean: 'true or false'
};
function allowedKeys(parentSchema) {
    const props = parentSchema?.properties ?? {};
    return Object.keys(props).join(', ');
}
function keywordMessage(e, field) {
    const value = describeValue(e.data);
    switch (e.keyword) {
        case 'enum': {
            const noun = ENUM_NOUNS[field] ?? 'an accepted value';
            const article = ENUM_NOUNS[field] ? 'a ' : '';
            return `${value} is not ${article}${noun}; accepted: ${e.params.allowedValues.join(', ')}`;
        }
        case 'pattern':
            return `${value} ${PATTERN_HINTS[field] ?? `does not match ${String(e.params.pattern)}`}`;
        case 'type':
            return `expected ${TYPE_WORDS[String(e.params.type)] ?? String(e.params.type)}, got ${value}`;
        case 'required':
            return `missing required key "${String(e.params.missingProperty)}"`;
        case 'minItems':
            return `must list at least ${String(e.params.limit)} item(s)`;
        case 'minLength':
            return 'must not be empty';
        case 'uniqueItems':
            return `lists ${describeValue(e.data[Number(e.params.j)])} twice`;
        default:
            return e.message ?? `is not valid (${e.keyword})`;
    }
}
function schemaMessage(e) {
    const segments = pointerSegments(e.instancePath);
    const where = displayPath(segments) || 'the mapping file';
    if (e.keyword === 'additionalProperties') {
        const key = String(e.params.additionalProperty);
        return {
            segments,
            key,
            message: `${where}: unknown key "${key}"; allowed keys: ${allowedKeys(e.parentSchema)}`
        };
    }
    const message = `${where}: ${keywordMessage(e, fieldName(segments))}`;
    if (e.keyword === 'uniqueItems') {
        // Point at the repeated item rather than the start of the list.
        return { segments: [...segments, String(Math.max(Number(e.params.i), Number(e.params.j)))], message };
    }
    return { segments, message };
}

;// CONCATENATED MODULE: ./src/mapping/semantic.ts
/**
 * Checks the schema cannot express: where `{locale}` may stand, that every entry has locales to
 * expand to, that globs stay inside the workspace, that an explicit platform fits the set type, and
 * that a set entry names its type or a placement group (worded here rather than by the schema's anyOf).
 * They run on raw data even when the schema failed, so one run reports every problem at once.
 */




const GLOB_CHARS = /[*?[\]]/;
/** Problems with the `files` glob itself; empty when it is usable. */
function globProblems(files, hasLocales) {
    const out = [];
    const segments = files.split('/');
    if (/^([/\\]|[A-Za-z]:)/.test(files))
        out.push('must be relative to the workspace, not an absolute path');
    if (segments.some(s => s === '..') || /(^|[\\/])\.\.([\\/]|$)/.test(files)) {
        out.push('must stay inside the workspace; remove ".." segments');
    }
    // @actions/glob reads these as comment / exclusion / pattern separators, which would silently match nothing.
    if (/^[#!]/.test(files) || /[\r\n]/.test(files))
        out.push('must be a single glob; it must not start with # or ! or span lines');
    const unknown = files.match(/\{[^}]*\}/g)?.filter(p => p !== LOCALE_PLACEHOLDER) ?? [];
    if (unknown.length)
        out.push(`uses unknown placeholder ${unknown.join(', ')}; only ${LOCALE_PLACEHOLDER} is supported`);
    out.push(...placeholderProblems(segments, hasLocales));
    return out;
}
function placeholderProblems(segments, hasLocales) {
    const at = segments.flatMap((s, i) => (s.includes(LOCALE_PLACEHOLDER) ? [i] : []));
    if (at.length === 0) {
        return hasLocales ? [] : [`has no ${LOCALE_PLACEHOLDER} segment, so the entry needs a \`locales\` list (e.g. locales: [en-US])`];
    }
    const out = [];
    if (at.length > 1 || segments[at[0]] !== LOCALE_PLACEHOLDER) {
        out.push(`must use ${LOCALE_PLACEHOLDER} once, as a whole path segment (e.g. "screenshots/${LOCALE_PLACEHOLDER}/*.png")`);
    }
    // The locales are the directory names at that position, so the path up to it must be a plain directory.
    if (segments.slice(0, at[0]).some(s => GLOB_CHARS.test(s))) {
        out.push(`must not use wildcards before ${LOCALE_PLACEHOLDER}`);
    }
    return out;
}
function entryProblems(section, entry, at) {
    const out = [];
    const where = (key) => [...at, key];
    if (typeof entry.files === 'string' && entry.files !== '') {
        // A wrongly typed `locales` is the schema's to report; here it only matters that one was given.
        const hasLocales = entry.locales !== undefined;
        for (const msg of globProblems(entry.files, hasLocales)) {
            out.push({ segments: where('files'), message: `${displayPath(where('files'))}: "${entry.files}" ${msg}` });
        }
    }
    const setType = entry[section.typeKey];
    if (setType === undefined && entry[PLACEMENT_GROUP_KEY] === undefined) {
        out.push({
            segments: at,
            message: `${displayPath(at)}: missing required key "${section.typeKey}"; give the ${section.typeNoun}, or ` +
                `\`${PLACEMENT_GROUP_KEY}\` (media-api: library) for a placement group that has no ${section.typeNoun}`
        });
    }
    const expected = typeof setType === 'string' ? platformOf(section.kind, setType) : undefined;
    if (expected && typeof entry.platform === 'string' && entry.platform !== expected && isPlatform(entry.platform)) {
        out.push({
            segments: where('platform'),
            message: `${displayPath(where('platform'))}: ${setType} is a ${expected} ${section.typeNoun}, not ${entry.platform}; ` +
                `remove \`platform\` or set it to ${expected}`
        });
    }
    return out;
}
function isPlatform(value) {
    return model/* PLATFORMS */.P.includes(value);
}
/** Problems of the `screenshots` / `previews` lists under `at` (the top level, a page or a treatment). */
function setListProblems(data, at) {
    const out = [];
    for (const section of MEDIA_SECTIONS) {
        const list = data[section.key];
        if (!Array.isArray(list))
            continue;
        list.forEach((entry, i) => {
            if (isRecord(entry))
                out.push(...entryProblems(section, entry, [...at, section.key, String(i)]));
        });
    }
    return out;
}
/** A glob that names no locale: it must be a usable glob and must not use {locale}. */
function localelessGlobProblems(files, at) {
    if (typeof files !== 'string' || files === '')
        return [];
    const problems = globProblems(files, true).filter(m => !m.includes(LOCALE_PLACEHOLDER));
    if (files.includes(LOCALE_PLACEHOLDER))
        problems.push(`must not use ${LOCALE_PLACEHOLDER}: this kind has no locale`);
    return problems.map(msg => ({ segments: at, message: `${displayPath(at)}: "${files}" ${msg}` }));
}
function semanticProblems(data) {
    if (!isRecord(data))
        return [];
    const out = [];
    if (!MAPPING_KEYS.some(k => k in data)) {
        out.push({ segments: [], message: `the mapping file has no entries; add at least one of: ${MAPPING_KEYS.join(', ')}` });
    }
    out.push(...setListProblems(data, []));
    const headers = data['app-clip-header-images'];
    if (Array.isArray(headers)) {
        headers.forEach((entry, i) => {
            const at = ['app-clip-header-images', String(i), 'files'];
            if (isRecord(entry) && typeof entry.files === 'string' && entry.files !== '') {
                for (const msg of globProblems(entry.files, entry.locales !== undefined))
                    out.push({ segments: at, message: `${displayPath(at)}: "${entry.files}" ${msg}` });
            }
        });
    }
    const advanced = data['app-clip-advanced-experience-images'];
    if (Array.isArray(advanced))
        advanced.forEach((entry, i) => isRecord(entry) && out.push(...localelessGlobProblems(entry.files, ['app-clip-advanced-experience-images', String(i), 'files'])));
    const review = data['review-attachments'];
    if (isRecord(review))
        out.push(...localelessGlobProblems(review.files, ['review-attachments', 'files']));
    out.push(...localelessGlobProblems(data['routing-app-coverage'], ['routing-app-coverage']));
    for (const key of ['custom-product-pages', 'experiments']) {
        const list = data[key];
        if (!Array.isArray(list))
            continue;
        list.forEach((item, i) => {
            if (!isRecord(item))
                return;
            if (!MEDIA_SECTIONS.some(s => s.key in item)) {
                out.push({ segments: [key, String(i)], message: `${displayPath([key, String(i)])}: has no media; add screenshots or previews` });
            }
            out.push(...setListProblems(item, [key, String(i)]));
        });
    }
    return out;
}
function isRecord(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}

;// CONCATENATED MODULE: ./src/mapping/load.ts
/**
 * Reads and validates the mapping file. Every problem (syntax, schema, semantic) carries the line and
 * column it comes from and all of them are thrown together, so one run shows the user everything to fix.
 */










const HEADLINE = 'The mapping file has problems';
/**
 * The schema check is Ajv's standalone code, generated from schema.ts by write-schema.ts (`npm run schema`)
 * with allErrors (every problem at once), verbose (messages quote error.data and list the keys of
 * error.parentSchema) and strict; a test fails while it is stale. Compiling the schema here instead cost
 * about 50 ms of start-up, before the first request.
 */
function load_validate(data) {
    validate(data);
    return validate;
}
/** Workspace-relative with POSIX separators when inside the workspace; absolute otherwise. */
function workspaceRelative(workspace, path) {
    const rel = (0,external_node_path_.relative)((0,external_node_path_.resolve)(workspace), (0,external_node_path_.resolve)(path));
    if (rel === '' || rel.startsWith('..') || (0,external_node_path_.isAbsolute)(rel))
        return (0,external_node_path_.resolve)(path);
    return rel.split(external_node_path_.sep).join('/');
}
async function readMappingText(path, display, workspace) {
    try {
        return await (0,promises_.readFile)(path, 'utf8');
    }
    catch (err) {
        const code = err.code;
        if (code === 'ENOENT') {
            throw new errors/* ActionError */.lZ(`Mapping file ${display} not found in ${workspace}; create it or set the \`mapping\` input`);
        }
        if (code === 'EISDIR')
            throw new errors/* ActionError */.lZ(`Mapping file ${display} is a directory; set the \`mapping\` input to a file`);
        throw new errors/* ActionError */.lZ(`Mapping file ${display} cannot be read: ${err.message}`);
    }
}
/** JSON.parse is stricter than YAML's reading of JSON (trailing commas, comments); a .json file must be real JSON. */
function jsonSyntaxOffset(text) {
    try {
        JSON.parse(text);
        return undefined;
    }
    catch (err) {
        const message = err.message;
        // V8 reports "at position N" (older) or "(line L column C)" (newer); both become an offset.
        const lc = /line (\d+) column (\d+)/.exec(message);
        const offset = lc ? offsetOf(text, Number(lc[1]), Number(lc[2])) : Number(/position (\d+)/.exec(message)?.[1] ?? 0);
        return { offset, message: `invalid JSON: ${message}` };
    }
}
function offsetOf(text, line, column) {
    const lines = text.split('\n').slice(0, line - 1);
    return lines.reduce((n, l) => n + l.length + 1, 0) + column - 1;
}
function syntaxProblems(doc, text, path, locator, file) {
    const problems = doc.errors.map(e => ({
        file,
        ...locator.position(e.pos[0]),
        message: `YAML syntax error: ${e.message}`,
        category: 'mapping'
    }));
    if (problems.length === 0 && path.toLowerCase().endsWith('.json')) {
        const json = jsonSyntaxOffset(text);
        if (json)
            problems.push({ file, ...locator.position(json.offset), message: json.message, category: 'mapping' });
    }
    return problems;
}
function toProblem(m, locator, file) {
    const pos = m.key !== undefined ? locator.locateKey(m.segments, m.key) : locator.locate(m.segments);
    return { file, ...pos, message: m.message, category: 'mapping' };
}
function byPosition(a, b) {
    return (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0);
}
async function loadMapping(path, opts) {
    const absolute = (0,external_node_path_.resolve)(opts.workspace, path);
    const file = workspaceRelative(opts.workspace, absolute);
    const text = await readMappingText(absolute, file, opts.workspace);
    const lineCounter = new dist/* LineCounter */.HN();
    // prettyErrors off: the message stays the parser's sentence; position comes from the LineCounter.
    const doc = (0,dist/* parseDocument */.Tp)(text, { lineCounter, prettyErrors: false });
    const locator = new SourceLocator(doc, lineCounter);
    const syntax = syntaxProblems(doc, text, absolute, locator, file);
    if (syntax.length)
        throw new errors/* ValidationError */.yI(syntax, HEADLINE);
    const data = doc.toJS();
    // The entry's anyOf (a type or a placement group) yields three terse errors; semanticProblems words that one.
    const schemaErrors = (load_validate(data).errors ?? []).filter(e => !e.schemaPath.includes('/anyOf'));
    const messages = [...schemaErrors.map(schemaMessage), ...semanticProblems(data)];
    const problems = dedupe(messages.map(m => toProblem(m, locator, file))).sort(byPosition);
    if (problems.length)
        throw new errors/* ValidationError */.yI(problems, HEADLINE);
    return { path: absolute, displayPath: file, entries: toEntries(data, locator, file) };
}
function dedupe(problems) {
    const seen = new Set();
    return problems.filter(p => {
        const key = `${p.line}:${p.column}:${p.message}`;
        return seen.has(key) ? false : (seen.add(key), true);
    });
}
/** Only called on data the schema accepted, so the casts below are checked facts. */
function toEntries(data, locator, file) {
    if (!isRecord(data))
        return [];
    const source = (segments) => ({ file, ...locator.locate(segments), pointer: `/${segments.join('/')}` });
    const entries = setEntries(data, [], locator, file);
    const headers = (data['app-clip-header-images'] ?? []);
    headers.forEach((raw, i) => {
        const entry = { kind: 'app-clip-header-image', surface: 'app-clip', files: raw.files, setType: SLOTS['app-clip-header-image'], platform: 'IOS', source: source(['app-clip-header-images', String(i)]) };
        if (Array.isArray(raw.locales))
            entry.locales = [...raw.locales];
        entries.push(entry);
    });
    const advanced = (data['app-clip-advanced-experience-images'] ?? []);
    advanced.forEach((raw, i) => entries.push({
        kind: 'app-clip-advanced-image',
        surface: 'app-clip',
        target: { experience: raw.experience },
        files: raw.files,
        setType: SLOTS['app-clip-advanced-image'],
        platform: 'IOS',
        localeless: true,
        source: source(['app-clip-advanced-experience-images', String(i)])
    }));
    const review = data['review-attachments'];
    if (review) {
        const platform = review.platform;
        entries.push({ kind: 'review-attachment', surface: 'review', files: review.files, setType: SLOTS['review-attachment'], platform: platform ?? 'IOS', ...(platform ? {} : { defaultPlatform: true }), localeless: true, source: source(['review-attachments']) });
    }
    const routing = data['routing-app-coverage'];
    if (routing) {
        entries.push({ kind: 'routing-coverage', surface: 'routing', files: routing, setType: SLOTS['routing-coverage'], platform: 'IOS', defaultPlatform: true, localeless: true, source: source(['routing-app-coverage']) });
    }
    const pages = (data['custom-product-pages'] ?? []);
    pages.forEach((page, i) => {
        for (const e of setEntries(page, ['custom-product-pages', String(i)], locator, file))
            entries.push({ ...e, surface: 'custom-product-page', target: { page: page.name } });
    });
    const experiments = (data.experiments ?? []);
    experiments.forEach((x, i) => {
        for (const e of setEntries(x, ['experiments', String(i)], locator, file))
            entries.push({ ...e, surface: 'experiment', target: { experiment: x.name, treatment: x.treatment } });
    });
    return entries;
}
/** The `screenshots` / `previews` entries of the top level, a page or a treatment (the same entry shape everywhere). */
function setEntries(data, at, locator, file) {
    return MEDIA_SECTIONS.flatMap(section => {
        const list = (data[section.key] ?? []);
        return list.map((raw, i) => toEntry(section, raw, [...at, section.key, String(i)], locator, file));
    });
}
function toEntry(section, raw, segments, locator, file) {
    const type = raw[section.typeKey];
    const group = raw[PLACEMENT_GROUP_KEY];
    // The schema requires the type or the group; a group-only entry is labelled by its group.
    const setType = type ?? group;
    const entry = {
        kind: section.kind,
        files: raw.files,
        setType,
        platform: raw.platform ?? (type ? platformOf(section.kind, type) : 'IOS'),
        source: { file, ...locator.locate(segments), pointer: `/${segments.join('/')}` }
    };
    if (group !== undefined)
        entry.placementGroup = group;
    if (type === undefined)
        entry.groupOnly = true;
    if (typeof raw['frame-time-code'] === 'string')
        entry.frameTimeCode = raw['frame-time-code'];
    if (Array.isArray(raw.locales))
        entry.locales = [...raw.locales];
    return entry;
}

;// CONCATENATED MODULE: ./src/mapping/media-api.ts


function mediaApiProblems(mapping, mediaApi) {
    const problems = [];
    for (const entry of mapping.entries) {
        if (!entry.groupOnly || mediaApi === 'library')
            continue;
        const typeKey = MEDIA_SECTIONS.find(s => s.kind === entry.kind)?.typeKey ?? 'display-type';
        const name = `${displayPath(pointerSegments(entry.source.pointer))} (line ${entry.source.line ?? '?'})`;
        const message = `${name}: ${PLACEMENT_GROUP_KEY} needs media-api: library; with sets, give ${typeKey}`;
        problems.push({ file: entry.source.file, line: entry.source.line, column: entry.source.column, category: 'mapping', message });
    }
    return problems;
}

// EXTERNAL MODULE: ./node_modules/@actions/glob/lib/glob.js + 17 modules
var glob = __webpack_require__(2377);
;// CONCATENATED MODULE: ./src/mapping/match-files.ts
/**
 * Runs one glob inside the workspace and returns the files it selects, in upload order. Only regular
 * files whose real path stays inside the workspace are returned: a symlink must not be able to
 * upload (or leak the name of) a file from elsewhere on the runner.
 */



const IS_WINDOWS = process.platform === 'win32';
const match_files_GLOB_CHARS = /[*?[\]]/;
/** Same escaping as @actions/glob's Pattern.globEscape, so a workspace path with [ * ? stays literal. */
function globEscape(s) {
    return (IS_WINDOWS ? s : s.replace(/\\/g, '\\\\'))
        .replace(/(\[)(?=[^/]+\])/g, '[[]')
        .replace(/\?/g, '[?]')
        .replace(/\*/g, '[*]');
}
/** Sorts numbers by value (2 before 10) and ignores case, ties broken by plain code-unit order. */
const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });
function naturalCompare(a, b) {
    return collator.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0);
}
function isInside(root, path) {
    const rel = (0,external_node_path_.relative)(root, path);
    return rel === '' || (!rel.startsWith(`..${external_node_path_.sep}`) && rel !== '..' && !(0,external_node_path_.isAbsolute)(rel));
}
/** The literal directory a glob starts from; files sort by their path below it. */
function baseSegments(pattern) {
    const segments = pattern.split('/').filter(s => s !== '' && s !== '.');
    let n = segments.findIndex(s => match_files_GLOB_CHARS.test(s));
    if (n < 0)
        n = segments.length - 1;
    return { base: segments.slice(0, n), globbed: segments.slice(n) };
}
async function globFiles(workspace, pattern) {
    const globber = await (0,glob/* create */.v)(`${globEscape(workspace)}/${pattern}`, {
        followSymbolicLinks: false,
        matchDirectories: false,
        implicitDescendants: false
    });
    return globber.glob();
}
async function checkFile(path, workspace, root) {
    if (!isInside(workspace, path))
        return 'is outside the workspace';
    let real;
    try {
        real = await (0,promises_.realpath)(path);
    }
    catch {
        return 'is a broken symbolic link';
    }
    if (!isInside(root, real))
        return `resolves outside the workspace (to ${real}); only files inside the workspace are uploaded`;
    // followSymbolicLinks: false reports a symlink to a directory as a file; only regular files are media.
    return (await (0,promises_.stat)(real)).isFile() ? { real } : 'is not a regular file';
}
/**
 * `pattern` is relative to the workspace with `{locale}` already substituted. `root` is the
 * workspace's realpath (the workspace itself may sit behind a symlink, e.g. /var → /private/var).
 */
async function matchFiles(workspace, root, pattern) {
    const { base, globbed } = baseSegments(pattern);
    // dot: true in @actions/glob would pick up macOS "._name.png" resource forks; hidden files count only when asked for.
    const allowHidden = globbed.some(s => s.startsWith('.'));
    const baseDir = (0,external_node_path_.join)(workspace, ...base);
    const rejected = [];
    const accepted = [];
    const seenReal = new Map();
    for (const path of await globFiles(workspace, pattern)) {
        const key = (0,external_node_path_.relative)(baseDir, path).split(external_node_path_.sep).join('/');
        if (!allowHidden && key.split('/').some(s => s.startsWith('.')))
            continue;
        const checked = await checkFile(path, workspace, root);
        if (typeof checked === 'string') {
            rejected.push({ path, message: checked });
            continue;
        }
        const twin = seenReal.get(checked.real);
        if (twin !== undefined) {
            rejected.push({ path, message: `is the same file as ${(0,external_node_path_.relative)(workspace, twin)}; a set must not hold a file twice` });
            continue;
        }
        seenReal.set(checked.real, path);
        accepted.push({ path, key });
    }
    accepted.sort((a, b) => naturalCompare(a.key, b.key));
    return { files: accepted.map(a => a.path), rejected };
}

;// CONCATENATED MODULE: ./src/mapping/expand.ts
/**
 * Expands a validated mapping against the workspace: `{locale}` becomes each locale directory on
 * disk, each glob becomes an ordered file list, and every (platform, kind, locale, type) target is
 * claimed by exactly one entry. Problems are returned, not thrown, so the caller can merge them with
 * later checks (image sizes, durations) into one report.
 */








const LOCALE_RE = new RegExp(LOCALE_PATTERN);
const GLOBS_AT_ONCE = 8;
function entryName(entry) {
    return `${displayPath(pointerSegments(entry.source.pointer))} (line ${entry.source.line ?? '?'})`;
}
function expand_at(ctx, entry, message) {
    const { line, column } = entry.source;
    return { file: ctx.mapping.displayPath, line, column, message, category: 'mapping' };
}
/** Locale directory names at the `{locale}` position; names that are not locale codes are skipped with a warning. */
async function localeDirectories(ctx, entry, prefix) {
    const dir = (0,external_node_path_.join)(ctx.workspace, prefix);
    let names;
    try {
        names = (await (0,promises_.readdir)(dir)).filter(n => !n.startsWith('.'));
    }
    catch {
        ctx.problems.push(expand_at(ctx, entry, `${entryName(entry)}: directory "${prefix || '.'}" for ${LOCALE_PLACEHOLDER} does not exist`));
        return [];
    }
    const out = [];
    for (const name of names.sort()) {
        // stat follows symlinks, so a linked locale directory (en-GB → en-US) counts; realpath checks guard its files.
        const isDir = await (0,promises_.stat)((0,external_node_path_.join)(dir, name)).then(s => s.isDirectory(), () => false);
        if (!isDir)
            continue;
        if (LOCALE_RE.test(name))
            out.push(name);
        else
            ctx.warnings.push(expand_at(ctx, entry, `${entryName(entry)}: skipped directory "${(0,external_node_path_.join)(prefix, name)}": not a locale code`));
    }
    return out;
}
async function entryLocales(ctx, entry) {
    // Review attachments, routing coverage and advanced experience images have no locale: the `locales` input does not filter them.
    if (entry.localeless)
        return [''];
    const segments = entry.files.split('/');
    const index = segments.indexOf(LOCALE_PLACEHOLDER);
    // An entry's own `locales` list is explicit: its locales are expanded even without a directory, so a missing one is reported.
    let locales = entry.locales ?? (index >= 0 ? await localeDirectories(ctx, entry, segments.slice(0, index).join('/')) : []);
    if (ctx.opts.locales)
        locales = locales.filter(l => ctx.opts.locales.includes(l));
    return locales;
}
async function expandEntry(ctx, entry, locale) {
    const pattern = entry.files.split(LOCALE_PLACEHOLDER).join(locale);
    const { files, rejected } = await matchFiles(ctx.workspace, ctx.root, pattern);
    for (const r of rejected) {
        ctx.problems.push({
            file: workspaceRelative(ctx.workspace, r.path),
            message: `${r.message} (matched by ${entryName(entry)} in ${ctx.mapping.displayPath})`,
            category: 'asset'
        });
    }
    if (files.length === 0) {
        if (rejected.length === 0) {
            const problem = expand_at(ctx, entry, `${entryName(entry)}: no files match "${pattern}"${locale ? ` for ${locale}` : ''}`);
            (ctx.opts.onEmptyGlob === 'warn' ? ctx.warnings : ctx.problems).push(problem);
        }
        return undefined;
    }
    const set = { kind: entry.kind, platform: entry.platform, locale, setType: entry.setType, files, source: entry.source };
    if (entry.surface)
        set.surface = entry.surface;
    if (entry.target)
        set.target = entry.target;
    if (entry.defaultPlatform)
        set.defaultPlatform = true;
    if (entry.frameTimeCode !== undefined)
        set.frameTimeCode = entry.frameTimeCode;
    if (entry.placementGroup !== undefined)
        set.placementGroup = entry.placementGroup;
    if (entry.groupOnly)
        set.groupOnly = true;
    return set;
}
async function expandMapping(mapping, opts) {
    const workspace = (0,external_node_path_.resolve)(opts.workspace);
    const ctx = { mapping, workspace, root: await (0,promises_.realpath)(workspace), opts, problems: [], warnings: [], expanded: new Set() };
    const claimed = new Map();
    const jobs = [];
    for (const entry of mapping.entries) {
        for (const locale of await entryLocales(ctx, entry)) {
            if (locale)
                ctx.expanded.add(locale);
            const where = JSON.stringify([entry.surface ?? 'version', entry.target ?? {}]);
            const target = `${where}|${entry.platform}|${entry.kind}|${locale}|${entry.setType}`;
            const first = claimed.get(target);
            if (first) {
                const lines = `lines ${first.source.line ?? '?'} and ${entry.source.line ?? '?'}`;
                ctx.problems.push(expand_at(ctx, entry, `two entries target ${entry.setType}${locale ? ` for ${locale}` : ''}: ${lines}`));
                continue;
            }
            claimed.set(target, entry);
            jobs.push({ entry, locale });
        }
    }
    // The globs run side by side (each walks its own directory; every run waits for them before its first
    // write), and their problems are merged in mapping order, so messages read the same on every run.
    const limit = createLimit(GLOBS_AT_ONCE);
    const expanded = await Promise.all(jobs.map(({ entry, locale }) => limit(async () => {
        const own = { ...ctx, problems: [], warnings: [] };
        return { set: await expandEntry(own, entry, locale), own };
    })));
    const sets = [];
    for (const { set, own } of expanded) {
        ctx.problems.push(...own.problems);
        ctx.warnings.push(...own.warnings);
        if (set)
            sets.push(set);
    }
    warnUnusedLocales(ctx);
    const locales = [...new Set(sets.map(s => s.locale).filter(Boolean))].sort();
    return { sets, locales, problems: ctx.problems, warnings: ctx.warnings };
}
/** A locale in the `locales` input that no entry produced is most likely a typo (en_US, en-us). */
function warnUnusedLocales(ctx) {
    for (const locale of ctx.opts.locales ?? []) {
        if (!ctx.expanded.has(locale)) {
            ctx.warnings.push({
                file: ctx.mapping.displayPath,
                message: `locale ${locale} from the \`locales\` input matches no entry of the mapping`,
                category: 'mapping'
            });
        }
    }
}

;// CONCATENATED MODULE: ./src/mapping/index.ts
/** The mapping stage: read the mapping file, then expand it against the files on disk. */





;// CONCATENATED MODULE: ./src/media/geojson.ts
/**
 * Routing app coverage validation, before any write: the file must be JSON, GeoJSON, and describe
 * regions — a FeatureCollection of Polygon / MultiPolygon features (or a single such Feature or
 * geometry) whose coordinates are numbers in range, with closed rings of at least four positions.
 * Each problem names what is wrong and where (e.g. features[2].geometry.coordinates[0][3]).
 */
const POLYGONAL = new Set(['Polygon', 'MultiPolygon']);
/** Problems with GeoJSON text; [] when it is a usable routing coverage. At most `max` problems. */
function geoJsonProblems(text, max = 10) {
    let data;
    try {
        data = JSON.parse(text.replace(/^\uFEFF/, ''));
    }
    catch (e) {
        return [`is not valid JSON (${e.message}); a routing app coverage file must be GeoJSON`];
    }
    const out = [];
    const push = (m) => {
        if (out.length < max)
            out.push(m);
    };
    if (!isObject(data) || typeof data.type !== 'string')
        return ['is JSON but not GeoJSON: the top level must be an object with a "type" (FeatureCollection)'];
    const geometries = [];
    if (data.type === 'FeatureCollection') {
        if (!Array.isArray(data.features))
            return ['is a FeatureCollection without a "features" list'];
        if (data.features.length === 0)
            return ['is a FeatureCollection with no features; it must describe at least one region (Polygon or MultiPolygon)'];
        data.features.forEach((f, i) => {
            if (!isObject(f) || f.type !== 'Feature')
                push(`features[${i}] is not a Feature`);
            else
                geometries.push({ at: `features[${i}].geometry`, geometry: f.geometry });
        });
    }
    else if (data.type === 'Feature')
        geometries.push({ at: 'geometry', geometry: data.geometry });
    else
        geometries.push({ at: 'the top level', geometry: data });
    for (const { at, geometry } of geometries)
        checkGeometry(geometry, at, push);
    return out;
}
function checkGeometry(g, at, push) {
    if (!isObject(g) || typeof g.type !== 'string')
        return push(`${at} is missing or has no "type"`);
    if (!POLYGONAL.has(g.type))
        return push(`${at} is a ${g.type}; routing app coverage takes only Polygon or MultiPolygon regions`);
    const coords = g.coordinates;
    if (g.type === 'Polygon')
        return checkPolygon(coords, `${at}.coordinates`, push);
    if (!Array.isArray(coords) || coords.length === 0)
        return push(`${at}.coordinates must be a non-empty list of polygons`);
    coords.forEach((p, i) => checkPolygon(p, `${at}.coordinates[${i}]`, push));
}
function checkPolygon(rings, at, push) {
    if (!Array.isArray(rings) || rings.length === 0)
        return push(`${at} must be a non-empty list of linear rings`);
    rings.forEach((ring, r) => {
        const where = `${at}[${r}]`;
        if (!Array.isArray(ring) || ring.length < 4)
            return push(`${where} must be a closed ring of at least 4 positions`);
        for (let i = 0; i < ring.length; i++) {
            const problem = positionProblem(ring[i]);
            if (problem)
                return push(`${where}[${i}] ${problem}`);
        }
        const [first, last] = [ring[0], ring[ring.length - 1]];
        if (first[0] !== last[0] || first[1] !== last[1])
            push(`${where} is not closed: its first and last positions differ`);
    });
}
function positionProblem(p) {
    if (!Array.isArray(p) || p.length < 2 || p.length > 3)
        return 'must be a position [longitude, latitude]';
    if (!p.every(n => typeof n === 'number' && Number.isFinite(n)))
        return `must hold numbers, not ${JSON.stringify(p)}`;
    const [lon, lat] = p;
    if (lon < -180 || lon > 180)
        return `has longitude ${lon}, outside −180…180`;
    if (lat < -90 || lat > 90)
        return `has latitude ${lat}, outside −90…90`;
    return undefined;
}
function isObject(v) {
    return typeof v === 'object' && v !== null && !Array.isArray(v);
}

;// CONCATENATED MODULE: ./src/media/kind-checks.ts
/**
 * Pre-flight checks of the kinds beyond screenshots and previews: App Clip images (1800×1200 exactly,
 * PNG or JPEG, no alpha), routing app coverage (GeoJSON, see geojson.ts) and review attachments
 * (any non-empty file). Each problem names the file.
 */






const kind_checks_asProblem = (file, message) => ({ file, message, category: 'asset' });
const FORMAT = { '.png': 'png', '.jpg': 'jpeg', '.jpeg': 'jpeg' };
/** Larger than any sensible coverage file; guards against reading a wrong multi-GB match into memory. */
const MAX_GEOJSON_BYTES = 20 * 1024 * 1024;
async function checkAppClipImage(path, displayPath, what = 'App Clip header images') {
    const problems = [];
    const ext = (0,external_node_path_.extname)(path).toLowerCase();
    if (!FORMAT[ext])
        problems.push(`has extension "${ext || '(none)'}"; ${what} must be ${APP_CLIP_IMAGE_EXTENSIONS.join(', ')}`);
    try {
        const info = await probeImage(path);
        if (FORMAT[ext] && info.format !== FORMAT[ext])
            problems.push(`is named ${ext} but is really a ${info.format.toUpperCase()} file`);
        if (info.hasAlpha)
            problems.push('has an alpha channel (transparency); App Store Connect accepts only opaque images: export it as RGB without alpha (or as JPEG)');
        if (info.width !== APP_CLIP_IMAGE_WIDTH || info.height !== APP_CLIP_IMAGE_HEIGHT) {
            problems.push(`is ${info.width}×${info.height}; ${what} must be exactly ${APP_CLIP_IMAGE_WIDTH}×${APP_CLIP_IMAGE_HEIGHT}`);
        }
    }
    catch (err) {
        if (!(err instanceof MediaError))
            throw err;
        problems.push(err.message.startsWith(path) ? err.message.slice(path.length).trim() : err.message.replace(path, displayPath));
    }
    return problems.map(m => kind_checks_asProblem(displayPath, m));
}
async function checkRoutingCoverage(path, displayPath) {
    const ext = (0,external_node_path_.extname)(path).toLowerCase();
    const problems = [];
    if (!ROUTING_COVERAGE_EXTENSIONS.includes(ext))
        problems.push(`has extension "${ext || '(none)'}"; a routing app coverage file must be .geojson`);
    const size = (await (0,promises_.stat)(path)).size;
    if (size > MAX_GEOJSON_BYTES)
        problems.push(`is ${size} bytes; a routing app coverage file this large is not plausible`);
    else
        problems.push(...geoJsonProblems(await (0,promises_.readFile)(path, 'utf8')));
    return problems.map(m => kind_checks_asProblem(displayPath, `${m}`));
}
async function checkAttachment(path, displayPath) {
    const size = (await (0,promises_.stat)(path)).size;
    return size > 0 ? [] : [kind_checks_asProblem(displayPath, 'is empty; App Store Connect does not accept an empty review attachment')];
}
/** The check for one file of a non-set kind. */
function checkOtherKind(kind, path, displayPath) {
    switch (kind) {
        case 'app-clip-header-image':
            return checkAppClipImage(path, displayPath);
        case 'app-clip-advanced-image':
            return checkAppClipImage(path, displayPath, 'advanced App Clip experience images');
        case 'routing-coverage':
            return checkRoutingCoverage(path, displayPath);
        case 'review-attachment':
            return checkAttachment(path, displayPath);
        default:
            return Promise.resolve([]);
    }
}

;// CONCATENATED MODULE: ./src/plan/plan.ts

/** States of an asset that holds (or will hold) real content. */
const LIVE = new Set(['COMPLETE', 'UPLOAD_COMPLETE', 'PROCESSING']);
function planSet(desired, remote, mode, localizationId, owner) {
    const type = ASSET_TYPES[desired.kind];
    const assets = remote?.assets ?? [];
    const plan = {
        kind: desired.kind,
        surface: desired.surface ?? 'version',
        platform: desired.platform,
        locale: desired.locale,
        localizationId,
        owner: owner ?? { type: 'appStoreVersionLocalizations', id: localizationId },
        setType: desired.setType,
        setId: remote?.id ?? null,
        ordered: type.ordered,
        maxItems: type.maxItems,
        frameTimeCode: desired.frameTimeCode,
        keep: [],
        upload: [],
        delete: [],
        order: desired.files,
        remoteOrder: assets.map(a => a.id),
        reorder: false,
        source: desired.source
    };
    if (desired.target)
        plan.target = desired.target;
    // Without a DELETE endpoint (advanced App Clip images) nothing is deleted: a new image replaces the old by reference.
    const drop = (d) => {
        if (type.deletable)
            plan.delete.push(d);
    };
    // Reservations never finished and failed assets are not content: they only take slots.
    for (const a of assets)
        if (!LIVE.has(a.state))
            drop({ remote: a, reason: a.state === 'FAILED' ? 'failed' : 'leftover' });
    const live = assets.filter(a => LIVE.has(a.state));
    if (mode === 'replace') {
        for (const a of live)
            drop({ remote: a, reason: 'replaced' });
        plan.upload = [...desired.files];
    }
    else {
        const { matched, unmatchedLocal, unmatchedRemote } = match(desired.files, live);
        plan.keep = matched;
        plan.upload = unmatchedLocal;
        // An old version of a file that is uploaded again counts as replaced, not as removed.
        const names = new Set(unmatchedLocal.map(l => l.fileName));
        // A to-one slot cannot hold the old file next to the new one, so append replaces it too.
        const toOne = type.maxItems === 1 && unmatchedLocal.length > 0;
        if (mode === 'sync' || toOne) {
            for (const a of unmatchedRemote)
                drop({ remote: a, reason: names.has(a.fileName) || toOne ? 'replaced' : 'not-in-mapping' });
        }
    }
    plan.reorder = type.ordered && needsReorder(plan, live, mode);
    return plan;
}
/**
 * The files `match` must know the MD5 of: those a remote asset with a published checksum could be
 * (same size). The rest cannot match by checksum, so they need no hashing before the plan.
 */
function filesNeedingChecksum(files, remote) {
    const sizes = new Set(remote.filter(a => a.checksum !== null).map(a => a.fileSize));
    return files.filter(l => l.md5 === undefined && sizes.has(l.size));
}
/**
 * Pairs local files with remote assets: first by checksum, then, for assets whose checksum Apple has
 * not published yet, by file name and size (such an asset is not "missing": uploading it again
 * would create a duplicate).
 */
function match(files, live) {
    const matched = [];
    const free = new Set(live);
    const unmatched = [];
    for (const local of files) {
        // An unhashed file has no remote asset of its size with a checksum (filesNeedingChecksum).
        const hit = local.md5 === undefined ? undefined : [...free].find(a => a.checksum !== null && a.checksum.toLowerCase() === local.md5);
        if (hit) {
            free.delete(hit);
            matched.push({ local, remote: hit });
        }
        else
            unmatched.push(local);
    }
    const unmatchedLocal = [];
    for (const local of unmatched) {
        const pending = [...free].find(a => a.checksum === null && a.fileName === local.fileName && a.fileSize === local.size);
        if (pending) {
            free.delete(pending);
            matched.push({ local, remote: pending });
        }
        else
            unmatchedLocal.push(local);
    }
    matched.sort((x, y) => files.indexOf(x.local) - files.indexOf(y.local));
    return { matched, unmatchedLocal, unmatchedRemote: [...free] };
}
/**
 * Uploads land at the end of a set, in the order they are reserved (local order). A reorder PATCH is
 * needed when that predicted order differs from the local order (append's extras go last).
 */
function needsReorder(plan, live, mode) {
    if (mode === 'replace')
        return false;
    const deleted = new Set(plan.delete.map(d => d.remote.id));
    const keptByLocal = new Map(plan.keep.map(k => [k.local, k.remote.id]));
    const keptIds = new Set(keptByLocal.values());
    const token = (l) => keptByLocal.get(l) ?? `new:${l.path}`;
    const remaining = live.filter(a => !deleted.has(a.id)).map(a => a.id);
    const predicted = [...remaining, ...plan.upload.map(token)];
    const wanted = [...plan.order.map(token), ...remaining.filter(id => !keptIds.has(id))];
    return !plan_sameOrder(predicted, wanted);
}
function plan_sameOrder(a, b) {
    return a.length === b.length && a.every((x, i) => x === b[i]);
}

;// CONCATENATED MODULE: ./src/plan/request-budget.ts
/** Polling rounds counted per (localization, kind); processing usually takes more, so this is a floor. */
const MIN_POLL_ROUNDS = 2;
function estimateRequests(plans, options) {
    const active = plans.filter(p => p.upload.length || p.delete.length || p.reorder);
    const uploads = active.reduce((n, p) => n + p.upload.length, 0);
    const e = {
        createSets: active.filter(p => !p.setId && p.upload.length).length,
        reservations: uploads,
        commits: uploads,
        deletes: active.reduce((n, p) => n + p.delete.length, 0),
        reorders: active.filter(p => p.reorder).length,
        polling: options.waitForProcessing ? MIN_POLL_ROUNDS * new Set(active.filter(p => p.upload.length).map(p => `${p.localizationId}:${p.kind}`)).size : 0
    };
    return { ...e, total: e.createSets + e.reservations + e.commits + e.deletes + e.reorders + e.polling };
}
/**
 * undefined when the budget covers the estimate (or no header was seen); otherwise the message to fail
 * with, giving both numbers.
 */
function budgetProblem(estimate, budget) {
    if (!budget || estimate.total === 0 || estimate.total <= budget.remaining)
        return undefined;
    const parts = [
        estimate.createSets && `${estimate.createSets} set creations`,
        estimate.reservations && `${estimate.reservations} reservations`,
        estimate.commits && `${estimate.commits} commits`,
        estimate.deletes && `${estimate.deletes} deletions`,
        estimate.reorders && `${estimate.reorders} reorders`,
        estimate.polling && `at least ${estimate.polling} processing checks`
    ].filter(Boolean);
    return (`The API key has ${budget.remaining} of its ${budget.limit} hourly App Store Connect requests left, but this plan needs at least ` +
        `${estimate.total} (${parts.join(', ')}); nothing was changed on App Store Connect. Run again when the hourly budget has recovered, ` +
        'use another API key, or deliver fewer files per run (the locales input).');
}

;// CONCATENATED MODULE: ./src/plan/preflight.ts

/** Most items of one container: 10 screenshots, 3 previews, 1 for to-one kinds (App Clip images, routing coverage). */
function limitOf(kind) {
    return ASSET_TYPES[kind].maxItems;
}
/** Too many local files for one set. */
function checkLocalLimits(sets) {
    return sets
        .filter(s => s.files.length > limitOf(s.kind))
        .map(s => ({
        file: s.source.file,
        line: s.source.line,
        column: s.source.column,
        category: 'mapping',
        message: `${s.files.length} ${s.kind}s for ${s.setType}${s.locale ? ` in ${s.locale}` : ''}, but ${limitOf(s.kind) === 1 ? 'it takes exactly one file' : `a set holds at most ${limitOf(s.kind)}`} (${s.files.map(f => f.displayPath).join(', ')}).`
    }));
}
/** Locales the mapping names that the version does not have. */
function checkLocales(sets, available, versionLabel, noun = 'version') {
    const seen = new Set();
    const problems = [];
    for (const s of sets) {
        if (available.has(s.locale) || seen.has(s.locale))
            continue;
        seen.add(s.locale);
        problems.push({
            file: s.files[0]?.displayPath ?? s.source.file,
            category: 'asset',
            message: `locale "${s.locale}" has files but ${noun} ${versionLabel} has no ${s.locale} localization (it has ${[...available.keys()].sort().join(', ') || 'none'}). Add the localization in App Store Connect, or rename the folder.`
        });
    }
    return problems;
}
/** After planning: what stays remote plus what is uploaded must fit the set (matters in append mode). */
function checkPlannedLimits(plans) {
    return plans.flatMap(p => {
        // A kind without DELETE (advanced App Clip images) is replaced by reference: the old one leaves the slot.
        if (!ASSET_TYPES[p.kind].deletable)
            return [];
        const removed = new Set(p.delete.map(d => d.remote.id));
        const remaining = p.remoteOrder.filter(id => !removed.has(id)).length;
        const total = remaining + p.upload.length;
        if (total <= limitOf(p.kind))
            return [];
        return [
            {
                file: p.source.file,
                line: p.source.line,
                column: p.source.column,
                category: 'mapping',
                message: `${p.setType}${p.locale ? ` in ${p.locale}` : ''} would hold ${total} ${p.kind}s (${remaining} staying on App Store Connect + ${p.upload.length} new), over the limit of ${limitOf(p.kind)}; use mode sync or replace, or remove files.`
            }
        ];
    });
}

// EXTERNAL MODULE: ./src/surfaces/app-version.ts
var app_version = __webpack_require__(4826);
;// CONCATENATED MODULE: ./src/pipeline.ts
















function newResult(settings) {
    return { mode: settings.mode, dryRun: settings.dryRun, versions: {}, plans: [], runs: [], warnings: [], startedAt: Date.now() };
}
async function deliverMedia(settings, deps, result = newResult(settings)) {
    const { log } = deps;
    // The app and version lookups (reads) run while the mapping and files are checked; a local problem still wins over a remote error.
    const conn = deps.connection ?? (0,connection/* openConnection */.JY)(settings, deps);
    conn.debug = m => log.debug(m);
    let resolving;
    let listing;
    try {
        let desired = await log.group('Resolve: mapping and local files', async () => {
            const sets = await readSets(settings, log, result);
            resolving = resolveTargets(conn, settings, platformsOf(sets));
            resolving.catch(() => undefined);
            // The version localizations' sets are read while the files are checked, so planning waits for no round trip.
            if (settings.mediaApi === 'sets')
                listing = listVersionSets(conn.client, resolving, sets);
            listing?.catch(() => undefined);
            return checkSets(sets, settings, log);
        });
        const client = conn.client;
        await log.group('Resolve: app and version', async () => {
            const { app, versions } = await resolving;
            result.app = app;
            result.version = versions[settings.platform];
            result.versions = versions;
            log.info(`App ${app.name ?? ''} (${app.id})`);
            for (const v of Object.values(versions))
                log.info(`${v.platform} version ${v.versionString} (${v.state}), ${v.localizations.size} localizations`);
        });
        if (settings.mediaApi === 'library') {
            // The asset library replaces the set-based plan and execute for the screenshots and previews of versions, custom product pages and experiment treatments; the rest stays set-based.
            const lib = await log.group('Asset library', () => deliverLibraryMode(desired, result.app.id, result.versions ?? { [settings.platform]: result.version }, { client, log, mode: settings.mode, dryRun: settings.dryRun, concurrency: settings.concurrency, waitForProcessing: settings.waitForProcessing, processingTimeoutMs: settings.processingTimeoutMs, pollInitialDelayMs: deps.pollInitialDelayMs, now: deps.now }));
            result.library = lib.runs;
            desired = lib.remaining;
        }
        await log.group('Plan', async () => plan(client, settings, desired, result, log, await listing));
        if (settings.dryRun)
            return result;
        // Fail before the first write when the hourly budget (last X-Rate-Limit header) cannot cover the plan.
        const shortfall = budgetProblem(estimateRequests(result.plans, settings), client.http.limiter.budget);
        if (shortfall)
            throw new errors/* ActionError */.lZ(shortfall);
        const options = { client, log, concurrency: settings.concurrency, waitForProcessing: settings.waitForProcessing, processingTimeoutMs: settings.processingTimeoutMs, pollInitialDelayMs: deps.pollInitialDelayMs, now: deps.now, onProgress: deps.onProgress };
        const active = result.plans.filter(p => p.upload.length || p.delete.length || p.reorder);
        result.runs = await log.group('Upload', () => uploadPhase(active, options));
        await log.group('Verify', () => verifyPhase(result.runs, options));
        return result;
    }
    catch (error) {
        // Uploads settle before their phase throws; what may still be in flight is a lookup nobody will read
        // or a clean-up the next run repeats: stop retrying it rather than hold the failed run open.
        conn.http.abort();
        throw error;
    }
    finally {
        // Reads still in flight (a run stopped by a file problem) end before the connection closes.
        await resolving?.catch(() => undefined);
        await listing?.then(reads => Promise.allSettled(reads.values()), () => undefined);
        result.stats = conn.http.stats;
        result.finishedAt = Date.now();
        await (0,connection/* closeConnection */.Bn)(conn);
    }
}
/** The app, the `platform` input's version (its errors read as before), then every other platform's the mapping uses. Reads only. */
async function resolveTargets(conn, settings, platforms) {
    const app = await conn.app;
    const versions = { [settings.platform]: await conn.version };
    const others = platforms.filter(p => p !== settings.platform);
    for (const [i, v] of (await Promise.all(others.map(p => (0,app_version/* resolveVersion */.x)(conn.client, app, p, settings.version)))).entries())
        versions[others[i]] = v;
    return { app, versions };
}
/** Mapping → expanded sets → checked and described files. Local only (the CLI's validate): no request at all. */
async function readDesired(settings, log, result) {
    return checkSets(await readSets(settings, log, result), settings, log);
}
/** Mapping → expanded sets. Local; throws on a bad mapping file (with the file problems found alongside). */
async function readSets(settings, log, result) {
    const mapping = await loadMapping(settings.mappingPath, { workspace: settings.workspace });
    const expanded = await expandMapping(mapping, { workspace: settings.workspace, locales: settings.locales, onEmptyGlob: settings.onEmptyGlob });
    result.warnings.push(...expanded.warnings);
    for (const w of expanded.warnings)
        log.warning(w.message, { file: w.file, startLine: w.line, startColumn: w.column });
    // Every entry goes to its own platform's version; entries that name no platform (review attachments, routing coverage) go to the `platform` input's.
    const sets = expanded.sets.map(s => (s.defaultPlatform ? { ...s, platform: settings.platform } : s));
    // Entries the `media-api` cannot deliver (placement-group only with sets) are mapping problems: no write either.
    const problems = [...expanded.problems, ...mediaApiProblems(mapping, settings.mediaApi)];
    if (problems.length)
        throw new errors/* ValidationError */.yI([...problems, ...(await checkFiles(sets, settings))]);
    return sets;
}
/** Expanded sets → checked and described files; every problem at once. */
async function checkSets(sets, settings, log) {
    const problems = await checkFiles(sets, settings);
    const desired = problems.length ? [] : await describeSets(sets, settings);
    problems.push(...checkLocalLimits(desired));
    if (problems.length)
        throw new errors/* ValidationError */.yI(problems);
    const files = desired.reduce((n, s) => n + s.files.length, 0);
    const locales = new Set(desired.map(s => s.locale).filter(Boolean)).size;
    const platforms = platformsOf(desired);
    log.info(`${files} files in ${desired.length} sets across ${locales} locales${platforms.length > 1 ? ` and ${platforms.length} platforms (${platforms.join(', ')})` : ''} passed the local checks.`);
    return desired;
}
/** The platforms whose App Store version the desired media needs (custom product pages and experiments need none). */
function platformsOf(desired) {
    const needsVersion = desired.filter(d => d.surface !== 'custom-product-page' && d.surface !== 'experiment');
    return [...new Set(needsVersion.map(d => d.platform))];
}
async function checkFiles(sets, settings) {
    const limit = createLimit(Math.max(2, settings.concurrency));
    const check = (s, file) => {
        const shown = toDisplayPath(file, settings.workspace);
        if (s.kind === 'preview')
            return checkPreview(file, shown, s.setType);
        if (s.kind === 'screenshot')
            return checkScreenshot(file, shown, s.setType);
        return checkOtherKind(s.kind, file, shown);
    };
    // An entry with only a placement-group has no sizes in specs.ts: the library's reference-data pre-flight checks its files.
    return (await Promise.all(sets.filter(s => !s.groupOnly).flatMap(s => s.files.map(file => limit(() => check(s, file)))))).flat();
}
async function describeSets(sets, settings) {
    const limit = createLimit(4);
    // Sets mode hashes a file only when planning or committing needs it; the library keys everything on SHA-256, and a dry run reports every checksum.
    const hash = settings.mediaApi === 'library' || settings.dryRun;
    return Promise.all(sets.map(async (s) => {
        const d = {
            kind: s.kind,
            surface: s.surface ?? 'version',
            platform: s.platform,
            locale: s.locale,
            setType: s.setType,
            frameTimeCode: s.frameTimeCode,
            source: s.source,
            files: await Promise.all(s.files.map(f => limit(() => describeFile(f, settings.workspace, { hash, sha256: settings.mediaApi === 'library' }))))
        };
        if (s.target)
            d.target = s.target;
        if (s.placementGroup)
            d.placementGroup = s.placementGroup;
        return d;
    }));
}
const listingKey = (owner, kind) => `${owner.type}:${owner.id}\u0000${kind}`;
/**
 * Starts the reads planning needs first and most: every version localization's screenshot and preview
 * sets that the mapping uses. Reads only; an unknown locale is left to resolveOwners to report.
 */
async function listVersionSets(client, resolving, sets) {
    const { versions } = await resolving;
    const reads = new Map();
    for (const s of sets) {
        const id = versions[s.platform]?.localizations.get(s.locale);
        if ((s.surface ?? 'version') !== 'version' || !isSetKind(s.kind) || !id)
            continue;
        const owner = { type: VERSION_LOCALIZATIONS, id };
        const key = listingKey(owner, s.kind);
        if (reads.has(key))
            continue;
        const read = readContainers(client, owner, s.locale, s.kind, s.setType);
        read.catch(() => undefined);
        reads.set(key, read);
    }
    return reads;
}
async function plan(client, settings, desired, result, log, listings) {
    const { owners, problems } = await resolveOwners(client, result.app, result.versions ?? {}, desired);
    if (problems.length) {
        const onlyLocales = problems.every(p => p.category === 'asset');
        throw new errors/* ValidationError */.yI(problems, onlyLocales ? 'The mapping names locales the version lacks' : 'The mapping names what App Store Connect does not have');
    }
    const remote = await readRemote(client, desired, owners, listings);
    const remoteOf = (d) => {
        const owned = owners.get(d);
        return remote.find(r => r.localizationId === owned.owner.id && r.kind === d.kind && r.setType === d.setType);
    };
    const limit = createLimit(4);
    await Promise.all(desired.flatMap(d => filesNeedingChecksum(d.files, remoteOf(d)?.assets ?? []).map(l => limit(() => ensureHashed(l)))));
    result.plans = desired.map(d => {
        const owned = owners.get(d);
        return planSet(d, remoteOf(d), settings.mode, owned.localizationId, owned.owner);
    });
    const limits = checkPlannedLimits(result.plans);
    if (limits.length)
        throw new errors/* ValidationError */.yI(limits, 'The plan would exceed Apple\'s limits per set');
    for (const p of result.plans)
        log.info(describePlan(p));
}
/** One request per (owner, kind) that the mapping uses: for sets, each returns every set of the localization with its items. */
async function readRemote(client, desired, owners, listings) {
    const wanted = new Map();
    for (const d of desired) {
        const owner = owners.get(d).owner;
        if (owner.id)
            wanted.set(listingKey(owner, d.kind), d);
    }
    const read = await Promise.all([...wanted].map(([key, d]) => listings?.get(key) ?? readContainers(client, owners.get(d).owner, d.locale, d.kind, d.setType)));
    return read.flat();
}
function describePlan(p) {
    const parts = [
        p.upload.length && `upload ${p.upload.length}`,
        p.keep.length && `keep ${p.keep.length}`,
        p.delete.length && `delete ${p.delete.length}`,
        p.reorder && 'reorder'
    ].filter(Boolean);
    return `${planLabel(p)}: ${parts.length ? parts.join(', ') : 'nothing to do'}`;
}

;// CONCATENATED MODULE: ./src/report/actions-logger.ts
/** The Logger for GitHub Actions: @actions/core groups, annotations with file and line, redaction. */


function actionsLogger() {
    return {
        debug: m => core/* debug */.Yz((0,redact/* redact */.E$)(m)),
        info: m => core/* info */.pq((0,redact/* redact */.E$)(m)),
        warning: (m, a) => core/* warning */.$e((0,redact/* redact */.E$)(m), a ?? {}),
        error: (m, a) => core/* error */.z3((0,redact/* redact */.E$)(m), a ?? {}),
        // core.group ends the group in a finally block, so a throwing phase still closes its group.
        group: (name, fn) => core/* group */.Os(name, fn)
    };
}

;// CONCATENATED MODULE: ./src/report/annotations.ts

const ANNOTATIONS_PER_CATEGORY = 10;
function categoryOf(p) {
    return p.category ?? 'other';
}
function annotationsFor(problems, limit = ANNOTATIONS_PER_CATEGORY) {
    const byCategory = new Map();
    for (const p of problems)
        byCategory.set(categoryOf(p), [...(byCategory.get(categoryOf(p)) ?? []), p]);
    const out = [];
    for (const [category, list] of byCategory) {
        const title = `App Store media: ${category}`;
        for (const p of list.slice(0, limit)) {
            const properties = { title };
            if (p.file)
                properties.file = p.file;
            if (p.line)
                properties.startLine = p.line;
            if (p.line && p.column)
                properties.startColumn = p.column;
            out.push({ message: (0,redact/* redact */.E$)(p.message), properties });
        }
        if (list.length > limit) {
            const rest = list.length - limit;
            out.push({ message: `${rest} more ${category} problem${rest === 1 ? '' : 's'} not annotated; see the job summary or the log.`, properties: { title } });
        }
    }
    return out;
}

;// CONCATENATED MODULE: ./src/report/entries.ts

function entries_base(p) {
    const target = (0,model/* targetLabel */.O)(p.target);
    return { kind: p.kind, surface: p.surface ?? 'version', ...(target ? { target } : {}), platform: p.platform, locale: p.locale, setType: p.setType };
}
/** Entries of a plan that was not executed (dry run, or a run that stopped before uploading). */
function plannedEntries(p) {
    return [
        ...p.keep.map(k => {
            const kept = { ...entries_base(p), file: k.local.displayPath, assetId: k.remote.id, action: 'keep', state: k.remote.state, checksum: k.local.md5 ?? null, bytes: k.local.size };
            // The summary shows what is on the store, kept files included.
            if (k.remote.templateUrl)
                kept.templateUrl = k.remote.templateUrl;
            return kept;
        }),
        ...p.upload.map(l => ({ ...entries_base(p), file: l.displayPath, assetId: null, action: 'upload', state: 'PLANNED', checksum: l.md5 ?? null, bytes: l.size })),
        ...p.delete.map(d => ({ ...entries_base(p), file: d.remote.fileName, assetId: d.remote.id, action: 'delete', state: 'PLANNED', checksum: d.remote.checksum, bytes: d.remote.fileSize }))
    ];
}
function runEntries(run) {
    const p = run.plan;
    const kept = p.keep.map(k => {
        const now = run.states.get(k.remote.id) ?? k.remote;
        return { ...entries_base(p), file: k.local.displayPath, assetId: k.remote.id, action: 'keep', state: now.state, checksum: now.checksum ?? k.local.md5 ?? null, bytes: k.local.size, templateUrl: now.templateUrl };
    });
    const replaced = p.delete.filter(d => d.reason === 'replaced');
    const folded = new Set();
    const uploaded = p.upload.map(l => {
        const asset = run.uploaded.get(l);
        const old = replaced.find(d => d.remote.fileName === l.fileName && !folded.has(d.remote.id));
        const failure = run.failures.get(l);
        const state = asset ? (run.states.get(asset.id) ?? asset).state : failure ? 'FAILED' : 'NOT_STARTED';
        const entry = { ...entries_base(p), file: l.displayPath, assetId: asset?.id ?? null, action: old ? 'replace' : 'upload', state, checksum: l.md5 ?? null, bytes: l.size, seconds: run.seconds };
        if (old) {
            folded.add(old.remote.id);
            entry.replacedAssetId = old.remote.id;
        }
        if (failure)
            entry.errors = [{ code: 'DELIVERY_FAILED', description: failure }];
        const processed = asset && run.states.get(asset.id);
        if (processed?.templateUrl)
            entry.templateUrl = processed.templateUrl;
        return entry;
    });
    const deleted = p.delete.filter(d => !folded.has(d.remote.id)).map(d => ({
        ...entries_base(p),
        file: d.remote.fileName,
        assetId: d.remote.id,
        action: 'delete',
        state: run.deleted.has(d.remote.id) ? 'DELETED' : d.remote.state,
        checksum: d.remote.checksum,
        bytes: d.remote.fileSize
    }));
    return [...kept, ...uploaded, ...deleted];
}
function allEntries(result) {
    const ran = new Set(result.runs.map(r => r.plan));
    return [
        ...result.runs.flatMap(runEntries),
        ...result.plans.filter(p => !ran.has(p)).flatMap(p => (result.dryRun ? plannedEntries(p) : plannedEntries(p).filter(e => e.action === 'keep'))),
        ...(result.library ?? []).flatMap(r => r.entries)
    ];
}
function countEntries(entries, runs) {
    const c = { uploaded: 0, skipped: 0, deleted: 0, failed: 0, reordered: runs.filter(r => r.reordered).length, bytes: 0 };
    for (const e of entries) {
        if (e.action === 'keep')
            c.skipped++;
        else if (e.action === 'delete' && e.state === 'DELETED')
            c.deleted++;
        else if ((e.action === 'upload' || e.action === 'replace') && e.errors?.length)
            c.failed++;
        else if ((e.action === 'upload' || e.action === 'replace') && e.state !== 'PLANNED' && e.state !== 'NOT_STARTED') {
            c.uploaded++;
            c.bytes += e.bytes;
        }
    }
    return c;
}

;// CONCATENATED MODULE: ./src/report/report-file.ts
/** The JSON report: one entry per asset, plus what was resolved and counted. Written for later steps. */



const SURFACE_ORDER = ['version', 'custom-product-page', 'experiment', 'app-clip', 'review', 'routing'];
/** Entries folded into groups by platform, surface and locale. */
function groupReport(entries) {
    const groups = new Map();
    for (const e of entries) {
        const surface = e.surface ?? 'version';
        const key = JSON.stringify([e.platform, surface, e.target ?? '', e.locale]);
        let g = groups.get(key);
        if (!g)
            groups.set(key, (g = { platform: e.platform, surface, ...(e.target ? { target: e.target } : {}), locale: e.locale, uploaded: 0, kept: 0, deleted: 0, failed: 0 }));
        if (e.action === 'keep')
            g.kept++;
        else if (e.action === 'delete')
            g.deleted += e.state === 'DELETED' ? 1 : 0;
        else if (e.errors?.length)
            g.failed++;
        else if ((e.action === 'upload' || e.action === 'replace') && e.state !== 'PLANNED' && e.state !== 'NOT_STARTED')
            g.uploaded++;
    }
    return [...groups.values()].sort((a, b) => a.platform.localeCompare(b.platform) ||
        SURFACE_ORDER.indexOf(a.surface) - SURFACE_ORDER.indexOf(b.surface) ||
        (a.target ?? '').localeCompare(b.target ?? '') ||
        a.locale.localeCompare(b.locale));
}
function buildReport(result, entries, counts, error) {
    const v = result?.version;
    return {
        schemaVersion: 1,
        app: result?.app,
        version: v && { id: v.id, versionString: v.versionString, platform: v.platform, state: v.state },
        versions: result?.versions && Object.fromEntries(Object.entries(result.versions).map(([p, x]) => [p, { id: x.id, versionString: x.versionString, state: x.state }])),
        mode: result?.mode,
        dryRun: result?.dryRun,
        counts,
        requests: result?.stats && {
            api: result.stats.apiRequests,
            upload: result.stats.uploadRequests,
            uploadBytes: result.stats.uploadBytes,
            retries: result.stats.retries,
            byKind: result.stats.requests
        },
        error,
        groups: groupReport(entries),
        entries
    };
}
async function writeReport(file, report) {
    await (0,promises_.mkdir)(external_node_path_default().dirname(file), { recursive: true });
    await (0,promises_.writeFile)(file, (0,redact/* redact */.E$)(JSON.stringify(report, null, 2)) + '\n');
}

;// CONCATENATED MODULE: ./src/report/summary.ts




function escapeHtml(value) {
    return (0,redact/* redact */.E$)(String(value ?? '')).replace(/[&<>"'`|]/g, c => `&#${c.charCodeAt(0)};`);
}
function formatBytes(n) {
    if (n < 1024)
        return `${n} B`;
    if (n < 1024 * 1024)
        return `${(n / 1024).toFixed(1)} KiB`;
    if (n < 1024 ** 3)
        return `${(n / 1024 / 1024).toFixed(1)} MiB`;
    return `${(n / 1024 ** 3).toFixed(2)} GiB`;
}
function formatSeconds(s) {
    if (s < 60)
        return `${s.toFixed(1)} s`;
    return `${Math.floor(s / 60)} min ${Math.round(s % 60)} s`;
}
/** The width of thumbnails in the summary, in CSS pixels; the height follows the set type's aspect ratio. */
const THUMBNAIL_WIDTH = 100;
/** At most this many problems are listed in the summary (the JSON report and the log have them all). */
const MAX_PROBLEMS_SHOWN = 50;
function surfaceOf(x) {
    const surface = typeof x.surface === 'string' && x.surface ? x.surface : 'version';
    // Entries carry the page / "experiment / treatment" / experience as a string, plans as a SurfaceTarget.
    const target = typeof x.target === 'string' ? x.target : (0,model/* targetLabel */.O)(x.target);
    return target ? `${surface} "${target}"` : surface;
}
function renderSummary(input) {
    const { result, counts, entries } = input;
    const dry = result?.dryRun === true;
    const out = [];
    const ok = !input.error && !(counts && counts.failed);
    if (dry)
        out.push(`<h2>${ok ? '📋' : '❌'} App Store media: plan (dry run, nothing was changed)</h2>`);
    else
        out.push(`<h2>${ok ? '✅' : '❌'} App Store media</h2>`);
    if (result?.version) {
        const app = result.app?.name ? `${result.app.name} (${result.app.id})` : result.app?.id;
        out.push(`<p>App <b>${escapeHtml(app)}</b>, ${escapeHtml(result.version.platform)} version <b>${escapeHtml(result.version.versionString)}</b> (${escapeHtml(result.version.state)}), mode <code>${escapeHtml(result.mode)}</code></p>`);
    }
    if (input.error)
        out.push(`<p><b>The run failed:</b></p><pre>${escapeHtml(input.error)}</pre>`);
    if (input.problems?.length)
        out.push(problemList(input.problems));
    if (dry && result)
        out.push(planTotals(result.plans));
    else if (counts)
        out.push(totals(counts, result));
    const groups = groupEntries(entries, result);
    for (const g of groups)
        out.push(dry ? planTable(g) : runTable(g));
    const failed = entries.filter(e => e.errors?.length);
    if (failed.length) {
        out.push(`<h3>Failures</h3><ul>${failed
            .map(e => `<li><code>${escapeHtml(e.file)}</code> (${escapeHtml(e.locale)}, ${escapeHtml(e.setType)}): ${escapeHtml(e.errors?.map(x => (x.code ? `${x.code}: ${x.description}` : x.description)).join('; '))}</li>`)
            .join('')}</ul>`);
    }
    if (input.reportPath)
        out.push(`<p>JSON report: <code>${escapeHtml(input.reportPath)}</code></p>`);
    return out.join('\n') + '\n';
}
function problemList(problems) {
    const shown = problems.slice(0, MAX_PROBLEMS_SHOWN).map(p => `<li>${escapeHtml((0,errors/* formatProblem */.Vw)(p))}</li>`);
    if (problems.length > MAX_PROBLEMS_SHOWN)
        shown.push(`<li>… and ${problems.length - MAX_PROBLEMS_SHOWN} more (see the log)</li>`);
    return `<ul>${shown.join('')}</ul>`;
}
function totals(c, result) {
    const secs = result?.finishedAt ? formatSeconds((result.finishedAt - result.startedAt) / 1000) : '–';
    const reqs = result?.stats ? `${result.stats.apiRequests} API requests, ${result.stats.uploadRequests} upload parts` : '';
    return `<p>Uploaded <b>${c.uploaded}</b> (${escapeHtml(formatBytes(c.bytes))}), kept <b>${c.skipped}</b>, deleted <b>${c.deleted}</b>, reordered <b>${c.reordered}</b> sets, failed <b>${c.failed}</b> · ${escapeHtml(secs)}${reqs ? ` · ${escapeHtml(reqs)}` : ''}</p>`;
}
function planTotals(plans) {
    const upload = plans.reduce((n, p) => n + p.upload.length, 0);
    const bytes = plans.reduce((n, p) => n + p.upload.reduce((b, l) => b + l.size, 0), 0);
    const keep = plans.reduce((n, p) => n + p.keep.length, 0);
    const del = plans.reduce((n, p) => n + p.delete.length, 0);
    const reorder = plans.filter(p => p.reorder).length;
    if (!upload && !del && !reorder)
        return `<p>A release would change <b>nothing</b>: all ${keep} files are already on App Store Connect, in order.</p>`;
    return `<p>A release would upload <b>${upload}</b> (${escapeHtml(formatBytes(bytes))}), keep <b>${keep}</b>, delete <b>${del}</b> and reorder <b>${reorder}</b> sets.</p>`;
}
function groupEntries(entries, result) {
    const groups = new Map();
    const rowFor = (x) => {
        const surface = surfaceOf(x);
        const gk = `${x.platform}\u0000${surface}\u0000${x.locale}`;
        let g = groups.get(gk);
        if (!g)
            groups.set(gk, (g = { platform: x.platform, surface, locale: x.locale, sets: [] }));
        let row = g.sets.find(r => r.setType === x.setType && r.kind === x.kind);
        if (!row)
            g.sets.push((row = { setType: x.setType, kind: x.kind, uploaded: 0, kept: 0, deleted: 0, failed: 0, bytes: 0, seconds: 0, reordered: false, entries: [] }));
        return row;
    };
    for (const e of entries) {
        const row = rowFor(e);
        row.entries.push(e);
        if (e.action === 'keep')
            row.kept++;
        else if (e.action === 'delete')
            row.deleted += e.state === 'DELETED' || e.state === 'PLANNED' ? 1 : 0;
        else if (e.errors?.length)
            row.failed++;
        else if (e.action === 'upload' || e.action === 'replace') {
            if (e.state !== 'NOT_STARTED') {
                row.uploaded++;
                row.bytes += e.bytes;
            }
        }
        row.seconds = Math.max(row.seconds, e.seconds ?? 0);
    }
    const plans = result?.dryRun ? result.plans : (result?.runs ?? []).filter(r => r.reordered).map(r => r.plan);
    for (const p of plans) {
        if (!p.reorder && result?.dryRun)
            continue;
        // A set whose only change is its order has no entries beyond "keep"; it still gets a row.
        const row = rowFor(p);
        row.reordered = true;
    }
    return [...groups.values()].sort((a, b) => a.platform.localeCompare(b.platform) || surfaceRank(a.surface) - surfaceRank(b.surface) || a.surface.localeCompare(b.surface) || a.locale.localeCompare(b.locale));
}
function surfaceRank(s) {
    return s === 'version' ? 0 : 1;
}
function setName(r) {
    return escapeHtml(r.kind === 'screenshot' ? r.setType : `${r.setType} (${r.kind})`);
}
function heading(g) {
    return `<h3>${escapeHtml(g.platform)} · ${escapeHtml(g.surface)}${g.locale ? ` · ${escapeHtml(g.locale)}` : ''}</h3>`;
}
function runTable(g) {
    const head = '<tr><th>Set</th><th>Uploaded</th><th>Kept</th><th>Deleted</th><th>Reordered</th><th>Failed</th><th>Size</th><th>Time</th><th>On the store</th></tr>';
    const body = g.sets
        .map(r => `<tr><td>${setName(r)}</td><td>${r.uploaded}</td><td>${r.kept}</td><td>${r.deleted}</td><td>${r.reordered ? 'yes' : 'no'}</td><td>${r.failed}</td><td>${escapeHtml(formatBytes(r.bytes))}</td><td>${escapeHtml(formatSeconds(r.seconds))}</td><td>${thumbnails(r)}</td></tr>`)
        .join('');
    return `${heading(g)}\n<table>${head}${body}</table>\n${fileDetails(g)}`;
}
function planTable(g) {
    const head = '<tr><th>Set</th><th>Upload</th><th>Keep</th><th>Delete</th><th>Reorder</th><th>Upload size</th></tr>';
    const body = g.sets
        .map(r => `<tr><td>${setName(r)}</td><td>${r.uploaded}</td><td>${r.kept}</td><td>${r.deleted}</td><td>${r.reordered ? 'yes' : 'no'}</td><td>${escapeHtml(formatBytes(r.bytes))}</td></tr>`)
        .join('');
    return `${heading(g)}\n<table>${head}${body}</table>\n${fileDetails(g)}`;
}
const ACTION_WORDS = { upload: 'upload', replace: 'replace', keep: 'keep', delete: 'delete', none: '–' };
function fileDetails(g) {
    const rows = g.sets.flatMap(r => r.entries.map(e => `<tr><td>${setName(r)}</td><td><code>${escapeHtml(e.file ?? '')}</code></td><td>${escapeHtml(ACTION_WORDS[e.action] ?? e.action)}</td><td>${escapeHtml(e.state)}</td><td>${escapeHtml(formatBytes(e.bytes))}</td></tr>`));
    if (!rows.length)
        return '';
    return `<details><summary>${rows.length} files</summary>\n<table><tr><th>Set</th><th>File</th><th>Action</th><th>State</th><th>Size</th></tr>${rows.join('')}</table>\n</details>`;
}
function thumbnails(r) {
    const imgs = r.entries
        .filter(e => e.action !== 'delete' && e.templateUrl)
        .map(e => {
        const src = thumbnailUrl(e.templateUrl, r.kind, r.setType);
        return src ? `<img src="${escapeHtml(src)}" width="${THUMBNAIL_WIDTH}" alt="${escapeHtml(e.file ?? '')}">` : '';
    })
        .filter(Boolean);
    return imgs.join(' ');
}
/** The pixel size a set type's images have, portrait first, to keep the thumbnail's aspect ratio. */
function aspectOf(kind, setType) {
    const spec = kind === 'preview' ? PREVIEW_SPECS[setType] : SCREENSHOT_SPECS[setType];
    return spec?.sizes[0] ?? [1, 2];
}
/**
 * Apple's processed image as a small thumbnail: `imageAsset.templateUrl` with {w}, {h} and {f}
 * filled in. Only https URLs are used (the sandbox's are https too); anything else gives undefined.
 */
function thumbnailUrl(templateUrl, kind, setType, width = THUMBNAIL_WIDTH) {
    let url;
    try {
        url = new URL(templateUrl.replace(/[{}]/g, c => (c === '{' ? '%7B' : '%7D')));
    }
    catch {
        return undefined;
    }
    if (url.protocol !== 'https:')
        return undefined;
    const [w, h] = aspectOf(kind, setType);
    const height = Math.round((width * h) / w);
    return templateUrl.replace(/\{w\}/g, String(width)).replace(/\{h\}/g, String(height)).replace(/\{f\}/g, 'png');
}

;// CONCATENATED MODULE: ./src/action.ts
/**
 * The action once its first request is in flight: run the pipeline and — whatever happened — write
 * outputs, the JSON report and the job summary. Any thrown value becomes core.setFailed with a
 * redacted message.
 */









async function runAction(started) {
    // Replays the secrets registered so far (the private key) as masks before anything is printed.
    (0,redact/* onSecretRegistered */.AF)(secret => core/* setSecret */.Pq(secret));
    const { settings, connection } = started;
    let result;
    let failure = started.failure;
    try {
        if (settings && failure === undefined) {
            result = newResult(settings);
            await deliverMedia(settings, { log: actionsLogger(), connection }, result);
        }
    }
    catch (error) {
        failure = error;
    }
    finally {
        await action_finish(settings, result, failure);
    }
}
async function action_finish(settings, result, failure) {
    const entries = result ? allEntries(result) : [];
    const counts = countEntries(entries, result?.runs ?? []);
    const message = failure === undefined ? undefined : (0,redact/* redact */.E$)(failure instanceof Error ? failure.message : String(failure));
    const problems = failure instanceof errors/* ValidationError */.yI ? failure.problems : [];
    for (const a of annotationsFor(problems))
        core/* error */.z3(a.message, a.properties);
    try {
        if (settings) {
            await writeReport(settings.reportPath, buildReport(result, entries, counts, message));
            core/* setOutput */.uH('report', settings.reportPath);
        }
        core/* setOutput */.uH('uploaded', counts.uploaded);
        core/* setOutput */.uH('skipped', counts.skipped);
        core/* setOutput */.uH('deleted', counts.deleted);
        core/* setOutput */.uH('failed', counts.failed);
        core/* setOutput */.uH('version-id', result?.version?.id ?? '');
        core/* setOutput */.uH('version-ids', JSON.stringify(Object.fromEntries(Object.entries(result?.versions ?? {}).map(([platform, v]) => [platform, v.id]))));
        if (process.env.GITHUB_STEP_SUMMARY) {
            await core/* summary */.z.addRaw(renderSummary({ result, entries, counts, error: message, problems, reportPath: settings?.reportPath })).write();
        }
    }
    catch (e) {
        core/* warning */.$e(`Could not write the report or summary: ${(0,redact/* redact */.E$)(String(e))}`);
    }
    if (message)
        core/* setFailed */.C1(message);
    else if (counts.failed)
        core/* setFailed */.C1(`${counts.failed} file(s) could not be delivered; see the job summary for Apple's reasons. A new run retries them.`);
}


/***/ })

};
