/**
 * The committed bundle, run exactly as a runner runs it: `node dist/index.js` with INPUT_* variables,
 * GITHUB_OUTPUT and GITHUB_STEP_SUMMARY. Also the place where we look for leaked secrets in
 * everything the action writes.
 */
import { spawn } from 'node:child_process'
import { readFile, rm } from 'node:fs/promises'
import path from 'node:path'
import { startSandbox, type Sandbox } from '../../src/sandbox/index.js'
import { runnerEnv } from '../../src/sandbox/runner-env.js'
import { IPHONE, ROOT, setContents, tempWorkspace, writeMapping, writePng } from './harness.js'

interface ChildRun {
  code: number
  stdout: string
  stderr: string
  outputs: Record<string, string>
  summary: string
  report: string
}

async function runBundle(sandbox: Sandbox, ws: string, extra: Record<string, string> = {}): Promise<ChildRun> {
  const outputFile = path.join(ws, 'gh-output.txt')
  const summaryFile = path.join(ws, 'gh-summary.md')
  const env = await runnerEnv(sandbox, { workspace: ws, temp: ws, output: outputFile, summary: summaryFile }, {
    // As a secret often arrives: base64 of the PEM.
    'INPUT_PRIVATE-KEY': Buffer.from(sandbox.keys.privateKeyPem).toString('base64'),
    'INPUT_APP-ID': '1234567890',
    ...extra
  })
  const child = spawn(process.execPath, [path.join(ROOT, 'dist/index.js')], { env, cwd: ws })
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', d => (stdout += d))
  child.stderr.on('data', d => (stderr += d))
  const code = await new Promise<number>(resolve => child.on('close', c => resolve(c ?? 1)))
  const raw = await readFile(outputFile, 'utf8')
  const outputs: Record<string, string> = {}
  for (const m of raw.matchAll(/^(.+?)<<(.+)\n([\s\S]*?)\n\2$/gm)) outputs[m[1]] = m[3]
  const report = outputs.report ? await readFile(outputs.report, 'utf8') : ''
  return { code, stdout, stderr, outputs, summary: await readFile(summaryFile, 'utf8'), report }
}

/** Everything secret this run produced: key lines, tokens the sandbox saw, upload URL signatures. */
function secretsOf(sandbox: Sandbox): string[] {
  const keyLines = sandbox.keys.privateKeyPem.split('\n').filter(l => l && !l.startsWith('-----'))
  const signatures = sandbox.requests.filter(r => r.host === 'upload').map(r => r.query.Signature).filter(Boolean)
  return [...keyLines, ...signatures]
}

function leaks(text: string, secrets: string[]): string[] {
  const visible = text
    .split('\n')
    .filter(line => !line.startsWith('::add-mask::'))
    .join('\n')
  const hits = secrets.filter(s => visible.includes(s))
  if (/eyJ[\w-]{8,}\.[\w-]{8,}\.[\w-]{8,}/.test(visible)) hits.push('a JWT')
  return hits
}

describe('node dist/index.js as a runner runs it', () => {
  let sandbox: Sandbox
  let ws: string

  beforeAll(async () => {
    sandbox = await startSandbox({ processingMs: 30 })
    ws = await tempWorkspace()
    await writeMapping(ws, 'screenshots:\n  - files: "shots/{locale}/*.png"\n    display-type: APP_IPHONE_67\n')
    for (const n of [1, 2]) await writePng(ws, `shots/en-US/${n}.png`, IPHONE[0], IPHONE[1], n)
  })
  afterAll(async () => {
    await sandbox.close()
    await rm(ws, { recursive: true, force: true })
  })

  it('uploads, writes outputs, the JSON report and the job summary, and leaks no secret (debug logging on)', async () => {
    const run = await runBundle(sandbox, ws, { RUNNER_DEBUG: '1', ACTIONS_STEP_DEBUG: 'true' })
    expect(run.stderr).toBe('')
    expect(run.code).toBe(0)
    expect(run.outputs).toMatchObject({ uploaded: '2', skipped: '0', deleted: '0', failed: '0', 'version-id': 'a1b2c3d4-0120-4000-8000-000000000001' })
    expect(setContents(sandbox, 'en-US', 'APP_IPHONE_67')).toEqual(['1.png:COMPLETE', '2.png:COMPLETE'])
    const report = JSON.parse(run.report)
    expect(report.entries).toHaveLength(2)
    expect(report.entries[0]).toMatchObject({ file: 'shots/en-US/1.png', kind: 'screenshot', locale: 'en-US', setType: 'APP_IPHONE_67', action: 'upload', state: 'COMPLETE', bytes: expect.any(Number) })
    expect(run.summary).toMatch(/<h3>[^<]*en-US<\/h3>/)
    expect(run.summary).toMatch(/Uploaded <b>2<\/b>/)
    // The log groups are there, and closed.
    for (const phase of ['Resolve', 'Plan', 'Upload', 'Verify']) expect(run.stdout).toMatch(new RegExp(`::group::${phase}`))
    expect(run.stdout.match(/::group::/g)?.length).toBe(run.stdout.match(/::endgroup::/g)?.length)
    const secrets = secretsOf(sandbox)
    expect(secrets.length).toBeGreaterThan(2)
    expect(leaks(run.stdout + run.summary + run.report + JSON.stringify(run.outputs), secrets)).toEqual([])
  })

  it('fails with a clear message and still writes outputs and a summary when the input is bad', async () => {
    const run = await runBundle(sandbox, ws, { INPUT_MODE: 'mirror' })
    expect(run.code).toBe(1)
    expect(run.stdout).toContain('::error::Input "mode": "mirror" is not accepted; use one of sync, append, replace.')
    expect(run.outputs).toMatchObject({ uploaded: '0', failed: '0' })
    expect(run.summary).toContain('The run failed')
  })
})
