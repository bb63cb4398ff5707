/**
 * A local App Store Connect for media delivery: an API listener faithful to the 4.4.1 spec for the
 * screenshot and preview endpoints, plus a separate upload listener like Apple's blobstore host.
 * Every test, the demo and the benchmarks run the action against it.
 */
import { randomBytes } from 'node:crypto'
import { mkdtemp, rm } from 'node:fs/promises'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { apiListener } from './api-server.js'
import { Authenticator, makeKeyRing } from './auth.js'
import type { RuntimeOptions, SandboxContext } from './context.js'
import { defaultFaults, FaultDice, type FaultConfig } from './faults.js'
import { PartStore } from './part-store.js'
import { UploadLink } from './upload-link.js'
import { RateLimiter } from './rate-limit.js'
import type { RequestRecord } from './request-log.js'
import { ROUTES } from './routes.js'
import { defaultSeed, type SeedData } from './seed.js'
import { Spec } from './spec.js'
import { Store } from './store.js'
import { uploadListener } from './upload-server.js'

export type { FaultConfig } from './faults.js'
export type { RequestRecord } from './request-log.js'
export type { SeedApp, SeedAsset, SeedData, SeedLocalization, SeedSet, SeedVersion } from './seed.js'
export type { AssetRecord, AssetView, SetRecord, SetView } from './store.js'
export { EDITABLE_VERSION_STATES, Store } from './store.js'
export { defaultSeed }

export interface SandboxOptions {
  seed?: SeedData
  /** Added before every API response (default 0). */
  apiLatencyMs?: number
  /** Added before every upload PUT response (default 0). */
  uploadLatencyMs?: number
  /** Cap on the upload hosts' bandwidth, shared by all parts in flight, as a link's (default: none). */
  uploadBandwidthBytesPerSec?: number
  /** Time from commit to COMPLETE/FAILED (default 50). */
  processingMs?: number
  /** sourceFileChecksum stays null this long after COMPLETE (default 0): Apple publishes it late. */
  checksumDelayMs?: number
  /** Default 5 MiB = 5_242_880. */
  partSize?: number
  /** Default 7 days. */
  uploadUrlTtlSeconds?: number
  /** Default 3600, per API key, rolling hour. */
  hourlyRequestLimit?: number
  /** Default 1200 (Apple's 20-minute rule). */
  tokenMaxLifetimeSeconds?: number
  /** ms epoch; default Date.now. Lets tests move time. */
  clock?: () => number
  faults?: Partial<FaultConfig>
  /** Deterministic fault decisions. */
  randomSeed?: number
  /** API port (default 0 = random). The CLI uses a fixed one. */
  port?: number
  /** Upload host port (default 0 = random). */
  uploadPort?: number
}

export interface SandboxKeys {
  issuerId: string
  keyId: string
  privateKeyPem: string
  individualKeyId: string
  individualPrivateKeyPem: string
}

export interface Sandbox {
  /** API base, e.g. http://127.0.0.1:PORT (the action's api-base-url). */
  url: string
  /** Base of the upload host (upload operations point here). */
  uploadUrl: string
  keys: SandboxKeys
  store: Store
  requests: RequestRecord[]
  /** Mutable at runtime. */
  faults: FaultConfig
  setOptions(o: Partial<SandboxOptions>): void
  resetLog(): void
  close(): Promise<void>
}

function runtimeOptions(o: SandboxOptions): RuntimeOptions {
  return {
    apiLatencyMs: o.apiLatencyMs ?? 0,
    uploadLatencyMs: o.uploadLatencyMs ?? 0,
    uploadBandwidthBytesPerSec: o.uploadBandwidthBytesPerSec,
    processingMs: o.processingMs ?? 50,
    checksumDelayMs: o.checksumDelayMs ?? 0,
    partSize: o.partSize ?? 5_242_880,
    uploadUrlTtlSeconds: o.uploadUrlTtlSeconds ?? 7 * 24 * 3600,
    hourlyRequestLimit: o.hourlyRequestLimit ?? 3600,
    tokenMaxLifetimeSeconds: o.tokenMaxLifetimeSeconds ?? 1200,
    clock: o.clock ?? Date.now,
    randomSeed: o.randomSeed ?? 1
  }
}

function applyOptions(target: RuntimeOptions, o: Partial<SandboxOptions>): void {
  for (const key of Object.keys(target) as (keyof RuntimeOptions)[]) {
    if (key in o) (target as unknown as Record<string, unknown>)[key] = o[key as keyof SandboxOptions]
  }
}

/** The spec subset and the route table must describe the same operations. */
function checkRoutes(spec: Spec): void {
  const inSpec = spec.operations().sort()
  const handled = Object.keys(ROUTES).sort()
  if (inSpec.join('\n') !== handled.join('\n')) {
    throw new Error(`openapi-subset.json and routes.ts disagree:\nspec: ${inSpec.join(', ')}\nroutes: ${handled.join(', ')}`)
  }
}

async function listen(server: Server, port: number): Promise<number> {
  server.keepAliveTimeout = 65_000
  server.headersTimeout = 66_000
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, '127.0.0.1', () => resolve())
  })
  return (server.address() as AddressInfo).port
}

export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const runtime = runtimeOptions(options)
  const now = (): number => runtime.clock()
  const spec = new Spec()
  checkRoutes(spec)
  const store = new Store(now)
  store.load(options.seed ?? defaultSeed())
  const keys = await makeKeyRing()
  const uploadDir = await mkdtemp(join(tmpdir(), 'asc-sandbox-'))
  const dice = new FaultDice({ ...defaultFaults(), ...options.faults }, () => runtime.randomSeed)
  const requests: RequestRecord[] = []
  const log = (r: RequestRecord): void => void requests.push(r)

  // requestTimeout 0: a throttled 500 MB upload legitimately takes longer than Node's 5-minute default.
  const apiServer = createServer({ requestTimeout: 0 })
  const uploadServer = createServer({ requestTimeout: 0 })
  const ctx: SandboxContext = { store, spec, options: runtime, dice, apiBase: '', uploadBase: '', uploadSecret: randomBytes(32), parts: new PartStore(uploadDir), link: new UploadLink(), now }
  const auth = new Authenticator(keys, now, () => runtime.tokenMaxLifetimeSeconds)
  const rateLimiter = new RateLimiter(now, () => runtime.hourlyRequestLimit)
  apiServer.on('request', apiListener(ctx, { auth, rateLimiter, log }))
  uploadServer.on('request', uploadListener(ctx, log))
  ctx.apiBase = `http://127.0.0.1:${await listen(apiServer, options.port ?? 0)}`
  ctx.uploadBase = `http://127.0.0.1:${await listen(uploadServer, options.uploadPort ?? 0)}`

  return {
    url: ctx.apiBase,
    uploadUrl: ctx.uploadBase,
    keys: {
      issuerId: keys.issuerId,
      keyId: keys.team.keyId,
      privateKeyPem: keys.team.privateKeyPem,
      individualKeyId: keys.individual.keyId,
      individualPrivateKeyPem: keys.individual.privateKeyPem
    },
    store,
    requests,
    get faults(): FaultConfig {
      return dice.config
    },
    set faults(f: FaultConfig) {
      dice.config = { ...defaultFaults(), ...f }
    },
    setOptions(o) {
      applyOptions(runtime, o)
      if (o.faults) Object.assign(dice.config, o.faults)
    },
    resetLog() {
      requests.length = 0
    },
    async close() {
      for (const s of [apiServer, uploadServer]) s.closeAllConnections()
      await Promise.all([apiServer, uploadServer].map(s => new Promise<void>(resolve => s.close(() => resolve()))))
      await rm(uploadDir, { recursive: true, force: true })
    }
  }
}
