// The least a client can do to upload files: read each file, MD5 it (the commit needs the checksum),
// and PUT its parts of PART_SIZE bytes, `concurrency` parts in flight, through one undici Agent.
//   node bench/reference/client.mjs <port> <concurrency> <partSize> <file>...
// Prints one JSON line: { ms, bytes, cpuMs }.
import { createHash } from 'node:crypto'
import { readFile } from 'node:fs/promises'
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
await Promise.all(
  Array.from({ length: Number(concurrency) }, async () => {
    while (next < files.length) {
      const data = await readFile(files[next++])
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
