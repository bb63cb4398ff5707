/**
 * Pure planning: desired files + remote container → what to keep, upload, delete and whether to
 * reorder. No I/O here, so every rule is tested directly. One function for every container: ordered
 * sets (screenshots, previews), unordered lists (review attachments) and to-one slots (App Clip
 * images, routing coverage); the kind's row in surfaces/asset-types.ts says which.
 */
import type { ContainerOwner, DesiredSet, LocalAsset, Mode, RemoteAsset, RemoteSet, SetPlan } from '../model.js'
import { ASSET_TYPES } from '../surfaces/asset-types.js'

/** States of an asset that holds (or will hold) real content. */
const LIVE = new Set(['COMPLETE', 'UPLOAD_COMPLETE', 'PROCESSING'])

export function planSet(desired: DesiredSet, remote: RemoteSet | undefined, mode: Mode, localizationId: string, owner?: ContainerOwner): SetPlan {
  const type = ASSET_TYPES[desired.kind]
  const assets = remote?.assets ?? []
  const plan: SetPlan = {
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
  }
  if (desired.target) plan.target = desired.target
  // Without a DELETE endpoint (advanced App Clip images) nothing is deleted: a new image replaces the old by reference.
  const drop = (d: SetPlan['delete'][number]) => {
    if (type.deletable) plan.delete.push(d)
  }
  // Reservations never finished and failed assets are not content: they only take slots.
  for (const a of assets) if (!LIVE.has(a.state)) drop({ remote: a, reason: a.state === 'FAILED' ? 'failed' : 'leftover' })
  const live = assets.filter(a => LIVE.has(a.state))
  if (mode === 'replace') {
    for (const a of live) drop({ remote: a, reason: 'replaced' })
    plan.upload = [...desired.files]
  } else {
    const { matched, unmatchedLocal, unmatchedRemote } = match(desired.files, live)
    plan.keep = matched
    plan.upload = unmatchedLocal
    // An old version of a file that is uploaded again counts as replaced, not as removed.
    const names = new Set(unmatchedLocal.map(l => l.fileName))
    // A to-one slot cannot hold the old file next to the new one, so append replaces it too.
    const toOne = type.maxItems === 1 && unmatchedLocal.length > 0
    if (mode === 'sync' || toOne) {
      for (const a of unmatchedRemote) drop({ remote: a, reason: names.has(a.fileName) || toOne ? 'replaced' : 'not-in-mapping' })
    }
  }
  plan.reorder = type.ordered && needsReorder(plan, live, mode)
  return plan
}

/**
 * The files `match` must know the MD5 of: those a remote asset with a published checksum could be
 * (same size). The rest cannot match by checksum, so they need no hashing before the plan.
 */
export function filesNeedingChecksum(files: LocalAsset[], remote: RemoteAsset[]): LocalAsset[] {
  const sizes = new Set(remote.filter(a => a.checksum !== null).map(a => a.fileSize))
  return files.filter(l => l.md5 === undefined && sizes.has(l.size))
}

/**
 * Pairs local files with remote assets: first by checksum, then, for assets whose checksum Apple has
 * not published yet, by file name and size (such an asset is not "missing": uploading it again
 * would create a duplicate).
 */
export function match(files: LocalAsset[], live: RemoteAsset[]) {
  const matched: { local: LocalAsset; remote: RemoteAsset }[] = []
  const free = new Set(live)
  const unmatched: LocalAsset[] = []
  for (const local of files) {
    // An unhashed file has no remote asset of its size with a checksum (filesNeedingChecksum).
    const hit = local.md5 === undefined ? undefined : [...free].find(a => a.checksum !== null && a.checksum.toLowerCase() === local.md5)
    if (hit) {
      free.delete(hit)
      matched.push({ local, remote: hit })
    } else unmatched.push(local)
  }
  const unmatchedLocal: LocalAsset[] = []
  for (const local of unmatched) {
    const pending = [...free].find(a => a.checksum === null && a.fileName === local.fileName && a.fileSize === local.size)
    if (pending) {
      free.delete(pending)
      matched.push({ local, remote: pending })
    } else unmatchedLocal.push(local)
  }
  matched.sort((x, y) => files.indexOf(x.local) - files.indexOf(y.local))
  return { matched, unmatchedLocal, unmatchedRemote: [...free] }
}

/**
 * Uploads land at the end of a set, in the order they are reserved (local order). A reorder PATCH is
 * needed when that predicted order differs from the local order (append's extras go last).
 */
function needsReorder(plan: SetPlan, live: RemoteAsset[], mode: Mode): boolean {
  if (mode === 'replace') return false
  const deleted = new Set(plan.delete.map(d => d.remote.id))
  const keptByLocal = new Map(plan.keep.map(k => [k.local, k.remote.id]))
  const keptIds = new Set(keptByLocal.values())
  const token = (l: LocalAsset) => keptByLocal.get(l) ?? `new:${l.path}`
  const remaining = live.filter(a => !deleted.has(a.id)).map(a => a.id)
  const predicted = [...remaining, ...plan.upload.map(token)]
  const wanted = [...plan.order.map(token), ...remaining.filter(id => !keptIds.has(id))]
  return !sameOrder(predicted, wanted)
}

function sameOrder(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i])
}
