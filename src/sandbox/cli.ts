/**
 * `npm run sandbox`: runs the App Store Connect sandbox on a fixed port with the default seed, prints
 * what the action needs to point at it, and runs until Ctrl-C.
 */
import { writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { startSandbox, type SandboxOptions } from './index.js'

const HELP = `Usage: npm run sandbox -- [options]

  --port N               API port (default 4010, or $PORT)
  --upload-port N        upload host port (default: API port + 1)
  --api-latency MS       delay before every API response
  --upload-latency MS    delay before every upload response
  --bandwidth BYTES      cap uploads at BYTES per second, all parts together
  --processing-ms MS     commit → COMPLETE/FAILED time (default 50)
  --checksum-delay MS    sourceFileChecksum appears this long after COMPLETE
  --part-size BYTES      upload part size (default 5242880)
  --hourly-limit N       requests per key per rolling hour (default 3600)
  --fault-5xx RATE       fraction of API requests answered 500/503
  --fault-429 RATE       fraction of API requests answered 429
  --fault-lost RATE      fraction of writes done but answered 500
  --fault-reset RATE     fraction of upload PUTs reset mid-body
  --fail FILE            processing of FILE ends FAILED (repeatable)
  --seed N               random seed for fault decisions
  --key-file PATH        where to write the .p8 private key
`

function parse() {
  const { values } = parseArgs({
    options: {
      port: { type: 'string' },
      'upload-port': { type: 'string' },
      'api-latency': { type: 'string' },
      'upload-latency': { type: 'string' },
      bandwidth: { type: 'string' },
      'processing-ms': { type: 'string' },
      'checksum-delay': { type: 'string' },
      'part-size': { type: 'string' },
      'hourly-limit': { type: 'string' },
      'fault-5xx': { type: 'string' },
      'fault-429': { type: 'string' },
      'fault-lost': { type: 'string' },
      'fault-reset': { type: 'string' },
      fail: { type: 'string', multiple: true },
      seed: { type: 'string' },
      'key-file': { type: 'string' },
      help: { type: 'boolean', short: 'h' }
    }
  })
  return values
}

const num = (v: string | undefined): number | undefined => {
  if (v === undefined) return undefined
  const n = Number(v)
  if (!Number.isFinite(n)) throw new Error(`not a number: ${v}`)
  return n
}

async function main(): Promise<void> {
  const v = parse()
  if (v.help) {
    process.stdout.write(HELP)
    return
  }
  const port = num(v.port) ?? num(process.env.PORT) ?? 4010
  const options: SandboxOptions = {
    port,
    uploadPort: num(v['upload-port']) ?? port + 1,
    apiLatencyMs: num(v['api-latency']),
    uploadLatencyMs: num(v['upload-latency']),
    uploadBandwidthBytesPerSec: num(v.bandwidth),
    processingMs: num(v['processing-ms']),
    checksumDelayMs: num(v['checksum-delay']),
    partSize: num(v['part-size']),
    hourlyRequestLimit: num(v['hourly-limit']),
    randomSeed: num(v.seed),
    faults: {
      api5xxRate: num(v['fault-5xx']) ?? 0,
      api429Rate: num(v['fault-429']) ?? 0,
      lostResponseRate: num(v['fault-lost']) ?? 0,
      uploadResetRate: num(v['fault-reset']) ?? 0,
      processingFailures: v.fail ?? []
    }
  }
  for (const k of Object.keys(options) as (keyof SandboxOptions)[]) if (options[k] === undefined) delete options[k]
  const sb = await startSandbox(options)
  const keyFile = v['key-file'] ?? join(tmpdir(), `AuthKey_${sb.keys.keyId}.p8`)
  writeFileSync(keyFile, sb.keys.privateKeyPem, { mode: 0o600 })
  // @actions/core reads input "issuer-id" from INPUT_ISSUER-ID: hyphens stay, so these need `env`, not `export`.
  const inputs = [
    `'INPUT_API-BASE-URL=${sb.url}'`,
    `'INPUT_ISSUER-ID=${sb.keys.issuerId}'`,
    `'INPUT_KEY-ID=${sb.keys.keyId}'`,
    `"INPUT_PRIVATE-KEY=$(cat '${keyFile}')"`,
    `'INPUT_BUNDLE-ID=com.example.aurora'`,
    `'INPUT_PLATFORM=IOS'`,
    `'INPUT_VERSION=1.2.0'`
  ]
  console.log(`App Store Connect sandbox listening
  API:          ${sb.url}
  upload host:  ${sb.uploadUrl}
  issuer id:    ${sb.keys.issuerId}
  key id:       ${sb.keys.keyId}
  private key:  ${keyFile}
  app:          Aurora (com.example.aurora, id 1234567890); iOS 1.2.0 editable, iOS 1.1.0 live, macOS 1.2.0 editable

Point the action at it (add INPUT_MAPPING etc. as needed):
  env \\
${inputs.map(l => `    ${l} \\`).join('\n')}
    node dist/index.js

Ctrl-C to stop.`)
  let stopping = false
  const stop = (): void => {
    if (stopping) return
    stopping = true
    void sb.close().then(() => process.exit(0))
  }
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
}

main().catch(e => {
  console.error(`sandbox: ${(e as Error).message}`)
  process.exit(1)
})
