/**
 * What this machine allows for a workload's bytes, measured rather than assumed: the same files pushed
 * through loopback by the least any client and upload host could do (the client reads each file,
 * hashes it with MD5 and PUTs its 5 MiB parts, `concurrency` at once; the host reads each body and
 * hashes it), in two fresh processes as the action and the sandbox are. No API, no disk writes, no
 * checks. Its rate is the "machine" bandwidth: with no cap configured, bytes are not free here, and
 * the bench's machine bound charges them at this rate.
 */
import { spawn } from 'node:child_process'
import path from 'node:path'
import { createInterface } from 'node:readline'
import { BENCH_DIR, ROOT } from './fixtures.js'

export interface BytePath {
  /** Best of the runs: the fastest the machine managed. */
  ms: number
  bytes: number
  bytesPerSec: number
  clientCpuMs: number
  serverCpuMs: number
  runs: number[]
}

export async function measureBytePath(files: string[], concurrency: number, partSize: number, runs = 3): Promise<BytePath> {
  const results: Omit<BytePath, 'runs' | 'bytesPerSec'>[] = []
  for (let i = 0; i < runs; i++) results.push(await once(files, concurrency, partSize))
  const best = results.reduce((a, b) => (b.ms < a.ms ? b : a))
  return { ...best, bytesPerSec: best.bytes / (best.ms / 1000), runs: results.map(r => Math.round(r.ms)) }
}

async function once(files: string[], concurrency: number, partSize: number): Promise<Omit<BytePath, 'runs' | 'bytesPerSec'>> {
  const server = spawn(process.execPath, [path.join(BENCH_DIR, 'reference', 'server.mjs')], { stdio: ['pipe', 'pipe', 'inherit'] })
  const lines = createInterface({ input: server.stdout })[Symbol.asyncIterator]()
  try {
    const port = (await lines.next()).value as string
    const client = spawn(process.execPath, [path.join(BENCH_DIR, 'reference', 'client.mjs'), port, String(concurrency), String(partSize), ...files], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] })
    let out = ''
    client.stdout.setEncoding('utf8')
    client.stdout.on('data', (c: string) => (out += c))
    const code = await new Promise<number>(resolve => client.on('close', c => resolve(c ?? 1)))
    if (code !== 0) throw new Error(`the reference client exited with ${code}`)
    const { ms, bytes, cpuMs } = JSON.parse(out) as { ms: number; bytes: number; cpuMs: number }
    server.stdin.end()
    const serverCpuMs = Number((await lines.next()).value)
    return { ms, bytes, clientCpuMs: cpuMs, serverCpuMs }
  } finally {
    server.kill()
  }
}
