/**
 * Screenshots and previews: reserve (POST), read (GET), commit or update (PATCH), delete (DELETE).
 * The upload itself goes to the upload listener (uploads.ts) with the URLs handed out here.
 */
import { MAX_PREVIEW_BYTES, PREVIEW_EXTENSIONS, SCREENSHOT_EXTENSIONS } from '../../media/specs.js'
import type { ApiResult, Handler, SandboxContext } from '../context.js'
import { ApiError, invalidAttribute, invalidRelationship, notFound } from '../errors.js'
import { singleDocument } from '../json-api.js'
import { contentTypeFor, type MediaKind } from '../media-kinds.js'
import { injectedFailure, processPreview, processScreenshot } from '../processing.js'
import type { AssetRecord, ProcessingOutcome } from '../store.js'
import { commitUpload, extensionOf, newAsset, removeAsset } from './asset-life.js'
import { requireSetEditable } from './sets.js'
import { assetResource, docContext } from './views.js'

function findAsset(ctx: SandboxContext, k: MediaKind, id: string): AssetRecord {
  const a = ctx.store.assets.get(id)
  if (!a || a.kind !== k.kind) throw notFound(k.itemType, id)
  return a
}

function respond(ctx: SandboxContext, a: AssetRecord, status: number, query = new Map<string, string[]>(), self?: string): ApiResult {
  const doc = singleDocument(docContext(ctx, query), assetResource(ctx, a), self ?? `${ctx.apiBase}/v1/${a.kind === 'screenshot' ? 'appScreenshots' : 'appPreviews'}/${a.id}`)
  return { status, body: doc }
}

function checkFile(k: MediaKind, fileName: string, fileSize: number): void {
  const allowed: readonly string[] = k.kind === 'screenshot' ? SCREENSHOT_EXTENSIONS : PREVIEW_EXTENSIONS
  if (!allowed.includes(extensionOf(fileName))) throw invalidAttribute('fileName', `The file name '${fileName}' must end in ${allowed.join(', ')}.`)
  if (!Number.isInteger(fileSize) || fileSize < 1) throw invalidAttribute('fileSize', 'The file size must be a positive number of bytes.')
  if (k.kind === 'preview' && fileSize > MAX_PREVIEW_BYTES) throw invalidAttribute('fileSize', `An app preview can be at most ${MAX_PREVIEW_BYTES} bytes.`)
}

/** POST /v1/appScreenshots | /v1/appPreviews: the reservation. */
export const reserveAsset = (k: MediaKind): Handler => (ctx, req) => {
  const { attributes, relationships } = req.body.data
  const setId: string = relationships[k.parentRelationship].data.id
  const set = ctx.store.sets.get(setId)
  if (!set || set.kind !== k.kind) throw invalidRelationship(k.parentRelationship, `There is no resource of type '${k.setType}' with id '${setId}'`)
  requireSetEditable(ctx, set, `add ${k.noun}s to this set`)
  const fileName: string = attributes.fileName
  const fileSize: number = attributes.fileSize
  checkFile(k, fileName, fileSize)
  // Every item counts, including reservations still awaiting upload.
  if (set.itemIds.length >= k.maxItems) {
    throw invalidRelationship(k.parentRelationship, `The ${k.noun} set '${set.setType}' already holds the maximum of ${k.maxItems} ${k.noun}s.`)
  }
  const asset = newAsset(ctx, {
    kind: k.kind,
    setId: set.id,
    fileName,
    fileSize,
    mimeType: k.kind === 'preview' ? (attributes.mimeType ?? contentTypeFor(fileName) ?? null) : null,
    previewFrameTimeCode: k.kind === 'preview' ? (attributes.previewFrameTimeCode ?? null) : null
  })
  ctx.store.assets.set(asset.id, asset)
  set.itemIds.push(asset.id) // appears at the end of the display order right away
  return respond(ctx, asset, 201, new Map(), `${ctx.apiBase}/v1/${k.itemType}`)
}

export const getAsset = (k: MediaKind): Handler => (ctx, req) => {
  const a = findAsset(ctx, k, req.params.id!)
  return respond(ctx, a, 200, req.query, `${ctx.apiBase}${req.url.pathname}${req.url.search}`)
}

export const deleteAsset = (k: MediaKind): Handler => async (ctx, req) => {
  const a = findAsset(ctx, k, req.params.id!)
  requireSetEditable(ctx, ctx.store.sets.get(a.setId), `delete this ${k.noun}`)
  await removeAsset(ctx, a)
  return { status: 204 }
}

/** PATCH: `uploaded: true` commits the upload; previews may also change previewFrameTimeCode. */
export const updateAsset = (k: MediaKind): Handler => async (ctx, req) => {
  const a = findAsset(ctx, k, req.params.id!)
  const data = req.body.data
  if (data.id !== a.id) throw new ApiError(409, 'ENTITY_ERROR.ATTRIBUTE.INVALID', `The id '${data.id}' in the body does not match the URL.`, { pointer: '/data/id' })
  requireSetEditable(ctx, ctx.store.sets.get(a.setId), `change this ${k.noun}`)
  const attrs = data.attributes ?? {}
  if (k.kind === 'preview' && attrs.previewFrameTimeCode !== undefined) a.previewFrameTimeCode = attrs.previewFrameTimeCode
  if (attrs.uploaded === true) await commit(ctx, k, a, attrs.sourceFileChecksum ?? null)
  return respond(ctx, a, 200)
}

function commit(ctx: SandboxContext, k: MediaKind, a: AssetRecord, checksum: string | null): Promise<void> {
  return commitUpload(ctx, a, {
    noun: k.noun,
    type: k.itemType,
    checksum,
    missingParts: missing => {
      const list = missing.map(p => `${p.partNumber} (offset ${p.offset}, ${p.length} bytes)`).join(', ')
      return `Not all parts of '${a.fileName}' were uploaded: missing part(s) ${list}. The bytes received must equal fileSize ${a.fileSize}.`
    },
    process: () => process(ctx, k, a)
  })
}

async function process(ctx: SandboxContext, k: MediaKind, a: AssetRecord): Promise<ProcessingOutcome> {
  if (ctx.dice.config.processingFailures.includes(a.fileName)) return { state: 'FAILED', errors: injectedFailure(k.kind) }
  const set = ctx.store.sets.get(a.setId)!
  const src = ctx.parts.source(a.id, a.parts, a.fileSize)
  return k.kind === 'screenshot' ? processScreenshot(src, a.fileName, set.setType) : processPreview(src)
}
