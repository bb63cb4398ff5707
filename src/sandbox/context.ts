/**
 * What every handler sees: the store, the current options, the hosts' base URLs and helpers shared by
 * the API and upload listeners.
 */
import type { PartStore } from './part-store.js'
import type { Store } from './store.js'
import type { UploadLink } from './upload-link.js'
import type { FaultDice } from './faults.js'
import type { Query } from './validation.js'
import type { RouteMatch, Spec } from './spec.js'

export interface RuntimeOptions {
  apiLatencyMs: number
  uploadLatencyMs: number
  uploadBandwidthBytesPerSec: number | undefined
  processingMs: number
  checksumDelayMs: number
  partSize: number
  uploadUrlTtlSeconds: number
  hourlyRequestLimit: number
  tokenMaxLifetimeSeconds: number
  clock: () => number
  randomSeed: number
}

export interface SandboxContext {
  store: Store
  spec: Spec
  options: RuntimeOptions
  dice: FaultDice
  /** http://127.0.0.1:PORT of the API listener: base of every links.self. */
  apiBase: string
  /** http://127.0.0.1:PORT of the upload listener (Apple's blobstore stand-in). */
  uploadBase: string
  /** HMAC key for upload URL signatures. */
  uploadSecret: Buffer
  /** Received upload parts, on disk. */
  parts: PartStore
  /** The upload hosts' shared link, for the bandwidth cap. */
  link: UploadLink
  now(): number
}

export interface ApiRequest {
  method: string
  path: string
  url: URL
  params: Record<string, string>
  query: Query
  body: any // eslint-disable-line @typescript-eslint/no-explicit-any -- validated against the spec schema before handlers see it
  route: RouteMatch
}

export interface ApiResult {
  status: number
  body?: unknown
  headers?: Record<string, string>
}

export type Handler = (ctx: SandboxContext, req: ApiRequest) => ApiResult | Promise<ApiResult>
