/**
 * How many App Store Connect API requests the writes of a plan need, and whether the hourly budget
 * announced by the last `X-Rate-Limit` header covers them. Pure: the pipeline calls it after planning
 * and before the first write, so a run that cannot finish within the budget fails while nothing has
 * changed instead of stopping half-way. Upload parts go to the upload host and are not counted.
 */
import type { SetPlan } from '../model.js'
import type { RateLimitInfo } from '../asc/rate-limiter.js'

export interface RequestEstimate {
  createSets: number
  /** One reservation POST per uploaded file. */
  reservations: number
  /** One commit PATCH per uploaded file. */
  commits: number
  deletes: number
  reorders: number
  /** A lower bound: two listing rounds per (localization, kind) that waits for processing. */
  polling: number
  total: number
}

/** Polling rounds counted per (localization, kind); processing usually takes more, so this is a floor. */
export const MIN_POLL_ROUNDS = 2

export function estimateRequests(plans: SetPlan[], options: { waitForProcessing: boolean }): RequestEstimate {
  const active = plans.filter(p => p.upload.length || p.delete.length || p.reorder)
  const uploads = active.reduce((n, p) => n + p.upload.length, 0)
  const e: Omit<RequestEstimate, 'total'> = {
    createSets: active.filter(p => !p.setId && p.upload.length).length,
    reservations: uploads,
    commits: uploads,
    deletes: active.reduce((n, p) => n + p.delete.length, 0),
    reorders: active.filter(p => p.reorder).length,
    polling: options.waitForProcessing ? MIN_POLL_ROUNDS * new Set(active.filter(p => p.upload.length).map(p => `${p.localizationId}:${p.kind}`)).size : 0
  }
  return { ...e, total: e.createSets + e.reservations + e.commits + e.deletes + e.reorders + e.polling }
}

/**
 * undefined when the budget covers the estimate (or no header was seen); otherwise the message to fail
 * with, giving both numbers.
 */
export function budgetProblem(estimate: RequestEstimate, budget: RateLimitInfo | undefined): string | undefined {
  if (!budget || estimate.total === 0 || estimate.total <= budget.remaining) return undefined
  const parts = [
    estimate.createSets && `${estimate.createSets} set creations`,
    estimate.reservations && `${estimate.reservations} reservations`,
    estimate.commits && `${estimate.commits} commits`,
    estimate.deletes && `${estimate.deletes} deletions`,
    estimate.reorders && `${estimate.reorders} reorders`,
    estimate.polling && `at least ${estimate.polling} processing checks`
  ].filter(Boolean)
  return (
    `The API key has ${budget.remaining} of its ${budget.limit} hourly App Store Connect requests left, but this plan needs at least ` +
    `${estimate.total} (${parts.join(', ')}); nothing was changed on App Store Connect. Run again when the hourly budget has recovered, ` +
    'use another API key, or deliver fewer files per run (the locales input).'
  )
}
