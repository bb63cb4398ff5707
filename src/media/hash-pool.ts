/**
 * Worker threads for hashing whole files when several are hashed at once: a run that finds nothing
 * changed must still hash every file to compare it with Apple's checksums, and MD5 runs at a few
 * hundred MB/s on one core. A hash runs on the calling thread whenever that is free, so a run that
 * hashes one file at a time (a single big preview) starts no worker and costs no memory for one.
 *
 * The worker is plain JavaScript evaluated from a string: it runs the same in the bundle, under tsx
 * and under jest, with no file of its own to locate.
 */
import { availableParallelism } from 'node:os'
import { Worker } from 'node:worker_threads'

export interface FileHashes {
  md5: string
  sha256?: string
}

const WORKER_SOURCE = `
const { parentPort } = require('node:worker_threads')
const { createHash } = require('node:crypto')
const { openSync, readSync, closeSync } = require('node:fs')
const buf = Buffer.allocUnsafe(1024 * 1024)
parentPort.on('message', ({ path, sha256 }) => {
  let fd
  try {
    const md5 = createHash('md5')
    const sha = sha256 ? createHash('sha256') : undefined
    fd = openSync(path, 'r')
    for (let n; (n = readSync(fd, buf, 0, buf.length, null)) > 0; ) {
      const view = buf.subarray(0, n)
      md5.update(view)
      if (sha) sha.update(view)
    }
    parentPort.postMessage({ md5: md5.digest('hex'), sha256: sha ? sha.digest('hex') : undefined })
  } catch (e) {
    parentPort.postMessage({ error: { message: String((e && e.message) || e), code: e && e.code } })
  } finally {
    if (fd !== undefined) closeSync(fd)
  }
})
`

interface Job {
  resolve: (h: FileHashes) => void
  reject: (e: Error) => void
}

class HashWorker {
  private readonly worker: Worker
  private job: Job | undefined

  constructor(source: string, onBroken: (w: HashWorker) => void) {
    this.worker = new Worker(source, { eval: true })
    this.worker.on('message', (m: { md5?: string; sha256?: string; error?: { message: string; code?: string } }) => {
      const job = this.job
      this.job = undefined
      this.worker.unref()
      if (m.error) job?.reject(Object.assign(new Error(m.error.message), m.error.code ? { code: m.error.code } : {}))
      else job?.resolve(m.sha256 ? { md5: m.md5 as string, sha256: m.sha256 } : { md5: m.md5 as string })
    })
    let gone = false
    // 'error' is followed by 'exit': report the thread gone once.
    const broken = (e: unknown) => {
      this.job?.reject(new HashWorkerError(`the hashing thread stopped (${e instanceof Error ? e.message : String(e)})`))
      this.job = undefined
      if (!gone) onBroken(this)
      gone = true
    }
    this.worker.on('error', broken)
    this.worker.on('exit', code => broken(new Error(`exit code ${code}`)))
    // An idle worker keeps neither the action nor a test run alive (a busy one does: the answer is
    // awaited). After the listeners: adding a 'message' listener refs the worker again.
    this.worker.unref()
  }

  get busy(): boolean {
    return this.job !== undefined
  }

  hash(path: string, sha256: boolean): Promise<FileHashes> {
    this.worker.ref()
    return new Promise<FileHashes>((resolve, reject) => {
      this.job = { resolve, reject }
      this.worker.postMessage({ path, sha256 })
    })
  }

  terminate(): Promise<number> {
    this.worker.removeAllListeners('exit')
    return this.worker.terminate()
  }
}

/** A worker thread failed (not the file): the caller hashes in its own thread instead. */
class HashWorkerError extends Error {
  override name = 'HashWorkerError'
}

interface Pending {
  path: string
  sha256: boolean
  here: () => Promise<FileHashes>
  resolve: (h: FileHashes) => void
  reject: (e: unknown) => void
}

/**
 * Runs hashes one at a time on the calling thread and, while that one is busy, one per worker; the
 * rest wait for whichever frees first. A worker thread that fails is not used again: its file, and
 * every later one, is hashed on the calling thread.
 */
export class HashPool {
  private workers: HashWorker[] = []
  private readonly queue: Pending[] = []
  private hereBusy = false
  private broken = false

  /**
   * `size`: most worker threads; by default one fewer than the machine's cores, at most 3. `source`:
   * the worker's code (tests pass one that fails, to see the calling thread take over).
   */
  constructor(
    private readonly size = Math.max(0, Math.min(3, availableParallelism() - 1)),
    private readonly source = WORKER_SOURCE
  ) {}

  /** The hashes of `path`; `here` computes them on the calling thread. */
  run(path: string, sha256: boolean, here: () => Promise<FileHashes>): Promise<FileHashes> {
    return new Promise<FileHashes>((resolve, reject) => {
      this.queue.push({ path, sha256, here, resolve, reject })
      this.dispatch()
    })
  }

  async close(): Promise<void> {
    this.broken = true
    await Promise.all(this.workers.splice(0).map(w => w.terminate()))
  }

  private dispatch(): void {
    while (this.queue.length > 0) {
      if (!this.hereBusy) {
        const job = this.queue.shift() as Pending
        this.hereBusy = true
        // Free before answering: a caller that hashes its next file on the answer finds this thread free.
        const free = () => {
          this.hereBusy = false
          this.dispatch()
        }
        job.here().then(
          h => (free(), job.resolve(h)),
          e => (free(), job.reject(e))
        )
        continue
      }
      const worker = this.idleWorker()
      if (!worker) return
      const job = this.queue.shift() as Pending
      worker
        .hash(job.path, job.sha256)
        .catch(e => (e instanceof HashWorkerError ? job.here() : Promise.reject(e)))
        .then(job.resolve, job.reject)
        .finally(() => this.dispatch())
    }
  }

  private idleWorker(): HashWorker | undefined {
    if (this.broken) return undefined
    const idle = this.workers.find(w => !w.busy)
    if (idle || this.workers.length >= this.size) return idle
    try {
      const w = new HashWorker(this.source, gone => {
        // One broken thread means threads are not to be trusted here: hash on the calling thread from now on.
        this.broken = true
        this.workers = this.workers.filter(x => x !== gone)
      })
      this.workers.push(w)
      return w
    } catch {
      this.broken = true
      return undefined
    }
  }
}
