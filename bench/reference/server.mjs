// The least an upload host can do with a part: read the body and hash it (MD5, as the sandbox checks
// checksums), then answer 200. Prints its port, then its CPU time (ms) when stdin closes.
import { createHash } from 'node:crypto'
import http from 'node:http'

const server = http.createServer(async (req, res) => {
  const md5 = createHash('md5')
  for await (const chunk of req) md5.update(chunk)
  md5.digest()
  res.writeHead(200, { 'content-length': '0' })
  res.end()
})
server.listen(0, '127.0.0.1', () => process.stdout.write(`${server.address().port}\n`))
process.stdin.resume()
process.stdin.on('end', () => {
  const cpu = process.cpuUsage()
  process.stdout.write(`${(cpu.user + cpu.system) / 1000}\n`)
  process.exit(0)
})
