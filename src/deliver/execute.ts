/**
 * Executes set plans: create missing sets, clear leftovers, upload (reserve → parts → commit),
 * wait for processing, retry a FAILED asset once, delete what the plan removes, and PATCH the order.
 * It decides nothing the plan did not say; it only does it, and records what happened.
 */
import type { AscClient } from '../asc/client.js'
import { targetLabel, type ContainerOwner, type LocalAsset, type RemoteAsset, type SetPlan } from '../model.js'
import type { Logger } from '../report/logger.js'
import { redact } from '../report/redact.js'
import { ASSET_TYPES, isSetKind } from '../surfaces/asset-types.js'
import { attachAdvancedImage, createReviewDetail, listParentItems, readContainers } from '../surfaces/containers.js'
import { createSet, reorderSet } from '../surfaces/sets.js'
import { BufferPool } from '../media/buffer-pool.js'
import { createLimit } from './limit.js'
import { waitForProcessing, type PollTarget } from './poller.js'
import { deleteAsset, uploadAsset, type UploadContext } from './upload-asset.js'

export interface ExecuteOptions {
  client: AscClient
  log: Logger
  concurrency: number
  waitForProcessing: boolean
  processingTimeoutMs: number
  pollInitialDelayMs?: number
  now?: () => number
  onProgress?: (event: ProgressEvent) => void
}

export type ProgressEvent =
  | { type: 'uploaded'; file: string; bytes: number }
  | { type: 'deleted'; assetId: string }
  | { type: 'processed'; file: string; state: string }

/** What happened to one set: filled in as the delivery goes, read by the report. */
export class SetRun {
  setId: string | null
  /** Asset ids in the order we believe the set holds them. */
  current: string[]
  uploaded = new Map<LocalAsset, RemoteAsset>()
  /** Final state of each asset we touched or kept, by id. */
  states = new Map<string, RemoteAsset>()
  failures = new Map<LocalAsset, string>()
  deleted = new Set<string>()
  retried = new Set<LocalAsset>()
  /** When each upload's commit was answered (Date.now()): the poller reads a container when its newest commit should be processed. */
  committedAt = new Map<string, number>()
  reordered = false
  started = 0
  finished = 0
  reservations: Promise<unknown> = Promise.resolve()

  constructor(readonly plan: SetPlan) {
    this.setId = plan.setId
    this.current = [...plan.remoteOrder]
    for (const k of plan.keep) this.states.set(k.remote.id, k.remote)
  }

  /** The upload parent: the set, the owner of a to-one / list container, or none (advanced App Clip images). */
  parent(): { type: string; id: string } | null {
    const type = ASSET_TYPES[this.plan.kind].parentType
    return type ? { type, id: this.setId as string } : null
  }

  /** "en-US APP_IPHONE_67", "Summer campaign de-DE APP_IPAD_PRO_3GEN_129", "ROUTING_APP_COVERAGE" … for log lines. */
  get label(): string {
    return planLabel(this.plan)
  }

  get seconds(): number {
    return this.started ? Math.max(0, (this.finished || Date.now()) - this.started) / 1000 : 0
  }

  idOf(local: LocalAsset): string | undefined {
    return this.uploaded.get(local)?.id ?? this.plan.keep.find(k => k.local === local)?.remote.id
  }
}

/** Creates sets, clears leftovers and uploads every planned file (reserve → parts → commit). */
export async function uploadPhase(plans: SetPlan[], options: ExecuteOptions): Promise<SetRun[]> {
  const runs = plans.map(p => new SetRun(p))
  const ctx = uploadContext(options)
  const limit = createLimit(filesAtOnce(options))
  // A set's uploads start as soon as that set exists (created, leftovers cleared), not when every set does.
  // Sets with the biggest files go first: a 20 MB preview's parts and its slower commit then overlap
  // the many small screenshots instead of trailing after them (longest job first).
  const biggest = (run: SetRun) => Math.max(0, ...run.plan.upload.map(l => l.size))
  const byWork = [...runs].sort((a, b) => biggest(b) - biggest(a))
  const prepared = new Map(byWork.map(run => [run, prepare(run, options, limit)]))
  // A file takes a slot only once its set's previous reservation is answered (reservations are chained
  // for order): queued behind that chain, a slot would sit idle. Files whose turn comes first go first,
  // which interleaves the sets; within a set, turns are handed out in local order.
  const uploads = byWork.flatMap(run => run.plan.upload.map(local => scheduleUpload(run, local, ctx, options, limit, prepared.get(run))))
  // Every set's work ends before the phase does, even when one set could not be created.
  const failed = (await Promise.allSettled([...prepared.values(), ...uploads])).find(r => r.status === 'rejected')
  if (failed) throw (failed as PromiseRejectedResult).reason
  return runs
}

/** Waits for processing, uploads a FAILED file once more, deletes what goes, and fixes the order. */
export async function verifyPhase(runs: SetRun[], options: ExecuteOptions): Promise<void> {
  const ctx = uploadContext(options)
  const limit = createLimit(Math.max(1, options.concurrency))
  if (options.waitForProcessing) {
    await settle(runs, options)
    const retry = runs.flatMap(run => [...run.failures.keys()].filter(l => run.retried.has(l) && !run.uploaded.has(l)).map(l => ({ run, l })))
    await Promise.all(retry.map(({ run, l }) => scheduleUpload(run, l, ctx, options, limit)))
    if (retry.length) await settle(runs, options)
  }
  await Promise.all(runs.map(run => finish(run, options, limit)))
}

/**
 * Files in progress at once: as many as the HTTP layer has slots (`concurrency` for API calls plus as
 * many for upload parts). The gates still bound what is in flight, but while some files upload, others
 * reserve or commit, and a slot freed while a file parses an answer goes straight to another file's
 * request. Each may hold one small file's bytes, so the buffer pool keeps as many.
 */
const filesAtOnce = (options: ExecuteOptions): number => 2 * Math.max(1, options.concurrency)

/** One context per delivery, shared by both phases, so reservations claimed early stay claimed. */
const contexts = new WeakMap<ExecuteOptions, UploadContext>()

function uploadContext(options: ExecuteOptions): UploadContext {
  const known = contexts.get(options)
  if (known) return known
  const ctx: UploadContext = {
    client: options.client,
    now: options.now,
    claimed: new Set(),
    buffers: new BufferPool(filesAtOnce(options)),
    debug: m => options.log.debug(m),
    listParent: parent => listParentItems(options.client, parent)
  }
  contexts.set(options, ctx)
  return ctx
}

/** Creates the set if needed and deletes what must go before uploads: leftovers, and room for the new files. */
async function prepare(run: SetRun, options: ExecuteOptions, limit: ReturnType<typeof createLimit>): Promise<void> {
  const { plan } = run
  if (!plan.upload.length && !plan.delete.length && !plan.reorder) return
  run.started = Date.now()
  if (!run.setId && plan.upload.length) run.setId = await createContainer(plan, options)
  const max = plan.maxItems ?? ASSET_TYPES[plan.kind].maxItems
  const early = plan.delete.filter(d => d.reason === 'leftover' || d.reason === 'failed')
  const late = plan.delete.filter(d => !early.includes(d))
  const room = max - (run.current.length - early.length) - plan.upload.length
  // Deleting after uploading keeps the store whole if the run stops half-way; delete first only what the limit demands.
  if (room < 0) early.push(...late.slice(0, -room))
  await Promise.all(early.map(d => limit(() => remove(run, d.remote.id, options))))
}

async function remove(run: SetRun, id: string, options: ExecuteOptions): Promise<void> {
  await deleteAsset(options.client, ASSET_TYPES[run.plan.kind], id)
  const gone = run.plan.delete.find(d => d.remote.id === id)?.remote.fileName ?? id
  options.log.info(`✕ ${run.label}: deleted ${gone} (${id})`)
  run.deleted.add(id)
  run.current = run.current.filter(x => x !== id)
  options.onProgress?.({ type: 'deleted', assetId: id })
}

/**
 * Reservations of one set are chained so the set's order is the local order without a reorder: a file
 * waits for its turn (the previous file's reservation answered, or given up), then for a slot.
 */
function scheduleUpload(run: SetRun, local: LocalAsset, ctx: UploadContext, options: ExecuteOptions, limit: ReturnType<typeof createLimit>, after: Promise<void> = Promise.resolve()): Promise<void> {
  const turn = run.reservations
  let release!: () => void
  run.reservations = new Promise<void>(r => (release = r))
  // A set that could not be prepared releases nobody: its files all fail with the same reason.
  return after.then(() => turn).then(() => limit(() => uploadOne(run, local, release, ctx, options)))
}

async function uploadOne(run: SetRun, local: LocalAsset, release: () => void, ctx: UploadContext, options: ExecuteOptions): Promise<void> {
  const type = ASSET_TYPES[run.plan.kind]
  try {
    const onReserved = (a: RemoteAsset) => {
      run.current.push(a.id)
      release()
    }
    const runCtx: UploadContext = { ...ctx, onDeleted: id => (run.current = run.current.filter(x => x !== id)) }
    const committed = await uploadAsset(runCtx, type, run.parent(), local, { frameTimeCode: run.plan.frameTimeCode }, onReserved)
    // An advanced experience image has no parent: it counts only once the experience points at it.
    if (run.plan.kind === 'app-clip-advanced-image') await attachAdvancedImage(options.client, ownerOf(run.plan).id as string, committed.id)
    run.committedAt.set(committed.id, Date.now())
    run.uploaded.set(local, committed)
    run.states.set(committed.id, committed)
    run.failures.delete(local)
    options.onProgress?.({ type: 'uploaded', file: local.displayPath, bytes: local.size })
    options.log.info(`↑ ${local.displayPath} (${local.size} bytes) → ${run.label} as ${committed.id}`)
  } catch (e) {
    run.failures.set(local, redact(e instanceof Error ? e.message : String(e)))
    options.log.error(`${local.displayPath}: ${run.failures.get(local)}`)
  } finally {
    release()
  }
}

/**
 * Polls until every uploaded (or still processing kept) asset is COMPLETE or FAILED. A FAILED upload
 * is reported with Apple's codes, deleted, and queued for one more try (run.retried).
 */
async function settle(runs: SetRun[], options: ExecuteOptions): Promise<void> {
  const pending = new Map<string, string>()
  const targets = new Map<string, PollTarget>()
  for (const run of runs) {
    const key = pollKey(run.plan)
    for (const a of run.states.values()) {
      if (a.state === 'COMPLETE' || a.state === 'FAILED' || run.deleted.has(a.id)) continue
      pending.set(a.id, key)
      if (!targets.has(key)) targets.set(key, pollTarget(key, run, options.client))
    }
  }
  if (!pending.size) return
  const committedAt = new Map(runs.flatMap(run => [...run.committedAt]))
  const result = await waitForProcessing(pending, targets, { timeoutMs: options.processingTimeoutMs, initialDelayMs: options.pollInitialDelayMs, committedAt })
  for (const run of runs) {
    const listing = result.listings.get(pollKey(run.plan))
    const items = run.setId ? listing?.get(run.setId) : undefined
    if (items) run.current = items.map(a => a.id).filter(id => !run.deleted.has(id))
    for (const [local, asset] of run.uploaded) await record(run, local, result.assets.get(asset.id) ?? asset, result.timedOut.includes(asset.id), options)
  }
}

/** One listing covers a localization's sets of a kind, or one to-one / list container. */
function pollKey(plan: SetPlan): string {
  return `${ownerOf(plan).id ?? plan.setId}:${plan.kind}`
}

function pollTarget(key: string, run: SetRun, client: AscClient): PollTarget {
  return {
    key,
    read: async () => {
      const owner = ownerOf(run.plan).id ? ownerOf(run.plan) : { ...ownerOf(run.plan), id: run.setId }
      const sets = await readContainers(client, owner, run.plan.locale, run.plan.kind, run.plan.setType)
      return new Map(sets.map(s => [s.id as string, s.assets]))
    }
  }
}

/** Creates what the upload parent needs: a set (under any of its three parent localizations) or the review detail. */
async function createContainer(plan: SetPlan, options: ExecuteOptions): Promise<string> {
  if (isSetKind(plan.kind)) return createSet(options.client, plan.localizationId, plan.locale, plan.kind, plan.setType, ownerOf(plan).type)
  const versionId = ownerOf(plan).versionId
  if (plan.kind === 'review-attachment' && versionId) {
    const id = await createReviewDetail(options.client, versionId)
    options.log.info(`created the App Store review detail of the version (${id}) to hold the attachments`)
    return id
  }
  throw new Error(`${planLabel(plan)}: no parent to upload into`)
}

/** Plans made by older callers name only a localization: a version localization's set. */
function ownerOf(plan: SetPlan): ContainerOwner {
  return plan.owner ?? { type: 'appStoreVersionLocalizations', id: plan.localizationId }
}

export function planLabel(plan: SetPlan): string {
  const target = targetLabel(plan.target)
  return [plan.surface && plan.surface !== 'version' && plan.surface, target && `"${target}"`, plan.locale, plan.setType].filter(Boolean).join(' ')
}

async function record(run: SetRun, local: LocalAsset, asset: RemoteAsset, timedOut: boolean, options: ExecuteOptions): Promise<void> {
  run.states.set(asset.id, asset)
  if (timedOut) {
    run.failures.set(local, `still processing when processing-timeout ran out (state ${asset.state}); Apple will finish it: run again later to verify.`)
    return
  }
  if (asset.state !== 'FAILED') return
  const why = asset.errors.map(e => `${e.code}: ${e.description}`).join('; ') || 'no reason given'
  run.failures.set(local, `App Store Connect could not process it: ${why}`)
  options.log.warning(`${local.displayPath}: processing FAILED (${why})${run.retried.has(local) ? '' : '; deleting it and uploading once more'}`)
  await remove(run, asset.id, options)
  run.uploaded.delete(local)
  // A second failure is final: retried is set only once.
  if (!run.retried.has(local)) run.retried.add(local)
  else run.retried.delete(local)
}

/** Deletes what the plan removes after uploads, then PATCHes the order if it is not the local order. */
async function finish(run: SetRun, options: ExecuteOptions, limit: ReturnType<typeof createLimit>): Promise<void> {
  const late = run.plan.delete.filter(d => !run.deleted.has(d.remote.id))
  await Promise.all(late.map(d => limit(() => remove(run, d.remote.id, options))))
  if (run.plan.ordered !== false && run.setId && run.current.length > 0) {
    const wanted = run.plan.order.map(l => run.idOf(l)).filter((id): id is string => id !== undefined && run.current.includes(id))
    const full = [...wanted, ...run.current.filter(id => !wanted.includes(id))]
    if (full.some((id, i) => id !== run.current[i])) {
      await reorderSet(options.client, run.plan.kind, run.setId, full)
      run.current = full
      run.reordered = true
    }
  }
  if (run.started) run.finished = Date.now()
  const states = run.current.map(id => run.states.get(id)?.state ?? 'kept').reduce<Record<string, number>>((acc, st) => ({ ...acc, [st]: (acc[st] ?? 0) + 1 }), {})
  const stateText = Object.entries(states).map(([st, n]) => `${n} ${st}`).join(', ')
  options.log.info(`✓ ${run.label}: ${run.current.length}${run.plan.ordered !== false ? ' in order' : ''}${run.reordered ? ' (reordered)' : ''}${stateText ? `; ${stateText}` : ''}${run.failures.size ? `; ${run.failures.size} failed` : ''}`)
}
