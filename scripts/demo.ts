/**
 * The main job, with no Apple account: start the local App Store Connect sandbox, run the bundled
 * action (node dist/index.js, exactly as a runner does, with INPUT_* variables) on the sample assets,
 * then run it again to show that a second run changes nothing. Prints what it did, and exits non-zero
 * when either run of the action fails.
 *
 * DEMO_NODE=/path/to/node runs the action with that node instead of this one (.ci/run proves the
 * bundle on Node 24 this way).
 */
import { execFileSync, spawn } from 'node:child_process'
import { mkdtemp, readFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { startSandbox, type Sandbox } from '../src/sandbox/index.js'
import { runnerEnv } from '../src/sandbox/runner-env.js'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const nodeBin = process.env.DEMO_NODE || process.execPath
const nodeVersion = nodeBin === process.execPath ? process.version : execFileSync(nodeBin, ['--version'], { encoding: 'utf8' }).trim()

async function runAction(sandbox: Sandbox, label: string): Promise<{ code: number; outputs: string; summary: string }> {
  const dir = await mkdtemp(path.join(tmpdir(), 'asc-demo-'))
  const outputFile = path.join(dir, 'output.txt')
  const summaryFile = path.join(dir, 'summary.md')
  const step = { workspace: path.join(root, 'samples'), temp: dir, output: outputFile, summary: summaryFile }
  const env = await runnerEnv(sandbox, step, { 'INPUT_BUNDLE-ID': 'com.example.aurora', INPUT_MAPPING: 'app-store-assets.yml' })
  console.log(`\n=== ${label}: node dist/index.js (Node ${nodeVersion}) ===`)
  const code = await new Promise<number>(resolve => {
    const child = spawn(nodeBin, [path.join(root, 'dist/index.js')], { env, stdio: ['ignore', 'pipe', 'inherit'] })
    child.stdout.setEncoding('utf8')
    let pending = ''
    child.stdout.on('data', (chunk: string) => {
      const lines = (pending + chunk).split('\n')
      pending = lines.pop() ?? ''
      for (const line of lines) printLine(line)
    })
    child.on('error', err => {
      console.error(`Cannot start ${nodeBin}: ${err.message}`)
      resolve(1)
    })
    child.on('close', c => resolve(c ?? 1))
  })
  return { code, outputs: await readFile(outputFile, 'utf8'), summary: await readFile(summaryFile, 'utf8') }
}

/** Shows the log as a runner would: workflow commands become what the runner renders, masks stay hidden. */
function printLine(line: string): void {
  if (line.startsWith('::debug::') || line.startsWith('::add-mask::') || line.startsWith('::endgroup::')) return
  const group = /^::group::(.*)$/.exec(line)
  if (group) return void console.log(`▶ ${group[1]}`)
  const annotation = /^::(error|warning|notice)[^:]*::(.*)$/.exec(line)
  if (annotation) return void console.log(`${annotation[1]}: ${annotation[2].replace(/%0A/g, '\n')}`)
  console.log(`  ${line}`)
}

function printOutputs(raw: string): void {
  // GITHUB_OUTPUT uses heredoc blocks: name<<DELIM \n value \n DELIM
  const re = /^(.+?)<<(.+)\n([\s\S]*?)\n\2$/gm
  for (const m of raw.matchAll(re)) console.log(`  ${m[1]} = ${m[3]}`)
}

async function main(): Promise<void> {
  const sandbox = await startSandbox({ processingMs: 300 })
  console.log(`Local App Store Connect sandbox at ${sandbox.url} (app com.example.aurora, iOS version 1.2.0).`)
  try {
    const first = await runAction(sandbox, 'First run: uploads the sample screenshots and preview')
    console.log('Outputs:')
    printOutputs(first.outputs)
    const writes = sandbox.requests.filter(r => r.host === 'api' && r.method !== 'GET').length
    console.log(`Sandbox saw ${sandbox.requests.filter(r => r.host === 'api').length} API requests (${writes} writes) and ${sandbox.requests.filter(r => r.host === 'upload').length} upload parts.`)
    sandbox.resetLog()
    const second = await runAction(sandbox, 'Second run: nothing changed, so nothing is written')
    printOutputs(second.outputs)
    const writes2 = sandbox.requests.filter(r => r.host === 'api' && r.method !== 'GET').length
    console.log(`Second run: ${sandbox.requests.length} requests, ${writes2} writes.`)
    console.log('\nWhat App Store Connect now holds:')
    for (const loc of ['en-US', 'de-DE']) {
      const version = sandbox.store.findVersion('1234567890', 'IOS', '1.2.0')
      const l = version && sandbox.store.findLocalization(version.id, loc)
      for (const set of l ? sandbox.store.listSets(l.id) : []) {
        console.log(`  ${loc} ${set.setType}: ${set.items.map(i => `${i.fileName} (${i.state})`).join(', ')}`)
      }
    }
    if (first.code !== 0 || second.code !== 0) {
      console.error(`\nThe action failed: exit code ${first.code} on the first run, ${second.code} on the second.`)
      process.exitCode = 1
    }
  } finally {
    await sandbox.close()
  }
}

await main()
