/**
 * Waits for Apple's processing by listing containers (one request covers every asset of a
 * localization and kind), not by asking for each asset, with backoff and jitter, bounded by the
 * processing timeout.
 */
import { sleep } from '../asc/retry.js'
import type { RemoteAsset } from '../model.js'

export interface PollTarget {
  key: string
  /** Reads the container's items (every set of one kind in one localization). */
  read(): Promise<Map<string, RemoteAsset[]>>
}

export interface PollOptions {
  timeoutMs: number
  initialDelayMs?: number
  maxDelayMs?: number
  factor?: number
  random?: () => number
  now?: () => number
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

/** pending: asset id → the key of the PollTarget whose listing holds it. */
export async function waitForProcessing(pending: Map<string, string>, targets: Map<string, PollTarget>, options: PollOptions): Promise<PollResult> {
  const now = options.now ?? Date.now
  const random = options.random ?? Math.random
  const deadline = now() + options.timeoutMs
  const result: PollResult = { assets: new Map(), listings: new Map(), timedOut: [] }
  const waiting = new Map(pending)
  let delay = options.initialDelayMs ?? 500
  while (waiting.size > 0) {
    const jittered = Math.round(delay * (0.85 + random() * 0.3))
    if (now() + jittered > deadline) break
    await sleep(jittered)
    options.onRound?.(waiting.size)
    const keys = [...new Set(waiting.values())]
    await Promise.all(keys.map(async key => record(result, waiting, key, await (targets.get(key) as PollTarget).read())))
    delay = Math.min(options.maxDelayMs ?? 10_000, delay * (options.factor ?? 1.6))
  }
  result.timedOut = [...waiting.keys()]
  return result
}

function record(result: PollResult, waiting: Map<string, string>, key: string, listing: Map<string, RemoteAsset[]>): void {
  result.listings.set(key, listing)
  const seen = new Map<string, RemoteAsset>()
  for (const items of listing.values()) for (const a of items) seen.set(a.id, a)
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
  }
}
