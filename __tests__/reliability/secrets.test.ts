/**
 * Nothing secret leaves the action: every log line, error, output, job summary and JSON report of a set
 * of runs (success, faults, processing failures, expired upload URLs, a rejected key, a spent budget),
 * in-process and as child processes of the bundle and of the sources with ACTIONS_STEP_DEBUG and
 * RUNNER_DEBUG on, is scanned for the private key (whole and line by line), any JWT, and every upload
 * URL signature the sandbox issued. One hit fails. `::add-mask::` lines are the runner's masking
 * commands (the runner consumes them) and are the only lines allowed to carry a secret.
 */
import { existsSync } from 'node:fs'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { exportPKCS8, generateKeyPair } from 'jose'
import { ValidationError } from '../../src/errors.js'
import { buildReport, writeReport } from '../../src/report/report-file.js'
import { redact } from '../../src/report/redact.js'
import { renderSummary } from '../../src/report/summary.js'
import { startSandbox, type Sandbox } from '../../src/sandbox/index.js'
import { actionEnv, ROOT, runOnce, standardWorkspace, startChild, type Outcome } from './helpers.js'

interface Text {
  source: string
  text: string
}

const JWT = /eyJ[\w-]{4,}\.[\w-]{4,}\.[\w-]{4,}/

/** Every place a secret could hide, with where it came from. */
function findLeaks(texts: Text[], secrets: string[]): string[] {
  const hits: string[] = []
  for (const { source, text } of texts) {
    text.split(/\r?\n/).forEach((line, i) => {
      if (line.startsWith('::add-mask::')) return
      const jwt = JWT.exec(line)
      if (jwt) hits.push(`${source}:${i + 1}: JWT ${jwt[0].slice(0, 12)}…`)
      for (const s of secrets) if (line.includes(s)) hits.push(`${source}:${i + 1}: secret ${s.slice(0, 8)}…`)
    })
  }
  return hits
}

function keySecrets(pem: string): string[] {
  return [pem, ...pem.split('\n').map(l => l.trim()).filter(l => l.length >= 16 && !l.startsWith('-----'))]
}

function signatures(sandbox: Sandbox): string[] {
  return [...new Set(sandbox.requests.filter(r => r.host === 'upload' && r.query.Signature).map(r => r.query.Signature as string))]
}

/** What main.ts shows for a run: the error, the summary and the report, exactly as it builds them. */
async function rendered(name: string, run: Outcome, dir: string): Promise<Text[]> {
  const error = run.error ? redact(run.error.message) : undefined
  const problems = run.error instanceof ValidationError ? run.error.problems : []
  const file = path.join(dir, `${name}.json`)
  await writeReport(file, buildReport(run.result, run.entries, run.counts, error))
  return [
    { source: `${name}/log`, text: run.logs.join('\n') },
    { source: `${name}/error`, text: error ?? '' },
    { source: `${name}/summary`, text: renderSummary({ result: run.result, entries: run.entries, counts: run.counts, error, problems, reportPath: file }) },
    { source: `${name}/report`, text: await readFile(file, 'utf8') },
    { source: `${name}/outputs`, text: JSON.stringify(run.counts) }
  ]
}

describe('no secret in any log, output, summary or report', () => {
  let dir: string
  let ws: string
  const sandboxes: Sandbox[] = []
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'asc-rel-secrets-'))
    ws = await standardWorkspace({ previewBytes: 6 * 1024 * 1024 })
  })
  afterAll(async () => {
    await Promise.all(sandboxes.map(s => s.close()))
    await rm(dir, { recursive: true, force: true })
    await rm(ws, { recursive: true, force: true })
  })
  const sandbox = async (options: Parameters<typeof startSandbox>[0]) => {
    const s = await startSandbox(options)
    sandboxes.push(s)
    return s
  }

  it('in-process runs: success under faults, processing failures, expired URLs, rejected key, spent budget', async () => {
    const texts: Text[] = []
    const secrets: string[] = []
    const faulty = await sandbox({ processingMs: 30, randomSeed: 12, faults: { api5xxRate: 0.1, api429Rate: 0.05, lostResponseRate: 0.1, uploadResetRate: 0.2, processingFailures: ['3.png'] } })
    secrets.push(...keySecrets(faulty.keys.privateKeyPem))
    texts.push(...(await rendered('faults-1', await runOnce(faulty, ws), dir)))
    faulty.faults = { ...faulty.faults, processingFailures: [] }
    texts.push(...(await rendered('faults-2', await runOnce(faulty, ws), dir)))
    secrets.push(...signatures(faulty))

    const expired = await sandbox({ processingMs: 30, faults: { expireUploadUrls: true } })
    secrets.push(...keySecrets(expired.keys.privateKeyPem))
    const expiredRun = await runOnce(expired, ws, { inputs: { locales: 'de-DE' } })
    expect(expiredRun.counts.failed).toBeGreaterThan(0)
    texts.push(...(await rendered('expired', expiredRun, dir)))
    secrets.push(...signatures(expired))

    const { privateKey } = await generateKeyPair('ES256', { extractable: true })
    const stranger = await exportPKCS8(privateKey)
    secrets.push(...keySecrets(stranger))
    const rejected = await runOnce(expired, ws, { key: { issuerId: expired.keys.issuerId, keyId: 'ZZZZZZZZZZ', privateKeyPem: stranger } })
    expect(rejected.error?.message).toMatch(/401 NOT_AUTHORIZED/)
    texts.push(...(await rendered('rejected', rejected, dir)))

    const poor = await sandbox({ processingMs: 30, hourlyRequestLimit: 12 })
    secrets.push(...keySecrets(poor.keys.privateKeyPem))
    const budget = await runOnce(poor, ws)
    expect(budget.error?.message).toMatch(/hourly App Store Connect requests left/)
    texts.push(...(await rendered('budget', budget, dir)))

    expect(signatures(faulty).length).toBeGreaterThan(5)
    expect(texts.filter(t => t.text.length > 0).length).toBeGreaterThan(20)
    expect(findLeaks(texts, secrets)).toEqual([])
  })

  const children: [string, string][] = [
    ['the bundle (dist/index.js)', path.join(ROOT, 'dist/index.js')],
    ['the sources (tsx)', path.join(ROOT, '__tests__/reliability/run-child.ts')]
  ]
  for (const [label, script] of children) {
    const test = existsSync(script) ? it : it.skip
    test(`${label} with ACTIONS_STEP_DEBUG and RUNNER_DEBUG: stdout, stderr, outputs, summary and report`, async () => {
      const sb = await sandbox({ processingMs: 30, randomSeed: 4, faults: { api5xxRate: 0.1, lostResponseRate: 0.1, uploadResetRate: 0.2, processingFailures: ['2.png'] } })
      const texts: Text[] = []
      const runs: { code: number | null; stdout: string }[] = []
      for (const [name, extra] of [
        ['run-1', {}],
        ['run-2', { 'INPUT_WAIT-FOR-PROCESSING': 'false' }],
        ['bad-key', { 'INPUT_KEY-ID': 'ZZZZZZZZZZ' }]
      ] as const) {
        const { env, files, dir: runnerDir } = await actionEnv(sb, ws, { ACTIONS_STEP_DEBUG: 'true', RUNNER_DEBUG: '1', ...extra })
        const out = await startChild(script, env).done
        runs.push(out)
        texts.push({ source: `${name}/stdout`, text: out.stdout }, { source: `${name}/stderr`, text: out.stderr })
        for (const [k, f] of Object.entries(files)) texts.push({ source: `${name}/${k}`, text: await readFile(f, 'utf8').catch(() => '') })
        await rm(runnerDir, { recursive: true, force: true })
      }
      // Debug output really was on, and the runs really did things worth leaking.
      expect(runs[0].stdout).toMatch(/^::debug::/m)
      expect(runs[0].stdout).toMatch(/^::add-mask::/m)
      expect(runs[2].code).toBe(1)
      const secrets = [...keySecrets(sb.keys.privateKeyPem), ...signatures(sb)]
      expect(signatures(sb).length).toBeGreaterThan(5)
      expect(findLeaks(texts, secrets)).toEqual([])
    }, 60_000)
  }

  it('the scan itself finds each kind of secret', () => {
    const pem = '-----BEGIN PRIVATE KEY-----\nMIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQg\n-----END PRIVATE KEY-----'
    const texts = [
      { source: 'a', text: 'ok\nkey line MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQg here' },
      { source: 'b', text: 'Bearer eyJhbGciOiJFUzI1NiJ9.eyJhdWQiOiJ4In0.c2lnbmF0dXJl' },
      { source: 'c', text: 'PUT http://h/upload/1/1?Signature=0123456789abcdef0123' },
      { source: 'd', text: '::add-mask::MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQg' }
    ]
    expect(findLeaks(texts, [...keySecrets(pem), '0123456789abcdef0123'])).toEqual(['a:2: secret MIGHAgEA…', 'b:1: JWT eyJhbGciOiJF…', 'c:1: secret 01234567…'])
  })
})
