/**
 * The sandbox in its own process, so its memory (it stores every uploaded part and hashes them at
 * commit) never counts against the action's RSS. Started by bench/run.ts with `tsx`:
 *
 *   tsx bench/sandbox-child.ts '{"apiLatencyMs":40,...,"extraLocales":["fr-FR"]}'
 *
 * Prints one JSON line `{ url, uploadUrl, keys }` when listening, then answers JSON-line commands
 * on stdin, one JSON line each on stdout:
 *   {"cmd":"log"}                    → { requests: RequestRecord[] } and clears the log
 *   {"cmd":"sets","locales":[...]}   → { sets: { "<locale> <setType>": ["1.png:COMPLETE", ...] } }
 *   {"cmd":"faults","faults":{...}}  → { ok: true }  (api429Rate, api5xxRate, ...)
 *   {"cmd":"options","options":{...}}→ { ok: true }  (apiLatencyMs, processingMs, ...)
 *   {"cmd":"rss"}                    → { rss, maxRss } of this process, in bytes
 *   {"cmd":"cpu"}                    → { cpuMs }: CPU time (user + system) this process has used
 *   {"cmd":"close"}                  → closes and exits
 */
import { createInterface } from 'node:readline'
import { defaultSeed, startSandbox, type SandboxOptions, type SeedData } from '../src/sandbox/index.js'

export interface ChildOptions extends Omit<SandboxOptions, 'seed' | 'clock' | 'faults'> {
  /** Localizations added to iOS version 1.2.0 of the default app (W5 needs ten). */
  extraLocales?: string[]
}

function seedWith(extra: string[]): SeedData {
  const seed = defaultSeed()
  const version = seed.apps[0]?.appStoreVersions.find(v => v.platform === 'IOS' && v.versionString === '1.2.0')
  if (!version) throw new Error('default seed changed: no iOS 1.2.0')
  extra.forEach((locale, i) => {
    if (version.localizations.some(l => l.locale === locale)) return
    version.localizations.push({ id: `b0b0b0b0-0120-4000-8000-${String(i + 1).padStart(12, '0')}`, locale })
  })
  return seed
}

const options = JSON.parse(process.argv[2] ?? '{}') as ChildOptions
const { extraLocales = [], ...rest } = options
const sandbox = await startSandbox({ ...rest, seed: seedWith(extraLocales) })
const send = (value: unknown): void => void process.stdout.write(`${JSON.stringify(value)}\n`)
send({ url: sandbox.url, uploadUrl: sandbox.uploadUrl, keys: sandbox.keys })

const lines = createInterface({ input: process.stdin })
for await (const line of lines) {
  if (!line.trim()) continue
  const msg = JSON.parse(line) as { cmd: string; locales?: string[]; faults?: Record<string, unknown>; options?: Record<string, unknown> }
  switch (msg.cmd) {
    case 'log': {
      send({ requests: sandbox.requests.map(r => ({ at: r.at, method: r.method, path: r.path, status: r.status, host: r.host, bodyBytes: r.bodyBytes, durationMs: Math.round(r.durationMs) })) })
      sandbox.resetLog()
      break
    }
    case 'sets': {
      const version = sandbox.store.findVersion('1234567890', 'IOS', '1.2.0')
      const out: Record<string, string[]> = {}
      for (const locale of msg.locales ?? []) {
        const loc = version && sandbox.store.findLocalization(version.id, locale)
        for (const set of loc ? sandbox.store.listSets(loc.id) : []) out[`${locale} ${set.setType}`] = set.items.map(i => `${i.fileName}:${i.state}`)
      }
      send({ sets: out })
      break
    }
    case 'faults':
      sandbox.setOptions({ faults: msg.faults as SandboxOptions['faults'] })
      send({ ok: true })
      break
    case 'options':
      sandbox.setOptions(msg.options as Partial<SandboxOptions>)
      send({ ok: true })
      break
    case 'cpu': {
      const { user, system } = process.cpuUsage()
      send({ cpuMs: (user + system) / 1000 })
      break
    }
    case 'rss':
      send({ rss: process.memoryUsage().rss, maxRss: process.resourceUsage().maxRSS * 1024 })
      break
    case 'close':
      await sandbox.close()
      send({ ok: true })
      process.exit(0)
      break
    default:
      send({ error: `unknown command ${msg.cmd}` })
  }
}
await sandbox.close()
