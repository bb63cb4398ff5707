/**
 * The one upload engine: reserve → upload parts → commit, for every kind of asset. Recovery lives
 * here too: a reservation whose answer was lost is found and adopted (or deleted), an expired
 * upload URL leads to delete and reserve again, and a commit whose answer was lost is confirmed by
 * reading the asset.
 */
import { AppleApiError } from '../asc/api-error.js'
import type { AscClient } from '../asc/client.js'
import { OutcomeUnknownError } from '../asc/http.js'
import { open } from 'node:fs/promises'
import { ensureHashed, hashLoaded, readRange } from '../media/index.js'
import type { LocalAsset, RemoteAsset, UploadOperation } from '../model.js'
import type { AssetType } from '../surfaces/asset-types.js'
import { ActionError } from '../errors.js'
import type { BufferPool } from '../media/buffer-pool.js'

export interface Parent {
  type: string
  id: string
}

export interface UploadContext {
  client: AscClient
  now?: () => number
  /** Asset ids this run already knows about: a leftover search must not adopt one of them. */
  claimed: Set<string>
  /** Reads the parent's items, for recovering a reservation whose answer was lost. */
  listParent?: (parent: Parent | null) => Promise<RemoteAsset[]>
  debug?: (message: string) => void
  /** Told about reservations the engine itself deleted (expired URLs), so order bookkeeping stays true. */
  onDeleted?: (id: string) => void
  /** Where small files are read into, and returned once their bytes are acknowledged. */
  buffers?: BufferPool
}

export class UploadExpiredError extends Error {
  override name = 'UploadExpiredError'
}

const MAX_RESERVATIONS = 3

/** Uploads one file into `parent` and commits it. Returns the asset as committed (UPLOAD_COMPLETE). */
export async function uploadAsset(
  ctx: UploadContext,
  type: AssetType,
  parent: Parent | null,
  local: LocalAsset,
  extra: { frameTimeCode?: string } = {},
  onReserved?: (asset: RemoteAsset) => void
): Promise<RemoteAsset> {
  // The checksum is needed only at the commit, so the file is read and hashed while it is reserved.
  // A small file is read once, whole: the same bytes are its parts' bodies and the checksum's input.
  let whole = local.size <= WHOLE_READ_MAX_BYTES ? readWhole(local, ctx.buffers) : undefined
  const hashed = whole ? whole.then(bytes => hashLoaded(local, bytes)) : ensureHashed(local)
  hashed.catch(() => undefined)
  for (let attempt = 1; ; attempt++) {
    const asset = await reserve(ctx, type, parent, local, extra)
    onReserved?.(asset)
    try {
      const bytes = await whole
      await sendParts(ctx, asset.uploadOperations ?? [], local, bytes)
      // Every part is acknowledged, so no socket reads these bytes any more (the checksum was taken at the read).
      if (bytes) ctx.buffers?.give(bytes)
      whole = undefined
      await hashed
      return await commit(ctx, type, asset, local)
    } catch (e) {
      const again = e instanceof UploadExpiredError && attempt < MAX_RESERVATIONS
      if (again) ctx.debug?.(`${local.displayPath}: upload URL expired; deleting the reservation and reserving again`)
      // An unfinished reservation only takes a slot: clear it now rather than leave it to the next run.
      // (Kinds without a DELETE endpoint take no slot either: the unfinished image is simply never attached.)
      if (type.deletable) await deleteAsset(ctx.client, type, asset.id).then(
        () => {
          ctx.claimed.delete(asset.id)
          ctx.onDeleted?.(asset.id)
        },
        cleanup => ctx.debug?.(`could not delete the unfinished reservation ${asset.id}: ${String(cleanup)}`)
      )
      if (!again) throw e
    }
  }
}

async function reserve(ctx: UploadContext, type: AssetType, parent: Parent | null, local: LocalAsset, extra: { frameTimeCode?: string }): Promise<RemoteAsset> {
  const body = {
    data: {
      type: type.resource,
      attributes: type.reserveAttributes(local, extra),
      // Advanced App Clip experience images are created without a parent (REFERENCE.md 3f).
      ...(type.parentRelationship && parent ? { relationships: { [type.parentRelationship]: { data: parent } } } : {})
    }
  }
  for (let attempt = 1; ; attempt++) {
    try {
      const doc = await ctx.client.create(`/v1/${type.resource}`, body)
      const asset = type.read(doc.data)
      ctx.claimed.add(asset.id)
      return asset
    } catch (e) {
      if (!(e instanceof OutcomeUnknownError) || !ctx.listParent || attempt >= MAX_RESERVATIONS) throw e
      const adopted = await adoptLeftover(ctx, type, parent, local)
      if (adopted) return adopted
    }
  }
}

/** After a lost answer: find our reservation among the parent's items, adopt it or clear it away. */
async function adoptLeftover(ctx: UploadContext, type: AssetType, parent: Parent | null, local: LocalAsset): Promise<RemoteAsset | undefined> {
  const items = await (ctx.listParent as NonNullable<UploadContext['listParent']>)(parent)
  const candidates = items.filter(a => a.state === 'AWAITING_UPLOAD' && !ctx.claimed.has(a.id) && a.fileName === local.fileName && a.fileSize === local.size)
  const [first, ...rest] = candidates
  for (const dup of rest) await deleteAsset(ctx.client, type, dup.id)
  if (!first) return undefined
  const ops = first.uploadOperations ?? []
  if (ops.length > 0 && !ops.some(op => isExpired(op, ctx.now?.() ?? Date.now()))) {
    ctx.debug?.(`${local.displayPath}: adopted the reservation ${first.id} whose answer was lost`)
    ctx.claimed.add(first.id)
    return first
  }
  await deleteAsset(ctx.client, type, first.id)
  return undefined
}

export function isExpired(op: UploadOperation, now: number, marginSeconds = 60): boolean {
  const expires = Number(new URL(op.url).searchParams.get('Expires') ?? NaN)
  return Number.isFinite(expires) && expires * 1000 <= now + marginSeconds * 1000
}

/** Files up to this size are read whole (at most 2 × concurrency of them are in progress at once). */
export const WHOLE_READ_MAX_BYTES = 4 * 1024 * 1024

async function readWhole(local: LocalAsset, pool?: BufferPool): Promise<Buffer> {
  const changed = (now: number) => new ActionError(`${local.displayPath} changed while the run was reading it (${local.size} bytes, now ${now}); run again once it is final.`)
  const fh = await open(local.path, 'r')
  try {
    const { size } = await fh.stat()
    if (size !== local.size) throw changed(size)
    const bytes = pool ? pool.take(size) : Buffer.allocUnsafe(size)
    for (let pos = 0; pos < size; ) {
      const { bytesRead } = await fh.read(bytes, pos, size - pos, pos)
      if (bytesRead === 0) throw changed(pos)
      pos += bytesRead
    }
    return bytes
  } finally {
    await fh.close()
  }
}

async function sendParts(ctx: UploadContext, ops: UploadOperation[], local: LocalAsset, whole?: Buffer): Promise<void> {
  const now = ctx.now?.() ?? Date.now()
  if (ops.some(op => isExpired(op, now))) throw new UploadExpiredError('upload URL expired')
  const covered = ops.reduce((n, op) => n + op.length, 0)
  if (covered !== local.size) throw new ActionError(`App Store Connect offered ${covered} bytes of upload operations for ${local.displayPath} (${local.size} bytes); run again.`)
  await Promise.all(
    ops.map(async op => {
      // A slow link must still finish a 5 MiB part: allow 30 s plus 10 s per MiB.
      const timeoutMs = 30_000 + Math.ceil(op.length / 1_048_576) * 10_000
      const res = await ctx.client.uploadPart(op, whole ? whole.subarray(op.offset, op.offset + op.length) : () => readRange(local.path, op.offset, op.length), timeoutMs)
      if (res.status === 403 && /expire/i.test(res.text)) throw new UploadExpiredError('upload URL expired')
      if (res.status >= 300) throw new ActionError(`Uploading bytes ${op.offset}–${op.offset + op.length} of ${local.displayPath} failed with HTTP ${res.status}; run again.`)
    })
  )
}

async function commit(ctx: UploadContext, type: AssetType, asset: RemoteAsset, local: LocalAsset): Promise<RemoteAsset> {
  const body = { data: { type: type.resource, id: asset.id, attributes: type.commitAttributes(local) } }
  try {
    const doc = await ctx.client.update(`/v1/${type.resource}/${asset.id}`, body)
    return doc ? type.read(doc.data) : { ...asset, state: 'UPLOAD_COMPLETE' }
  } catch (e) {
    // A retried commit whose first answer was lost meets a committed asset: read it to be sure.
    if (!(e instanceof AppleApiError) || e.status !== 409) throw e
    const current = await readAsset(ctx.client, type, asset.id)
    if (current.state !== 'AWAITING_UPLOAD') return current
    throw e
  }
}

export async function readAsset(client: AscClient, type: AssetType, id: string): Promise<RemoteAsset> {
  const doc = await client.get<import('../asc/client.js').ResourceObject>(`/v1/${type.resource}/${id}`, { [`fields[${type.resource}]`]: type.fields })
  return type.read(doc.data)
}

export async function deleteAsset(client: AscClient, type: AssetType, id: string): Promise<void> {
  await client.delete(`/v1/${type.resource}/${id}`)
}
