/**
 * The command line end to end against the sandbox: validate (no credentials), plan, upload, init,
 * exit codes and --json. Runs runCli in process with captured streams and ASC_* variables.
 */
import { readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { readFileSync } from 'node:fs'
import { parse } from 'yaml'
import { EXIT, HELP, OPTIONS, runCli, type CliIO } from '../../src/cli/main.js'
import { startSandbox, type Sandbox } from '../../src/sandbox/index.js'
import { IPAD, IPHONE, setContents, tempWorkspace, writeMapping, writePng, writes } from '../e2e/harness.js'

const MAPPING = `screenshots:
  - files: "shots/{locale}/iphone/*.png"
    display-type: APP_IPHONE_67
  - files: "shots/{locale}/ipad/*.png"
    display-type: APP_IPAD_PRO_3GEN_129
`

interface Run {
  code: number
  stdout: string
  stderr: string
}

function io(cwd: string, env: NodeJS.ProcessEnv = {}, tty = false): CliIO & { out: string[]; err: string[] } {
  const out: string[] = []
  const err: string[] = []
  return {
    out,
    err,
    stdout: { write: (t: string) => out.push(t), isTTY: tty },
    stderr: { write: (t: string) => err.push(t), isTTY: tty, columns: 200 },
    env,
    cwd,
    pollInitialDelayMs: 60
  }
}

async function cli(args: string[], cwd: string, env: NodeJS.ProcessEnv = {}, tty = false): Promise<Run> {
  const streams = io(cwd, env, tty)
  const code = await runCli(args, streams)
  return { code, stdout: streams.out.join(''), stderr: streams.err.join('') }
}

async function workspace(): Promise<string> {
  const ws = await tempWorkspace()
  await writeMapping(ws, MAPPING)
  let seed = 1
  for (const locale of ['en-US', 'de-DE']) {
    for (const n of [1, 2]) await writePng(ws, `shots/${locale}/iphone/${n}.png`, IPHONE[0], IPHONE[1], seed++)
    await writePng(ws, `shots/${locale}/ipad/1.png`, IPAD[0], IPAD[1], seed++)
  }
  return ws
}

describe('help and arguments', () => {
  it('documents the commands, flags and exit codes', async () => {
    const r = await cli(['--help'], '/')
    expect(r.code).toBe(EXIT.OK)
    expect(r.stdout).toBe(HELP)
    for (const word of ['validate', 'plan', 'upload', 'init', '--bundle-id', '--locales', 'ASC_PRIVATE_KEY_PATH', 'Exit codes']) expect(r.stdout).toContain(word)
  })

  it('has a flag for every action input (the private key comes from the environment)', () => {
    const action = parse(readFileSync(new URL('../../action.yml', import.meta.url), 'utf8')) as { inputs: Record<string, unknown> }
    const missing = Object.keys(action.inputs).filter(name => name !== 'private-key' && !(name in OPTIONS))
    expect(missing).toEqual([])
    for (const name of Object.keys(action.inputs)) if (name !== 'private-key') expect(HELP).toContain(`--${name}`)
  })

  it('rejects unknown flags and commands with exit 2', async () => {
    expect((await cli(['plan', '--bogus'], '/')).code).toBe(EXIT.INVALID)
    const r = await cli(['deploy'], '/')
    expect(r.code).toBe(EXIT.INVALID)
    expect(r.stderr).toContain('unknown command "deploy"')
  })
})

describe('validate', () => {
  it('checks the mapping and files with no credentials and no network', async () => {
    const ws = await workspace()
    const r = await cli(['validate', '--workspace', ws], '/', {})
    expect(r.code).toBe(EXIT.OK)
    expect(r.stdout).toContain('app-store-assets.yml is valid: 6 files in 4 sets.')
  })

  it('reports problems with line and column, exit 2; --json lists them', async () => {
    const ws = await workspace()
    await writeMapping(ws, MAPPING.replace('APP_IPHONE_67', 'APP_IPHONE_99'))
    const r = await cli(['validate'], ws)
    expect(r.code).toBe(EXIT.INVALID)
    expect(r.stderr).toMatch(/app-store-assets\.yml:3:\d+: .*APP_IPHONE_99/)
    const j = await cli(['validate', '--json'], ws)
    expect(j.code).toBe(EXIT.INVALID)
    const parsed = JSON.parse(j.stdout) as { valid: boolean; problems: { line: number; category: string }[] }
    expect(parsed.valid).toBe(false)
    expect(parsed.problems[0]).toMatchObject({ line: 3, category: 'mapping' })
  })

  it('reports a wrong pixel size against the asset file', async () => {
    const ws = await workspace()
    await writePng(ws, 'shots/en-US/iphone/3.png', 100, 200, 9)
    const r = await cli(['validate', '--json'], ws)
    expect(r.code).toBe(EXIT.INVALID)
    const parsed = JSON.parse(r.stdout) as { problems: { file: string }[] }
    expect(parsed.problems.map(p => p.file)).toContain('shots/en-US/iphone/3.png')
  })
})

describe('plan and upload against the sandbox', () => {
  let sandbox: Sandbox
  let env: NodeJS.ProcessEnv
  let keyFile: string
  let ws: string

  beforeEach(async () => {
    sandbox = await startSandbox({ processingMs: 40 })
    ws = await workspace()
    keyFile = path.join(ws, 'AuthKey.p8')
    await writeFile(keyFile, sandbox.keys.privateKeyPem)
    env = { ASC_ISSUER_ID: sandbox.keys.issuerId, ASC_KEY_ID: sandbox.keys.keyId, ASC_PRIVATE_KEY_PATH: keyFile }
  })
  afterEach(async () => {
    await sandbox.close()
  })

  const flags = () => ['--bundle-id', 'com.example.aurora', '--version', '1.2.0', '--api-base-url', sandbox.url, '--report-path', path.join(ws, 'report.json')]

  it('plan changes nothing and prints what an upload would do; --json prints the report', async () => {
    const r = await cli(['plan', ...flags(), '--summary-path', 'plan.html'], ws, env)
    expect(r.code).toBe(EXIT.OK)
    expect(r.stdout).toContain('en-US APP_IPHONE_67: upload 2')
    expect(r.stdout).toContain('Plan: upload 6')
    expect(writes(sandbox)).toBe(0)
    expect(await readFile(path.join(ws, 'plan.html'), 'utf8')).toContain('A release would upload <b>6</b>')
    const j = await cli(['plan', ...flags(), '--json'], ws, env)
    const report = JSON.parse(j.stdout) as { dryRun: boolean; entries: { action: string; state: string }[] }
    expect(report.dryRun).toBe(true)
    expect(report.entries.filter(e => e.action === 'upload' && e.state === 'PLANNED')).toHaveLength(6)
  })

  it('upload delivers with plain progress lines, then a second upload keeps everything', async () => {
    const r = await cli(['upload', ...flags()], ws, env)
    expect(r.code).toBe(EXIT.OK)
    expect(r.stdout).toContain('Uploaded 6')
    expect(r.stderr).toMatch(/uploaded shots\/.+\.png \([\d.]+ KiB\) · \d\/6 files · .* of .* · .*\/s/)
    expect(setContents(sandbox, 'en-US', 'APP_IPHONE_67')).toEqual(['1.png:COMPLETE', '2.png:COMPLETE'])
    const again = await cli(['upload', ...flags(), '--json'], ws, env)
    expect(again.code).toBe(EXIT.OK)
    expect((JSON.parse(again.stdout) as { counts: { skipped: number; uploaded: number } }).counts).toMatchObject({ skipped: 6, uploaded: 0 })
  })

  it('draws a single updating progress bar on a terminal', async () => {
    const r = await cli(['upload', ...flags(), '--locales', 'en-US'], ws, env, true)
    expect(r.code).toBe(EXIT.OK)
    expect(r.stderr).toContain('\r\x1b[2K')
    expect(r.stderr).toMatch(/█+ 100% 3\/3 files · .* of .* · .*\/s/)
    expect(r.stderr).not.toMatch(/^uploaded /m)
  })

  it('reads the private key from ASC_PRIVATE_KEY and exits 3 when App Store Connect refuses the key', async () => {
    const wrong = { ASC_ISSUER_ID: sandbox.keys.issuerId, ASC_KEY_ID: 'ABCDE12345', ASC_PRIVATE_KEY: sandbox.keys.privateKeyPem }
    const r = await cli(['plan', ...flags()], ws, wrong)
    expect(r.code).toBe(EXIT.API)
    expect(r.stderr).toMatch(/401|NOT_AUTHORIZED/)
    expect(r.stderr).not.toContain('PRIVATE KEY')
  })

  it('exits 2 without credentials, naming the variables', async () => {
    const r = await cli(['plan', ...flags()], ws, {})
    expect(r.code).toBe(EXIT.INVALID)
    expect(r.stderr).toContain('ASC_KEY_ID')
  })

  it('exits 1 when Apple fails to process a file', async () => {
    sandbox.faults.processingFailures = ['1.png']
    const r = await cli(['upload', ...flags(), '--locales', 'de-DE'], ws, env)
    expect(r.code).toBe(EXIT.DELIVERY_FAILED)
    expect(r.stdout).toMatch(/failed shots\/de-DE\/.*1\.png/)
  })
})

describe('init', () => {
  async function fastlaneFolder(): Promise<string> {
    const ws = await tempWorkspace()
    let seed = 1
    for (const locale of ['en-US', 'de-DE']) {
      const dir = `fastlane/screenshots/${locale}`
      for (const n of ['01', '02']) await writePng(ws, `${dir}/iPhone 16 Pro Max-${n}_Home.png`, 1320, 2868, seed++)
      await writePng(ws, `${dir}/iPhone 8 Plus-01_Home.png`, 1242, 2208, seed++)
      await writePng(ws, `${dir}/iPad Pro (12.9-inch) (2nd generation)-01_Home.png`, 2048, 2732, seed++)
    }
    await writePng(ws, 'fastlane/screenshots/en-US/appleTV/1.png', 3840, 2160, seed++)
    await writePng(ws, 'fastlane/screenshots/en-US/odd.png', 100, 100, seed++)
    return ws
  }

  it('writes a mapping from fastlane\'s layout, marking the ambiguous display type', async () => {
    const ws = await fastlaneFolder()
    const r = await cli(['init'], ws)
    expect(r.code).toBe(EXIT.OK)
    expect(r.stdout).toContain('Wrote app-store-assets.yml')
    const text = await readFile(path.join(ws, 'app-store-assets.yml'), 'utf8')
    expect(text.split('\n')[0]).toMatch(/^# yaml-language-server: \$schema=\S+app-store-assets\.schema\.json$/)
    // The schema it points at is written beside the mapping, so editors check the file offline.
    expect(text.split('\n')[0]).toBe('# yaml-language-server: $schema=./app-store-assets.schema.json')
    expect(JSON.parse(await readFile(path.join(ws, 'app-store-assets.schema.json'), 'utf8')).properties.screenshots).toBeDefined()
    expect(text).toContain('- files: "fastlane/screenshots/{locale}/iPhone 16 Pro Max-*.png"\n    display-type: APP_IPHONE_67\n')
    expect(text).toContain('- files: "fastlane/screenshots/{locale}/iPhone 8 Plus-*.png"\n    display-type: APP_IPHONE_55\n')
    expect(text).toContain('# TODO choose: APP_IPAD_PRO_3GEN_129 or APP_IPAD_PRO_129')
    expect(text).toContain('- files: "fastlane/screenshots/{locale}/iPad Pro (12.9-inch) (2nd generation)-*.png"\n    display-type: TODO\n')
    // appleTV/ is fastlane's folder for Apple TV: 3840×2160 is not ambiguous there.
    expect(text).toContain('- files: "fastlane/screenshots/{locale}/appleTV/*.png"\n    display-type: APP_APPLE_TV\n    locales: ["en-US"]\n')
    expect(text).toMatch(/# skipped fastlane\/screenshots\/en-US\/odd\.png: 100×100/)
    expect(r.stdout).toContain('APP_IPAD_PRO_3GEN_129 or APP_IPAD_PRO_129')

    // Validation fails on the placeholder, at its line, until the user chooses.
    const before = await cli(['validate', '--platform', 'IOS'], ws)
    expect(before.code).toBe(EXIT.INVALID)
    const todoLine = text.split('\n').findIndex(l => l.includes('display-type: TODO')) + 1
    expect(before.stderr).toContain(`app-store-assets.yml:${todoLine}:`)
    await writeFile(path.join(ws, 'app-store-assets.yml'), text.replace('display-type: TODO', 'display-type: APP_IPAD_PRO_129'))
    const after = await cli(['validate', '--on-empty-glob', 'warn'], ws)
    expect(after.code).toBe(EXIT.OK)
    expect(after.stdout).toContain('en-US APP_IPHONE_67: 2 file(s)')
    expect(after.stdout).toContain('de-DE APP_IPAD_PRO_129: 1 file(s)')
  })

  it('refuses to overwrite without --force', async () => {
    const ws = await fastlaneFolder()
    await writeFile(path.join(ws, 'app-store-assets.yml'), 'keep me\n')
    const r = await cli(['init', 'fastlane/screenshots'], ws)
    expect(r.code).toBe(EXIT.INVALID)
    expect(r.stderr).toContain('--force')
    expect(await readFile(path.join(ws, 'app-store-assets.yml'), 'utf8')).toBe('keep me\n')
    expect((await cli(['init', 'fastlane/screenshots', '--force'], ws)).code).toBe(EXIT.OK)
  })

  it('uses a folder per locale when one file-name prefix cannot tell display types apart', async () => {
    const ws = await tempWorkspace()
    await writePng(ws, 'screenshots/en-US/1.png', 1320, 2868, 1)
    await writePng(ws, 'screenshots/en-US/2.png', 1242, 2208, 2)
    const r = await cli(['init'], ws)
    expect(r.code).toBe(EXIT.OK)
    const text = await readFile(path.join(ws, 'app-store-assets.yml'), 'utf8')
    expect(text).toContain('no file-name prefix tells them apart')
  })
})
