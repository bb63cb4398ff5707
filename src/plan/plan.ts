/**
 * Pure planning: desired files + remote set → what to keep, upload, delete and whether to reorder.
 * No I/O here, so every rule is tested directly.
 */
import type { DesiredSet, LocalAsset, Mode, RemoteAsset, RemoteSet, SetPlan } from '../model.js'

/** States of an asset that holds (or will hold) real content. */
const LIVE = new Set(['COMPLETE', 'UPLOAD_COMPLETE', 'PROCESSING'])

export function planSet(desired: DesiredSet, remote: RemoteSet | undefined, mode: Mode, localizationId: string): SetPlan {
  const assets = remote?.assets ?? []
  const plan: SetPlan = {
    kind: desired.kind,
    platform: desired.platform,
    locale: desired.locale,
    localizationId,
    setType: desired.setType,
    setId: remote?.id ?? null,
    frameTimeCode: desired.frameTimeCode,
    keep: [],
    upload: [],
    delete: [],
    order: desired.files,
    remoteOrder: assets.map(a => a.id),
    reorder: false,
    source: desired.source
  }
  // Reservations never finished and failed assets are not content: they only take slots.
  for (const a of assets) if (!LIVE.has(a.state)) plan.delete.push({ remote: a, reason: a.state === 'FAILED' ? 'failed' : 'leftover' })
  const live = assets.filter(a => LIVE.has(a.state))
  if (mode === 'replace') {
    for (const a of live) plan.delete.push({ remote: a, reason: 'replaced' })
    plan.upload = [...desired.files]
  } else {
    const { matched, unmatchedLocal, unmatchedRemote } = match(desired.files, live)
    plan.keep = matched
    plan.upload = unmatchedLocal
    // An old version of a file that is uploaded again counts as replaced, not as removed.
    const names = new Set(unmatchedLocal.map(l => l.fileName))
    if (mode === 'sync') for (const a of unmatchedRemote) plan.delete.push({ remote: a, reason: names.has(a.fileName) ? 'replaced' : 'not-in-mapping' })
  }
  plan.reorder = needsReorder(plan, live, mode)
  return plan
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
    const hit = [...free].find(a => a.checksum !== null && a.checksum.toLowerCase() === local.md5)
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

/** The asset ids of a set in the wanted order once uploads are done (append's extras last). */
export function wantedOrder(plan: SetPlan, idOf: (local: LocalAsset) => string | undefined, extras: string[]): string[] {
  const ids = plan.order.map(idOf).filter((id): id is string => id !== undefined)
  return [...ids, ...extras.filter(id => !ids.includes(id))]
}
