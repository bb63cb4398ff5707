/**
 * The critical-path lower bound of a workload, from the configured latencies, bandwidth and
 * processing time only (no CPU, disk or loopback cost):
 *
 *   chain      = the round trips that must follow one another for the last asset:
 *                app → version → read sets → create set → reserve → PUT a part → commit → (processing) → poll
 *   throughput = the same serial start (app → version → read) and end (processing → one poll), plus
 *                the larger of the two services' work: every other necessary API request spread
 *                perfectly over `concurrency` API slots, and every part over `concurrency` upload slots
 *                with all bytes through the one link (bytes / bandwidth)
 *   bound      = max(chain, throughput)
 *
 * "Necessary" requests are the fewest any client could make for the plan (one create per missing
 * set, reserve + commit per file, one part PUT per 5 MiB, one listing per (localization, kind) to
 * read and one to verify), not the ones the action made, so waste shows as a worse ratio.
 * The bandwidth is the upload link's, shared by all parts in flight (the sandbox's cap works so);
 * undefined means none is configured, and then bytes cost nothing here. bench/reference.ts measures
 * what this machine's loopback, CPU and disk allow instead, for the "machine" bound.
 */
export interface BoundParams {
  apiLatencyMs: number
  uploadLatencyMs: number
  processingMs: number
  /** The upload link's, shared by all parts in flight; undefined = none configured. */
  bandwidthBytesPerSec?: number
  concurrency: number
  partSize: number
}

export interface MinimalPlan {
  /** (localization, kind) pairs read once before planning (and polled once after uploading). */
  containers: number
  /** Containers that receive uploads: polled once each. */
  pollContainers: number
  setsToCreate: number
  /** Files uploaded, and their sizes. */
  files: number[]
  deletes: number
  reorders: number
}

export interface Bound {
  chainMs: number
  throughputMs: number
  boundMs: number
  minApiRequests: number
  parts: number
  bytes: number
}

export function lowerBound(p: BoundParams, plan: MinimalPlan): Bound {
  const L = p.apiLatencyMs
  const bw = p.bandwidthBytesPerSec
  const transferMs = (bytes: number): number => (bw ? (bytes / bw) * 1000 : 0)
  const parts = plan.files.reduce((n, size) => n + Math.max(1, Math.ceil(size / p.partSize)), 0)
  const bytes = plan.files.reduce((n, size) => n + size, 0)
  const biggestPart = plan.files.reduce((m, size) => Math.max(m, Math.min(size, p.partSize)), 0)
  const uploads = plan.files.length > 0
  const prefix = 3 * L // app, version, read sets (the reads of all containers go in parallel)
  const suffix = uploads ? p.processingMs + L : 0 // the last commit's processing, then one poll
  const writesOnly = !uploads && plan.deletes + plan.reorders > 0 ? L : 0
  const chainMs = prefix + (plan.setsToCreate > 0 ? L : 0) + (uploads ? 2 * L + p.uploadLatencyMs + transferMs(biggestPart) : 0) + suffix + writesOnly
  const apiMs = ((plan.setsToCreate + 2 * plan.files.length + plan.deletes + plan.reorders) * L) / p.concurrency
  const uploadMs = (parts * p.uploadLatencyMs) / p.concurrency + transferMs(bytes)
  const throughputMs = prefix + Math.max(apiMs, uploadMs) + suffix
  const minApiRequests = 2 + plan.containers + plan.setsToCreate + 2 * plan.files.length + plan.deletes + plan.reorders + (uploads ? plan.pollContainers : 0)
  return { chainMs, throughputMs, boundMs: Math.max(chainMs, throughputMs), minApiRequests, parts, bytes }
}
