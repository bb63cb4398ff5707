// The least a client can do to upload files: read each file, MD5 it (the commit needs the checksum),
// and PUT its parts of PART_SIZE bytes, `concurrency` parts in flight, through one undici Agent. Each
// worker reads into one buffer of its own, reused once the file's parts are acknowledged: a fresh
// buffer per file costs page faults and garbage collection, which the least a client does is without.
//   node bench/reference/client.mjs <port> <concurrency> <partSize> <file>...
// Prints one JSON line: { ms, bytes, cpuMs }.
import { createHash } from 'node:crypto'
import { open } from 'node:fs/promises'
import { Agent, request } from 'undici'

const [port, concurrency, partSize, ...files] = process.argv.slice(2)
const url = `http://127.0.0.1:${port}/part`
const agent = new Agent({ connections: 2 * Number(concurrency) })
let next = 0
let bytes = 0
let slots = Number(concurrency)
const waiting = []
const slot = () => (slots > 0 ? (slots--, Promise.resolve()) : new Promise(resolve => waiting.push(resolve)))
const free = () => (waiting.length ? waiting.shift()() : slots++)

async function put(body) {
  await slot()
  try {
    const res = await request(url, { method: 'PUT', body, dispatcher: agent })
    await res.body.text()
    bytes += body.length
  } finally {
    free()
  }
}

const started = performance.now()
async function readInto(file, buffer) {
  const fh = await open(file, 'r')
  try {
    const { size } = await fh.stat()
    if (buffer.length < size) buffer = Buffer.allocUnsafeSlow(size)
    for (let at = 0; at < size; ) {
      const { bytesRead } = await fh.read(buffer, at, size - at, at)
      if (bytesRead === 0) throw new Error(`${file} shrank while it was read`)
      at += bytesRead
    }
    return { buffer, data: buffer.subarray(0, size) }
  } finally {
    await fh.close()
  }
}

await Promise.all(
  Array.from({ length: Number(concurrency) }, async () => {
    let buffer = Buffer.alloc(0)
    while (next < files.length) {
      const read = await readInto(files[next++], buffer)
      buffer = read.buffer
      const data = read.data
      createHash('md5').update(data).digest('hex')
      const parts = []
      for (let at = 0; at < data.length; at += Number(partSize)) parts.push(put(data.subarray(at, at + Number(partSize))))
      await Promise.all(parts)
    }
  })
)
const ms = performance.now() - started
await agent.close()
const cpu = process.cpuUsage()
process.stdout.write(`${JSON.stringify({ ms, bytes, cpuMs: (cpu.user + cpu.system) / 1000 })}\n`)
