/**
 * The command line: the action's engine in a terminal. Flags are the action's inputs (kebab-case),
 * credentials come from ASC_* variables, and the same parseSettings and deliverMedia run, so a plan
 * made here is the plan the action makes.
 */
import { generateKeyPairSync } from 'node:crypto'
import { existsSync, readFileSync } from 'node:fs'
import { mkdir, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { AppleApiError } from '../asc/api-error.js'
import { OutcomeUnknownError, RetriesExhaustedError } from '../asc/http.js'
import { ActionError, InputError, ProcessingError, ResolveError, TimeoutError, ValidationError, formatProblem, type Problem } from '../errors.js'
import type { ReportEntry } from '../model.js'
import { deliverMedia, describePlan, newResult, readDesired, type RunResult } from '../pipeline.js'
import { allEntries, countEntries, type Counts } from '../report/entries.js'
import { consoleLogger, type Logger } from '../report/logger.js'
import { redact, registerSecret } from '../report/redact.js'
import { buildReport, writeReport } from '../report/report-file.js'
import { formatBytes, formatSeconds, renderSummary } from '../report/summary.js'
import { parseSettings, type RawSettings, type Settings } from '../settings/settings.js'
import { initMapping } from './init.js'
import { Progress, type ProgressStream } from './progress.js'

export const EXIT = {
  /** Everything asked for was done (or, for validate/plan, the input is valid). */
  OK: 0,
  /** Some files could not be delivered (Apple rejected them); a new run retries them. */
  DELIVERY_FAILED: 1,
  /** Invalid flags, mapping file or media files: nothing was sent to App Store Connect. */
  INVALID: 2,
  /** App Store Connect refused (authentication, permissions, app or version not found) or could not be reached. */
  API: 3,
  /** A wait ran out: processing-timeout, or the key's hourly request budget. */
  TIMEOUT: 4
} as const

export const COMMANDS = ['validate', 'plan', 'upload', 'init', 'help'] as const
type Command = (typeof COMMANDS)[number]

export const HELP = `app-store-media — deliver App Store screenshots and app previews from a mapping file.

Usage:
  app-store-media validate [flags]   check the mapping and the files locally (no credentials, no network)
  app-store-media plan     [flags]   show what an upload would change (a dry run against App Store Connect)
  app-store-media upload   [flags]   upload, delete and reorder so App Store Connect matches the mapping
  app-store-media init     [dir]     write a starter mapping file from fastlane's screenshots/<locale>/*.png
  app-store-media help               this text

Flags (the action's inputs):
  --app-id ID                 the app's Apple ID (numeric); or
  --bundle-id ID              the app's bundle identifier
  --platform P                IOS (default), MAC_OS, TV_OS or VISION_OS
  --version V                 the App Store version to update (default: the one editable version)
  --mapping FILE              mapping file (default app-store-assets.yml)
  --mode M                    sync (default), append or replace
  --locales a,b               only these locales (default: every locale the mapping finds)
  --dry-run                   with upload: same as plan
  --wait-for-processing B     true (default) or false
  --processing-timeout T      e.g. 15m (default), 900s, 1h
  --concurrency N             API calls in flight, and as many upload parts, 1–64 (default 8)
  --api-base-url URL          App Store Connect API (change only for the sandbox)
  --report-path FILE          where to write the JSON report (default: a file in the temp folder)
  --on-empty-glob W           error (default) or warn
  --media-api A               sets (default) or library (the App Asset Library)
  --workspace DIR             paths are relative to DIR (default: the current folder)
  --summary-path FILE         also write the HTML summary (the action's job summary) to FILE
  --json                      print the JSON report on stdout (logs stay on stderr)
  --verbose                   debug lines (retries, requests)

Init flags:
  --output FILE               mapping file to write (default app-store-assets.yml)
  --force                     overwrite it if it exists

Credentials (plan and upload), from the environment or flags:
  ASC_KEY_ID          --key-id             the 10-character key id (AuthKey_<KEY ID>.p8)
  ASC_ISSUER_ID       --issuer-id          the issuer id of a team key (omit for an individual key)
  ASC_PRIVATE_KEY                          the .p8 text (or its base64)
  ASC_PRIVATE_KEY_PATH --private-key-path  the .p8 file; default: AuthKey_<KEY ID>.p8 in ., ./private_keys,
                                           ~/private_keys, ~/.private_keys or ~/.appstoreconnect/private_keys

Exit codes:
  ${EXIT.OK}  success (validate/plan: the input is valid)
  ${EXIT.DELIVERY_FAILED}  some files could not be delivered (Apple's reasons are listed); run again to retry them
  ${EXIT.INVALID}  invalid flags, mapping or media files: nothing was changed
  ${EXIT.API}  App Store Connect refused or could not be reached (key, role, app, version)
  ${EXIT.TIMEOUT}  processing-timeout ran out, or the key's hourly request budget is spent
`

export interface CliStream extends ProgressStream {
  write(text: string): unknown
}

export interface CliIO {
  stdout: CliStream
  stderr: CliStream
  env: NodeJS.ProcessEnv
  cwd: string
  /** Tests: poll App Store Connect sooner than a real run does. */
  pollInitialDelayMs?: number
}

export const OPTIONS = {
  'issuer-id': { type: 'string' },
  'key-id': { type: 'string' },
  'private-key-path': { type: 'string' },
  'app-id': { type: 'string' },
  'bundle-id': { type: 'string' },
  platform: { type: 'string' },
  version: { type: 'string' },
  mapping: { type: 'string' },
  mode: { type: 'string' },
  'dry-run': { type: 'boolean' },
  'wait-for-processing': { type: 'string' },
  'processing-timeout': { type: 'string' },
  concurrency: { type: 'string' },
  locales: { type: 'string' },
  'api-base-url': { type: 'string' },
  'report-path': { type: 'string' },
  'on-empty-glob': { type: 'string' },
  'media-api': { type: 'string' },
  workspace: { type: 'string' },
  'summary-path': { type: 'string' },
  output: { type: 'string' },
  force: { type: 'boolean' },
  json: { type: 'boolean' },
  verbose: { type: 'boolean', short: 'v' },
  help: { type: 'boolean', short: 'h' }
} as const

/** Action inputs the flags pass straight to parseSettings. */
const PASS_THROUGH = ['issuer-id', 'key-id', 'app-id', 'bundle-id', 'platform', 'version', 'mapping', 'mode', 'wait-for-processing', 'processing-timeout', 'concurrency', 'locales', 'api-base-url', 'report-path', 'on-empty-glob', 'media-api'] as const

type Values = ReturnType<typeof parse>['values']

function parse(argv: string[]) {
  return parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true })
}

/** Runs one command; returns the exit code (see EXIT). Never throws. */
export async function runCli(argv: string[], io: CliIO): Promise<number> {
  let parsed: ReturnType<typeof parse>
  try {
    parsed = parse(argv)
  } catch (e) {
    io.stderr.write(`app-store-media: ${(e as Error).message}\nRun \`app-store-media help\` for the flags.\n`)
    return EXIT.INVALID
  }
  const { values, positionals } = parsed
  const command = (positionals[0] ?? 'help') as Command
  if (values.help || command === 'help') {
    io.stdout.write(HELP)
    return EXIT.OK
  }
  if (!COMMANDS.includes(command)) {
    io.stderr.write(`app-store-media: unknown command "${command}"; use one of ${COMMANDS.join(', ')}.\n`)
    return EXIT.INVALID
  }
  const workspace = path.resolve(io.cwd, values.workspace ?? '.')
  try {
    if (command === 'init') return await init(values, positionals[1], workspace, io)
    if (command === 'validate') return await validate(values, workspace, io)
    return await deliver(command === 'plan' || values['dry-run'] === true, values, workspace, io)
  } catch (e) {
    io.stderr.write(`error: ${redact(e instanceof Error ? e.message : String(e))}\n`)
    return exitCodeFor(e)
  }
}

export function exitCodeFor(error: unknown): number {
  if (error instanceof TimeoutError) return EXIT.TIMEOUT
  if (error instanceof InputError || error instanceof ValidationError) return EXIT.INVALID
  if (error instanceof AppleApiError || error instanceof ResolveError || error instanceof RetriesExhaustedError || error instanceof OutcomeUnknownError) return EXIT.API
  if (error instanceof ProcessingError) return EXIT.DELIVERY_FAILED
  if (error instanceof ActionError) return EXIT.INVALID
  return EXIT.DELIVERY_FAILED
}

function rawSettings(values: Values, io: CliIO, dryRun: boolean): RawSettings {
  const raw: RawSettings = {}
  for (const name of PASS_THROUGH) raw[name] = values[name]
  raw['issuer-id'] ??= io.env.ASC_ISSUER_ID
  raw['key-id'] ??= io.env.ASC_KEY_ID
  raw['dry-run'] = String(dryRun)
  return raw
}

function privateKey(values: Values, io: CliIO, keyId: string | undefined): string | undefined {
  const file = values['private-key-path'] ?? io.env.ASC_PRIVATE_KEY_PATH
  if (file) {
    const resolved = path.resolve(io.cwd, file.replace(/^~(?=$|\/)/, os.homedir()))
    try {
      return readFileSync(resolved, 'utf8')
    } catch (e) {
      throw new InputError('private-key-path', `cannot read ${resolved}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}.`)
    }
  }
  if (io.env.ASC_PRIVATE_KEY) return io.env.ASC_PRIVATE_KEY
  if (!keyId) return undefined
  // Where Apple's own tools (altool, notarytool) look for AuthKey_<KEY ID>.p8.
  const home = os.homedir()
  const dirs = [io.cwd, path.join(io.cwd, 'private_keys'), path.join(home, 'private_keys'), path.join(home, '.private_keys'), path.join(home, '.appstoreconnect/private_keys')]
  for (const d of dirs) {
    const f = path.join(d, `AuthKey_${keyId}.p8`)
    if (existsSync(f)) return readFileSync(f, 'utf8')
  }
  return undefined
}

function settingsFor(values: Values, workspace: string, io: CliIO, dryRun: boolean): Settings {
  const raw = rawSettings(values, io, dryRun)
  const pem = privateKey(values, io, raw['key-id'])
  if (pem) registerSecret(pem.trim())
  if (!raw['key-id']) throw new InputError('key-id', 'is required: set ASC_KEY_ID (or --key-id) to the 10-character key id of an App Store Connect API key.')
  if (!pem) throw new InputError('private-key', 'is required: set ASC_PRIVATE_KEY to the .p8 text or ASC_PRIVATE_KEY_PATH (or --private-key-path) to the file.')
  raw['private-key'] = pem
  return parseSettings(raw, { workspace, ref: io.env.GITHUB_REF, tempDir: os.tmpdir() })
}

/** validate needs no credentials: a throwaway key and app fill the settings the local stage does not read. */
function localSettings(values: Values, workspace: string, io: CliIO): Settings {
  const raw = rawSettings(values, io, true)
  raw['key-id'] = 'LOCALONLY0'
  raw['issuer-id'] = undefined
  raw['private-key'] = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString()
  if (!raw['app-id'] && !raw['bundle-id']) raw['bundle-id'] = 'validate.local'
  return parseSettings(raw, { workspace, ref: io.env.GITHUB_REF, tempDir: os.tmpdir() })
}

function cliLogger(io: CliIO, verbose: boolean, progress?: Progress): Logger {
  return consoleLogger({ verbose, write: line => (progress ? progress.log(line) : io.stderr.write(`${line}\n`)) })
}

async function validate(values: Values, workspace: string, io: CliIO): Promise<number> {
  const settings = localSettings(values, workspace, io)
  const log = cliLogger(io, values.verbose === true)
  const result = newResult(settings)
  try {
    const desired = await readDesired(settings, log, result)
    const sets = desired.map(s => ({ kind: s.kind, platform: s.platform, locale: s.locale, setType: s.setType, files: s.files.map(f => f.displayPath) }))
    if (values.json) io.stdout.write(`${JSON.stringify({ valid: true, mapping: settings.mappingPath, sets, warnings: result.warnings }, null, 2)}\n`)
    else {
      for (const s of sets) io.stdout.write(`${s.locale} ${s.setType}: ${s.files.length} file(s)\n`)
      io.stdout.write(`✓ ${path.relative(workspace, settings.mappingPath) || settings.mappingPath} is valid: ${sets.reduce((n, s) => n + s.files.length, 0)} files in ${sets.length} sets.\n`)
    }
    return EXIT.OK
  } catch (e) {
    if (!(e instanceof ValidationError)) throw e
    if (values.json) io.stdout.write(`${JSON.stringify({ valid: false, mapping: settings.mappingPath, problems: e.problems, warnings: result.warnings }, null, 2)}\n`)
    else printProblems(io, e.problems)
    return EXIT.INVALID
  }
}

function printProblems(io: CliIO, problems: Problem[]): void {
  io.stderr.write(`${problems.length} problem(s); nothing was changed:\n`)
  for (const p of problems) io.stderr.write(`  ${redact(formatProblem(p))}\n`)
}

async function deliver(dryRun: boolean, values: Values, workspace: string, io: CliIO): Promise<number> {
  const settings = settingsFor(values, workspace, io, dryRun)
  const progress = dryRun ? undefined : new Progress(io.stderr)
  const log = cliLogger(io, values.verbose === true, progress)
  const result = newResult(settings)
  const startProgress = () => {
    if (!progress || progress.started || !result.plans.length) return
    const active = result.plans.filter(p => p.upload.length || p.delete.length || p.reorder)
    progress.start({ files: active.reduce((n, p) => n + p.upload.length, 0), bytes: active.reduce((n, p) => n + p.upload.reduce((b, l) => b + l.size, 0), 0) })
  }
  // The bar starts once the plan is known: at the first group after planning, or the first event.
  const logWithProgress: Logger = {
    ...log,
    group: (name, fn) => {
      startProgress()
      return log.group(name, fn)
    }
  }
  let failure: unknown
  try {
    await deliverMedia(settings, {
      log: logWithProgress,
      pollInitialDelayMs: io.pollInitialDelayMs,
      onProgress: e => {
        startProgress()
        progress?.event(e)
      }
    }, result)
  } catch (e) {
    failure = e
  } finally {
    progress?.done()
  }
  const entries = allEntries(result)
  const counts = countEntries(entries, result.runs)
  const message = failure === undefined ? undefined : redact(failure instanceof Error ? failure.message : String(failure))
  const problems = failure instanceof ValidationError ? failure.problems : []
  await writeReport(settings.reportPath, buildReport(result, entries, counts, message))
  if (values['summary-path']) {
    const file = path.resolve(workspace, values['summary-path'])
    await mkdir(path.dirname(file), { recursive: true })
    await writeFile(file, renderSummary({ result, entries, counts, error: message, problems, reportPath: settings.reportPath }))
  }
  if (values.json) io.stdout.write(`${redact(JSON.stringify(buildReport(result, entries, counts, message), null, 2))}\n`)
  else printOutcome(io, result, entries, counts, settings.reportPath)
  if (failure !== undefined) {
    if (problems.length) printProblems(io, problems)
    else io.stderr.write(`error: ${message}\n`)
    return exitCodeFor(failure)
  }
  if (counts.failed) {
    const failed = entries.filter(e => e.errors?.length)
    return failed.every(e => e.errors?.every(x => /processing-timeout/.test(x.description))) ? EXIT.TIMEOUT : EXIT.DELIVERY_FAILED
  }
  return EXIT.OK
}

function printOutcome(io: CliIO, result: RunResult, entries: ReportEntry[], counts: Counts, reportPath: string): void {
  const out = (s: string) => io.stdout.write(`${redact(s)}\n`)
  if (result.version) out(`${result.app?.name ?? result.app?.id} · ${result.version.platform} ${result.version.versionString} (${result.version.state}) · mode ${result.mode}`)
  if (result.dryRun) {
    for (const p of result.plans) out(`  ${describePlan(p)}`)
    const upload = result.plans.reduce((n, p) => n + p.upload.length, 0)
    const del = result.plans.reduce((n, p) => n + p.delete.length, 0)
    const reorder = result.plans.filter(p => p.reorder).length
    const bytes = result.plans.reduce((n, p) => n + p.upload.reduce((b, l) => b + l.size, 0), 0)
    out(upload || del || reorder ? `Plan: upload ${upload} (${formatBytes(bytes)}), delete ${del}, reorder ${reorder} sets. Nothing was changed.` : 'Plan: nothing to change.')
  } else if (result.plans.length) {
    const secs = result.finishedAt ? formatSeconds((result.finishedAt - result.startedAt) / 1000) : ''
    out(`Uploaded ${counts.uploaded} (${formatBytes(counts.bytes)}), kept ${counts.skipped}, deleted ${counts.deleted}, reordered ${counts.reordered} sets, failed ${counts.failed}${secs ? ` in ${secs}` : ''}.`)
    for (const e of entries.filter(x => x.errors?.length)) out(`  failed ${e.file}: ${e.errors?.map(x => x.description).join('; ')}`)
  }
  out(`Report: ${reportPath}`)
}

async function init(values: Values, dir: string | undefined, workspace: string, io: CliIO): Promise<number> {
  const r = await initMapping({ workspace, dir, output: values.output ?? values.mapping, force: values.force === true })
  if (values.json) {
    io.stdout.write(`${JSON.stringify({ output: r.output, entries: r.entries, files: r.files, locales: r.locales, ambiguous: r.ambiguous, skipped: r.skipped }, null, 2)}\n`)
    return EXIT.OK
  }
  const shown = path.relative(io.cwd, r.output) || r.output
  io.stdout.write(`Wrote ${shown}: ${r.entries} entries for ${r.files} screenshots in ${r.locales.length} locales.\n`)
  for (const a of r.ambiguous) io.stdout.write(`  choose the display type of ${a.files}: ${a.choices.join(' or ')} (marked TODO)\n`)
  for (const s of r.skipped) io.stdout.write(`  skipped ${s.file}: ${s.reason}\n`)
  io.stdout.write(`Next: review ${shown}, then run \`app-store-media validate\`.\n`)
  return EXIT.OK
}
