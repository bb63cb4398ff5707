/**
 * Kill and resume. The action runs in a child process (the TypeScript sources through tsx, with INPUT_*
 * variables as a runner sets them) and is SIGKILLed at a point chosen by watching the sandbox's request
 * log: after the k-th set creation, reservation, completed upload part (so before its commit), commit,
 * processing poll, deletion or reorder, or some milliseconds into a throttled multi-part upload. The kill
 * points come from a seeded generator, so every CI run kills at the same points. Then a normal run must
 * end with exactly the local files, in order, with the local bytes, no duplicates, and no
 * AWAITING_UPLOAD, FAILED or unfinished asset left.
 */
import { createHash } from 'node:crypto'
import { cp, mkdtemp, readdir, readFile, rename, rm, unlink } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import type { RequestRecord, Sandbox } from '../../src/sandbox/index.js'
import { startSandbox } from '../../src/sandbox/index.js'
import { naturalCompare } from '../../src/mapping/expand.js'
import { IPHONE, localizationId, writePng } from '../e2e/harness.js'
import { actionEnv, convergedState, LOCALES, onRequest, prng, ROOT, runOnce, standardWorkspace, startChild } from './helpers.js'

type Kind = 'set-create' | 'reserve' | 'mid-part' | 'before-commit' | 'commit' | 'polling' | 'delete' | 'reorder'

interface KillPoint {
  kind: Kind
  /** Kill after the k-th matching request (mid-part: 150 + k × 60 ms after the preview's reservation). */
  k: number
}

const isReservation = (r: RequestRecord) => r.method === 'POST' && /^\/v1\/app(Screenshots|Previews)$/.test(r.path)
const isSetCreation = (r: RequestRecord) => r.method === 'POST' && /^\/v1\/app(Screenshot|Preview)Sets$/.test(r.path)
const isCommit = (r: RequestRecord) => r.method === 'PATCH' && /^\/v1\/app(Screenshots|Previews)\/[^/]+$/.test(r.path)
const isPoll = (r: RequestRecord) => r.method === 'GET' && /^\/v1\/appStoreVersionLocalizations\/[^/]+\/app(Screenshot|Preview)Sets$/.test(r.path)
const isDelete = (r: RequestRecord) => r.method === 'DELETE'
const isReorder = (r: RequestRecord) => r.method === 'PATCH' && r.path.includes('/relationships/')
const isPartDone = (r: RequestRecord) => r.host === 'upload' && r.status === 200

/** How many of each kind a fresh run (or, for delete/reorder, the change run) certainly makes. */
const MAX_K: Record<Kind, number> = { 'set-create': 3, reserve: 9, 'mid-part': 6, 'before-commit': 8, commit: 9, polling: 2, delete: 2, reorder: 1 }
const KINDS = Object.keys(MAX_K) as Kind[]

/** 24 kill points: every kind three times, k drawn from a fixed seed. */
export const KILL_POINTS: KillPoint[] = (() => {
  const random = prng(20240611)
  return Array.from({ length: 24 }, (_, i) => {
    const kind = KINDS[i % KINDS.length] as Kind
    return { kind, k: 1 + Math.floor(random() * MAX_K[kind]) }
  })
})()

const CHILD = path.join(ROOT, '__tests__/reliability/run-child.ts')

/** Sets the kill trap; resolves when the child is gone. */
function killAt(sandbox: Sandbox, point: KillPoint, kill: () => void): void {
  let count = 0
  let commits = 0
  let killed = false
  const fire = () => {
    if (!killed) {
      killed = true
      kill()
    }
  }
  onRequest(sandbox, r => {
    if (killed) return
    if (isCommit(r)) commits++
    switch (point.kind) {
      case 'set-create':
        if (isSetCreation(r) && ++count === point.k) fire()
        break
      case 'reserve':
        if (isReservation(r) && ++count === point.k) fire()
        break
      case 'mid-part':
        // The preview's three 5 MiB parts go up throttled; kill while they are in flight.
        if (r.method === 'POST' && r.path === '/v1/appPreviews') setTimeout(fire, 150 + point.k * 60)
        break
      case 'before-commit':
        if (isPartDone(r) && ++count === point.k) fire()
        break
      case 'commit':
        if (isCommit(r) && ++count === point.k) fire()
        break
      case 'polling':
        if (commits > 0 && isPoll(r) && ++count === point.k) fire()
        break
      case 'delete':
        if (isDelete(r) && ++count === point.k) fire()
        break
      case 'reorder':
        if (isReorder(r) && ++count === point.k) fire()
        break
    }
  })
}

/** Replaces en-US/1.png, removes de-DE/4.png and swaps de-DE/2.png with 3.png: 1 upload, 2 deletes, 1 reorder. */
async function changeWorkspace(ws: string): Promise<void> {
  await writePng(ws, 'shots/en-US/1.png', IPHONE[0], IPHONE[1], 77)
  await unlink(path.join(ws, 'shots/de-DE/4.png'))
  const de = (n: string) => path.join(ws, `shots/de-DE/${n}.png`)
  await rename(de('2'), de('x'))
  await rename(de('3'), de('2'))
  await rename(de('x'), de('3'))
}

const md5 = async (file: string) => createHash('md5').update(await readFile(file)).digest('hex')

/** Each remote set holds the local files of its folder: same names, same bytes (MD5), same order. */
async function expectExactlyLocal(sandbox: Sandbox, ws: string): Promise<void> {
  const folders: [string, string, string][] = [
    ...LOCALES.map(l => [l, 'APP_IPHONE_67', `shots/${l}`] as [string, string, string]),
    ['en-US', 'IPHONE_67', 'previews/en-US']
  ]
  for (const [locale, setType, folder] of folders) {
    const names = (await readdir(path.join(ws, folder))).sort(naturalCompare)
    // Content and order are what count: a file whose bytes moved to another name keeps its remote asset (matched by MD5).
    const want = await Promise.all(names.map(async n => `${await md5(path.join(ws, folder, n))}:COMPLETE`))
    const set = sandbox.store.findSet(localizationId(sandbox, locale), setType)
    expect(set?.items.map(i => `${i.sourceFileChecksum}:${i.state}`)).toEqual(want)
  }
  const state = convergedState(sandbox)
  expect({ awaiting: state.awaiting, failed: state.failed, processing: state.processing }).toEqual({ awaiting: 0, failed: 0, processing: 0 })
  expect(sandbox.store.countAssets()).toBe(Object.values(state.sets).reduce((n, s) => n + s.length, 0))
}

describe('kill (SIGKILL) and resume', () => {
  let sandbox: Sandbox
  let ws: string
  let base: string
  beforeAll(async () => {
    base = await standardWorkspace()
  })
  afterAll(() => rm(base, { recursive: true, force: true }))
  afterEach(async () => {
    await sandbox?.close()
    await rm(ws, { recursive: true, force: true })
  })

  KILL_POINTS.forEach((point, i) => {
    it(`kill point ${i + 1}: ${point.kind} #${point.k} → a normal run converges`, async () => {
      const change = point.kind === 'delete' || point.kind === 'reorder'
      sandbox = await startSandbox({ processingMs: change || point.kind === 'polling' ? 400 : 150 })
      ws = await mkdtemp(path.join(tmpdir(), 'asc-rel-kill-'))
      await cp(base, ws, { recursive: true })
      if (change) {
        const setup = await runOnce(sandbox, ws)
        expect(setup.error).toBeUndefined()
        await changeWorkspace(ws)
        sandbox.resetLog()
      }
      // The preview's three parts (5 + 5 + 1 MiB) are read at 6 MB/s, so they are in flight for most of a second.
      if (point.kind === 'mid-part') sandbox.setOptions({ uploadBandwidthBytesPerSec: 6 * 1024 * 1024 })
      const { env, dir } = await actionEnv(sandbox, ws)
      const child = startChild(CHILD, env)
      let partsAnsweredAtKill = -1
      killAt(sandbox, point, () => {
        child.child.kill('SIGKILL')
        partsAnsweredAtKill = sandbox.requests.filter(r => r.host === 'upload' && r.status === 200 && r.bodyBytes >= 1024 * 1024).length
      })
      const exit = await child.done
      // The kill point was reached: the child did not finish on its own.
      expect(exit.signal).toBe('SIGKILL')
      // Mid-part: at the kill, the client had not yet had an answer for every part of the preview.
      if (point.kind === 'mid-part') expect(partsAnsweredAtKill).toBeLessThan(3)
      sandbox.setOptions({ uploadBandwidthBytesPerSec: undefined, processingMs: 50 })
      const resume = await runOnce(sandbox, ws)
      expect(resume.error?.message).toBeUndefined()
      expect(resume.counts.failed).toBe(0)
      await expectExactlyLocal(sandbox, ws)
      await rm(dir, { recursive: true, force: true })
    }, 30_000)
  })
})
