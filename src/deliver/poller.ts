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
import { sleep as defaultSleep } from '../asc/retry.js'
import type { RemoteAsset } from '../model.js'

export interface PollTarget {
  key: string
  /** Reads the container's items (every set of one kind in one localization). */
  read(): Promise<Map<string, RemoteAsset[]>>
}

export interface PollOptions {
  timeoutMs: number
  /** The first guess of how long processing takes after a commit (default 500 ms). */
  initialDelayMs?: number
  /** The longest wait between two listings of a container (default 10 s). */
  maxDelayMs?: number
  /** Growth of the estimate after a listing shows an asset still processing (default 1.6). */
  factor?: number
  random?: () => number
  now?: () => number
  sleep?: (ms: number) => Promise<void>
  /** When each pending asset was committed (same clock as `now`); unknown ones count from the call. */
  committedAt?: Map<string, number>
  onRound?: (pending: number) => void
}

export interface PollResult {
  /** Latest state of every asset we waited for. */
  assets: Map<string, RemoteAsset>
  /** Latest listing of each container: set id → items in display order. */
  listings: Map<string, Map<string, RemoteAsset[]>>
  /** Asset ids still not COMPLETE or FAILED when time ran out. */
  timedOut: string[]
}

const TERMINAL = new Set(['COMPLETE', 'FAILED'])
/** Never list a container again sooner than this after the last listing showed it unfinished. */
const MIN_GAP_MS = 50

/** pending: asset id → the key of the PollTarget whose listing holds it. */
export async function waitForProcessing(pending: Map<string, string>, targets: Map<string, PollTarget>, options: PollOptions): Promise<PollResult> {
  const now = options.now ?? Date.now
  const random = options.random ?? Math.random
  const sleep = options.sleep ?? defaultSleep
  const maxDelay = options.maxDelayMs ?? 10_000
  const factor = options.factor ?? 1.6
  const start = now()
  const deadline = start + options.timeoutMs
  const result: PollResult = { assets: new Map(), listings: new Map(), timedOut: [] }
  const waiting = new Map(pending)
  const since = (id: string): number => options.committedAt?.get(id) ?? start
  /** Expected processing time, learned from listings. */
  let estimate = Math.max(0, options.initialDelayMs ?? 500)
  /** Jitter only lengthens a wait (up to 10 %), so runs spread out without polling too early. */
  const stretch = 1 + random() * 0.1
  /** Per container: not before this time (after a listing showed it unfinished). */
  const notBefore = new Map<string, number>()
  let confirmed = false
  let finalRound = false

  const dueOf = (key: string): number => {
    let newest = -Infinity
    for (const [id, k] of waiting) if (k === key) newest = Math.max(newest, since(id))
    return Math.max(newest + estimate * stretch, notBefore.get(key) ?? -Infinity)
  }

  while (waiting.size > 0) {
    const keys = [...new Set(waiting.values())]
    const due = new Map(keys.map(k => [k, dueOf(k)]))
    let earliest = Math.min(...due.values())
    if (earliest > deadline) {
      // One last look at the deadline, so what finished just before it is not reported as timed out.
      if (finalRound) break
      finalRound = true
      earliest = deadline
      for (const k of keys) due.set(k, deadline)
    }
    const wait = earliest - now()
    if (wait > 0) await sleep(wait)
    const t = now()
    let ready = keys.filter(k => (due.get(k) as number) <= t + 1)
    if (!ready.length) continue
    // Probe: until a listing has shown a container done, read only the one most likely to finish last.
    const probing = !confirmed && !finalRound && ready.length > 1
    if (probing) ready = [ready.reduce((a, b) => ((due.get(b) as number) >= (due.get(a) as number) ? b : a))]
    options.onRound?.(waiting.size)
    const done = await Promise.all(ready.map(async key => record(result, waiting, key, await (targets.get(key) as PollTarget).read())))
    if (finalRound) break
    const stillPending = ready.filter((_, i) => !done[i])
    if (stillPending.length < ready.length) confirmed = true
    if (stillPending.length) {
      // Processing takes longer than the oldest pending asset has had: wait past that, boundedly.
      const proven = Math.max(...[...waiting].filter(([, k]) => stillPending.includes(k)).map(([id]) => t - since(id)))
      estimate = Math.max(estimate, Math.min(proven * factor, proven + maxDelay))
      const gap = Math.max(MIN_GAP_MS, Math.min(maxDelay, estimate - proven))
      for (const k of stillPending) notBefore.set(k, t + gap)
    }
  }
  result.timedOut = [...waiting.keys()]
  return result
}

/** Records a listing; true when the container has nothing left to wait for. */
function record(result: PollResult, waiting: Map<string, string>, key: string, listing: Map<string, RemoteAsset[]>): boolean {
  result.listings.set(key, listing)
  const seen = new Map<string, RemoteAsset>()
  for (const items of listing.values()) for (const a of items) seen.set(a.id, a)
  let left = false
  for (const [id, k] of waiting) {
    if (k !== key) continue
    const a = seen.get(id)
    // An asset missing from its container's listing was deleted by someone else: stop waiting for it.
    if (!a) {
      waiting.delete(id)
      continue
    }
    result.assets.set(id, a)
    if (TERMINAL.has(a.state)) waiting.delete(id)
    else left = true
  }
  return !left
}
