/**
 * The life cycle every uploaded file shares, whatever resource it belongs to: the reservation record,
 * the commit (all parts present, checksum, processing) and the deletion with its stored parts.
 */
import { randomUUID } from 'node:crypto'
import type { SandboxContext } from '../context.js'
import { invalidAttribute, notFound, stateError } from '../errors.js'
import type { AssetRecord, PartRecord, ProcessingOutcome } from '../store.js'
import { planParts } from '../upload-urls.js'

/** The lower-case extension with its dot ('.png'), or '' when the name has none. */
export const extensionOf = (fileName: string): string => (fileName.includes('.') ? `.${fileName.toLowerCase().split('.').pop()}` : '')

export type NewAsset = Pick<AssetRecord, 'kind' | 'setId' | 'fileName' | 'fileSize' | 'mimeType' | 'previewFrameTimeCode'>

/** A fresh reservation awaiting upload, with its upload parts planned; the caller stores it. */
export function newAsset(ctx: SandboxContext, fields: NewAsset): AssetRecord {
  const now = ctx.now()
  const ttl = ctx.dice.config.expireUploadUrls ? -60 : ctx.options.uploadUrlTtlSeconds
  const id = randomUUID()
  return {
    id,
    ...fields,
    assetToken: `SandboxSource/v1/${id.slice(0, 2)}/${id.slice(2, 4)}/${id}_${fields.fileName}`,
    createdAt: now,
    uploadExpires: Math.floor(now / 1000) + ttl,
    parts: planParts(fields.fileSize, ctx.options.partSize),
    committedAt: null,
    processingMs: 0,
    checksumDelayMs: 0,
    checksum: null,
    checksumPublished: true,
    outcome: null
  }
}

export async function removeAsset(ctx: SandboxContext, a: AssetRecord): Promise<void> {
  ctx.store.deleteAsset(a.id)
  await ctx.parts.remove(a.id)
}

export interface CommitSpec {
  /** What the resource is called in messages ('screenshot'). */
  noun: string
  /** The resource type named when the asset vanished meanwhile. */
  type: string
  checksum: string | null
  /** The message when parts are missing. */
  missingParts: (missing: PartRecord[]) => string
  process: () => Promise<ProcessingOutcome>
}

/** Commits in flight: a second commit racing the first must not pass the state check too. */
const committing = new WeakSet<AssetRecord>()

/** `uploaded: true`: checks the state and the parts, verifies the checksum and records the processing outcome. */
export async function commitUpload(ctx: SandboxContext, a: AssetRecord, spec: CommitSpec): Promise<void> {
  if (a.committedAt !== null || a.outcome !== null || committing.has(a)) {
    throw stateError(`The ${spec.noun} '${a.id}' was already committed (state ${ctx.store.deliveryState(a)}); delete it and reserve again to replace it.`)
  }
  const missing = a.parts.filter(p => p.receivedBytes !== p.length)
  if (missing.length > 0) throw invalidAttribute('uploaded', spec.missingParts(missing))
  committing.add(a)
  try {
    const md5 = await ctx.parts.md5(a.id, a.parts)
    if (spec.checksum !== null && spec.checksum.toLowerCase() !== md5) {
      throw invalidAttribute('sourceFileChecksum', `The checksum '${spec.checksum}' does not match the MD5 of the uploaded bytes.`)
    }
    const outcome = await spec.process()
    // Another request may have deleted the asset while we read its bytes.
    if (!ctx.store.assets.has(a.id)) throw notFound(spec.type, a.id)
    Object.assign(a, { outcome, checksum: md5, committedAt: ctx.now(), processingMs: ctx.options.processingMs, checksumDelayMs: ctx.options.checksumDelayMs })
    // The verdict is known, so the bytes are no longer needed; deleting 500 MB must not delay the answer.
    void ctx.parts.remove(a.id).catch(() => undefined)
  } finally {
    committing.delete(a)
  }
}
