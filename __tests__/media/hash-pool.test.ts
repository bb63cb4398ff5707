/**
 * Hashing several files at once on worker threads: the same MD5 and SHA-256 as crypto's, a single
 * file hashed on the calling thread (no thread started for it), file errors reported as they would
 * be on the calling thread, and a pool that cannot use threads still answers.
 */
import { spawn } from 'node:child_process'
import { createHash, randomBytes } from 'node:crypto'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { HashPool, type FileHashes } from '../../src/media/hash-pool.js'

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')

let dir: string
const files: { path: string; md5: string; sha256: string }[] = []

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'hash-pool-'))
  // Sizes around the workers' 1 MiB read buffer, and an empty file.
  for (const [i, size] of [0, 1, 1024 * 1024, 1024 * 1024 + 1, 3 * 1024 * 1024 + 17, 12345].entries()) {
    const bytes = randomBytes(size)
    const file = path.join(dir, `${i}.bin`)
    await writeFile(file, bytes)
    files.push({ path: file, md5: createHash('md5').update(bytes).digest('hex'), sha256: createHash('sha256').update(bytes).digest('hex') })
  }
})

afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})

/** Stands in for the calling thread's hashing, and counts what it was given. */
function counting(): { here: (p: string, sha: boolean) => () => Promise<FileHashes>; calls: string[] } {
  const calls: string[] = []
  const here = (p: string, sha: boolean) => async () => {
    calls.push(p)
    const f = files.find(x => x.path === p) as (typeof files)[number]
    return sha ? { md5: f.md5, sha256: f.sha256 } : { md5: f.md5 }
  }
  return { here, calls }
}

describe('HashPool', () => {
  it('hashes many files at once like crypto does, with SHA-256 when asked', async () => {
    const pool = new HashPool(2)
    try {
      const { here, calls } = counting()
      const results = await Promise.all(files.map(f => pool.run(f.path, true, here(f.path, true))))
      expect(results).toEqual(files.map(f => ({ md5: f.md5, sha256: f.sha256 })))
      // The calling thread took some, the workers the rest.
      expect(calls.length).toBeGreaterThan(0)
      expect(calls.length).toBeLessThan(files.length)
      const md5Only = await Promise.all(files.map(f => pool.run(f.path, false, here(f.path, false))))
      expect(md5Only).toEqual(files.map(f => ({ md5: f.md5 })))
    } finally {
      await pool.close()
    }
  })

  it('hashes files one at a time on the calling thread: no worker for a single big preview', async () => {
    const pool = new HashPool(2)
    try {
      const { here, calls } = counting()
      for (const f of files) await pool.run(f.path, false, here(f.path, false))
      expect(calls).toEqual(files.map(f => f.path))
    } finally {
      await pool.close()
    }
  })

  it('reports a missing file with its code, as the calling thread would', async () => {
    const pool = new HashPool(1)
    try {
      const missing = path.join(dir, 'missing.bin')
      const slow = new Promise<FileHashes>(resolve => setTimeout(() => resolve({ md5: 'x' }), 50))
      // The first run keeps the calling thread busy, so the missing file goes to the worker.
      const [, outcome] = await Promise.allSettled([pool.run(files[1]!.path, false, () => slow), pool.run(missing, false, () => Promise.reject(new Error('not here')))])
      expect(outcome.status).toBe('rejected')
      expect((outcome as PromiseRejectedResult).reason).toMatchObject({ code: 'ENOENT', message: expect.stringContaining('missing.bin') })
    } finally {
      await pool.close()
    }
  })

  it('a process whose hashes went to a worker exits on its own when its work is done', async () => {
    const child = spawn(process.execPath, [path.join(ROOT, 'node_modules/tsx/dist/cli.mjs'), path.join(ROOT, '__tests__/fixtures/hash-pool-child.ts'), files[2]!.path, files[4]!.path], { stdio: ['ignore', 'pipe', 'inherit'] })
    let out = ''
    child.stdout.setEncoding('utf8').on('data', (c: string) => (out += c))
    // Bounded: a worker that held the process open would otherwise hang the test run.
    const kill = setTimeout(() => child.kill('SIGKILL'), 20_000)
    const exit = await new Promise<{ code: number | null; signal: string | null }>(resolve => child.on('close', (code, signal) => resolve({ code, signal })))
    clearTimeout(kill)
    expect(exit).toEqual({ code: 0, signal: null })
    expect(out.trim()).toBe(`${files[2]!.md5} ${files[4]!.md5}`)
  }, 30_000)

  it('a worker thread that dies mid-file hands its file, and every later one, to the calling thread', async () => {
    const dying = `require('node:worker_threads').parentPort.on('message', () => process.exit(3))`
    const pool = new HashPool(1, dying)
    try {
      const { here, calls } = counting()
      const results = await Promise.all(files.map(f => pool.run(f.path, true, here(f.path, true))))
      expect(results).toEqual(files.map(f => ({ md5: f.md5, sha256: f.sha256 })))
      expect(calls.sort()).toEqual(files.map(f => f.path).sort())
    } finally {
      await pool.close()
    }
  })

  it('without threads (none allowed, or closed) every file is hashed on the calling thread', async () => {
    for (const pool of [new HashPool(0), new HashPool(2)]) {
      await pool.close()
      const { here, calls } = counting()
      const results = await Promise.all(files.map(f => pool.run(f.path, false, here(f.path, false))))
      expect(results).toEqual(files.map(f => ({ md5: f.md5 })))
      expect(calls).toHaveLength(files.length)
    }
  })
})
