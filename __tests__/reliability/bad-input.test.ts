/**
 * The bad-input corpus: each case builds a workspace and inputs, runs the action's engine against the
 * sandbox, and asserts the exact message the user sees (the failure message, or the warning) and that
 * App Store Connect received zero writes. Temporary paths are shown as <ws> and <tmp>.
 */
import { appendFile, copyFile, mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { exportPKCS8, generateKeyPair } from 'jose'
import { makePaddedMp4 } from '../../src/media/padded-mp4.js'
import { startSandbox, type Sandbox } from '../../src/sandbox/index.js'
import { IPHONE, writePng } from '../e2e/harness.js'
import { ROOT, runOnce, writes, type Outcome } from './helpers.js'

const MEDIA = path.join(ROOT, '__tests__/fixtures/media')
const BAD = path.join(ROOT, '__tests__/fixtures/bad-input')

const SHOTS = `screenshots:
  - files: "shots/{locale}/*.png"
    display-type: APP_IPHONE_67
`
const PREVIEWS = `previews:
  - files: "previews/{locale}/*.mp4"
    preview-type: IPHONE_67
`

interface Case {
  name: string
  /** The mapping file's text (default: one screenshot entry); null: write none. */
  mapping?: string | null
  mappingName?: string
  /** Builds files; the default is one valid en-US screenshot. */
  files?: (ws: string) => Promise<void>
  inputs?: Record<string, string> | ((sandbox: Sandbox) => Promise<Record<string, string>>)
  /** The exact message (after <ws>/<tmp> substitution), or a pattern anchored on the key phrase. */
  error?: string | RegExp
  /** For cases that warn rather than fail: the exact warning; the run must then do nothing. */
  warning?: string
  /** The feature is not built yet: the case is kept, skipped. */
  skip?: string
}

const png = (rel: string, seed = 1) => (ws: string) => writePng(ws, rel, IPHONE[0], IPHONE[1], seed).then(() => undefined)
const fixture = (from: string, rel: string) => async (ws: string) => {
  await mkdir(path.dirname(path.join(ws, rel)), { recursive: true })
  await copyFile(from, path.join(ws, rel))
}
const bytes = (rel: string, content: Buffer | string) => async (ws: string) => {
  await mkdir(path.dirname(path.join(ws, rel)), { recursive: true })
  await writeFile(path.join(ws, rel), content)
}
const all = (...steps: ((ws: string) => Promise<void>)[]) => async (ws: string) => {
  for (const s of steps) await s(ws)
}
const okShot = png('shots/en-US/1.png')
const preview = (from: string) => fixture(from, 'previews/en-US/p.mp4')

/** A valid 6.9" PNG with one byte of its IDAT data flipped: the CRC check fails. */
async function corruptPng(ws: string): Promise<void> {
  await okShot(ws)
  const file = path.join(ws, 'shots/en-US/1.png')
  const data = await readFile(file)
  const idat = data.indexOf('IDAT')
  data[idat + 10] ^= 0xff
  await writeFile(file, data)
}

async function truncatedPng(ws: string): Promise<void> {
  await okShot(ws)
  const file = path.join(ws, 'shots/en-US/1.png')
  const data = await readFile(file)
  await writeFile(file, data.subarray(0, Math.floor(data.length / 2)))
}

async function outsideSymlink(ws: string): Promise<void> {
  const outside = await mkdtemp(path.join(tmpdir(), 'asc-rel-outside-'))
  await writePng(outside, 'secret.png', IPHONE[0], IPHONE[1], 3)
  await mkdir(path.join(ws, 'shots/en-US'), { recursive: true })
  await symlink(path.join(outside, 'secret.png'), path.join(ws, 'shots/en-US/1.png'))
}

async function strangerKey(sandbox: Sandbox): Promise<Record<string, string>> {
  const { privateKey } = await generateKeyPair('ES256', { extractable: true })
  return { 'issuer-id': sandbox.keys.issuerId, 'key-id': 'ZZZZZZZZZZ', 'private-key': await exportPKCS8(privateKey) }
}

export const CASES: Case[] = [
  // ── The mapping file ──────────────────────────────────────────────────────────────────────────
  {
    name: 'YAML syntax error (file and line)',
    mapping: 'screenshots:\n  - files: "shots/{locale}/*.png\n    display-type: APP_IPHONE_67\n',
    error: "The mapping file has problems (1); nothing was changed on App Store Connect:\n  - app-store-assets.yml:4:1: YAML syntax error: Missing closing \"quote"
  },
  { name: 'JSON mapping with a trailing comma', mappingName: 'assets.json', inputs: { mapping: 'assets.json' }, mapping: '{ "screenshots": [ { "files": "shots/{locale}/*.png", "display-type": "APP_IPHONE_67" }, ] }',
    // The rest of the sentence is V8's own JSON.parse message, which differs between Node versions.
    error: /^The mapping file has problems \(1\); nothing was changed on App Store Connect:\n {2}- assets\.json:1:\d+: invalid JSON: \S/ },
  { name: 'mapping file missing', mapping: null, error: "Mapping file app-store-assets.yml not found in <ws>; create it or set the `mapping` input" },
  { name: 'unknown top-level key', mapping: 'screenshot:\n  - files: "shots/{locale}/*.png"\n    display-type: APP_IPHONE_67\n', error: /^The mapping file has problems \(2\); nothing was changed on App Store Connect:\n {2}- app-store-assets\.yml:1:1: the mapping file: unknown key "screenshot"; allowed keys: \$schema, screenshots, previews, [^\n]+\n {2}- app-store-assets\.yml:1:1: the mapping file has no entries; add at least one of: screenshots, previews[^\n]*$/ },
  { name: 'unknown entry key', mapping: SHOTS + '    display_type: APP_IPHONE_67\n', error: "The mapping file has problems (1); nothing was changed on App Store Connect:\n  - app-store-assets.yml:4:5: screenshots[0]: unknown key \"display_type\"; allowed keys: files, display-type, placement-group, platform, locales" },
  { name: 'unknown display type', mapping: SHOTS.replace('APP_IPHONE_67', 'APP_IPHONE_69'), error: /^The mapping file has problems \(1\); nothing was changed on App Store Connect:\n {2}- app-store-assets\.yml:3:19: screenshots\[0\]\.display-type: "APP_IPHONE_69" is not a display type; accepted: APP_IPHONE_67, / },
  { name: 'unknown preview type', mapping: PREVIEWS.replace('IPHONE_67', 'IPHONE_69'), files: preview(`${MEDIA}/ok-16s.mp4`), error: /^The mapping file has problems \(1\); nothing was changed on App Store Connect:\n {2}- app-store-assets\.yml:3:19: previews\[0\]\.preview-type: "IPHONE_69" is not a preview type; accepted: IPHONE_67, / },
  { name: 'empty mapping', mapping: '{}\n', error: /^The mapping file has problems \(1\); nothing was changed on App Store Connect:\n {2}- app-store-assets\.yml:1:1: the mapping file has no entries; add at least one of: screenshots, previews[^\n]*$/ },
  { name: 'no {locale} and no locales list', mapping: 'screenshots:\n  - files: "shots/en-US/*.png"\n    display-type: APP_IPHONE_67\n', error: "The mapping file has problems (1); nothing was changed on App Store Connect:\n  - app-store-assets.yml:2:12: screenshots[0].files: \"shots/en-US/*.png\" has no {locale} segment, so the entry needs a `locales` list (e.g. locales: [en-US])" },
  { name: '".." in a glob', mapping: SHOTS.replace('shots/{locale}/*.png', 'shots/{locale}/../../*.png'), error: "The mapping file has problems (1); nothing was changed on App Store Connect:\n  - app-store-assets.yml:2:12: screenshots[0].files: \"shots/{locale}/../../*.png\" must stay inside the workspace; remove \"..\" segments" },
  { name: 'absolute glob', mapping: SHOTS.replace('shots/{locale}/*.png', '/etc/{locale}/*.png'), error: "The mapping file has problems (1); nothing was changed on App Store Connect:\n  - app-store-assets.yml:2:12: screenshots[0].files: \"/etc/{locale}/*.png\" must be relative to the workspace, not an absolute path" },
  { name: 'bad frame-time-code', mapping: PREVIEWS + '    frame-time-code: "5s"\n', files: preview(`${MEDIA}/ok-16s.mp4`), error: "The mapping file has problems (1); nothing was changed on App Store Connect:\n  - app-store-assets.yml:4:22: previews[0].frame-time-code: \"5s\" is not a frame time code; expected HH:MM:SS:FF, e.g. \"00:00:05:00\"" },
  { name: 'platform that contradicts the display type', mapping: SHOTS + '    platform: MAC_OS\n', error: "The mapping file has problems (1); nothing was changed on App Store Connect:\n  - app-store-assets.yml:4:15: screenshots[0].platform: APP_IPHONE_67 is a IOS display type, not MAC_OS; remove `platform` or set it to IOS" },
  { name: 'two entries for the same set', mapping: SHOTS + '  - files: "more/{locale}/*.png"\n    display-type: APP_IPHONE_67\n', files: all(okShot, png('more/en-US/1.png', 2)), error: "The mapping or its files have problems (1); nothing was changed on App Store Connect:\n  - app-store-assets.yml:4:5: two entries target APP_IPHONE_67 for en-US: lines 2 and 4" },
  { name: 'glob that matches nothing (on-empty-glob: error, the default)', files: bytes('shots/en-US/readme.txt', 'x'), mapping: SHOTS.replace('*.png', '*.jpeg'), error: "The mapping or its files have problems (1); nothing was changed on App Store Connect:\n  - app-store-assets.yml:2:5: screenshots[0] (line 2): no files match \"shots/en-US/*.jpeg\" for en-US" },
  { name: 'glob that matches nothing (on-empty-glob: warn)', files: bytes('shots/en-US/readme.txt', 'x'), mapping: SHOTS.replace('*.png', '*.jpeg'), inputs: { 'on-empty-glob': 'warn' }, warning: "app-store-assets.yml:2: screenshots[0] (line 2): no files match \"shots/en-US/*.jpeg\" for en-US" },
  { name: 'directory for {locale} missing', mapping: SHOTS.replace('shots/', 'screens/'), error: "The mapping or its files have problems (1); nothing was changed on App Store Connect:\n  - app-store-assets.yml:2:5: screenshots[0] (line 2): directory \"screens\" for {locale} does not exist" },
  { name: 'a locale the version lacks', files: all(okShot, png('shots/fr-FR/1.png', 5)), error: "The mapping names locales the version lacks (1); nothing was changed on App Store Connect:\n  - shots/fr-FR/1.png: locale \"fr-FR\" has files but version 1.2.0 has no fr-FR localization (it has de-DE, en-US, ja). Add the localization in App Store Connect, or rename the folder." },
  { name: 'eleven screenshots for one set', files: all(...Array.from({ length: 11 }, (_, i) => png(`shots/en-US/${i + 1}.png`, i + 1))), error: "The mapping or its files have problems (1); nothing was changed on App Store Connect:\n  - app-store-assets.yml:2:5: 11 screenshots for APP_IPHONE_67 in en-US, but a set holds at most 10 (shots/en-US/1.png, shots/en-US/2.png, shots/en-US/3.png, shots/en-US/4.png, shots/en-US/5.png, shots/en-US/6.png, shots/en-US/7.png, shots/en-US/8.png, shots/en-US/9.png, shots/en-US/10.png, shots/en-US/11.png)." },
  { name: 'locales input naming no entry', inputs: { locales: 'fr-FR' }, warning: "app-store-assets.yml: locale fr-FR from the `locales` input matches no entry of the mapping" },
  // ── Screenshot files ─────────────────────────────────────────────────────────────────────────
  { name: 'extension that lies about the format (JPEG named .png)', files: fixture(`${MEDIA}/really-jpeg.png`, 'shots/en-US/1.png'), error: "The mapping or its files have problems (2); nothing was changed on App Store Connect:\n  - shots/en-US/1.png: is named .png but is really a JPEG file; rename it to .jpg or re-export it as PNG\n  - shots/en-US/1.png: is 320×240; APP_IPHONE_67 accepts 1260×2736, 1290×2796, 1320×2868 (portrait or landscape)" },
  { name: 'PNG with an alpha channel', files: ws => writePng(ws, 'shots/en-US/1.png', IPHONE[0], IPHONE[1], 1, true).then(() => undefined), error: "The mapping or its files have problems (1); nothing was changed on App Store Connect:\n  - shots/en-US/1.png: has an alpha channel (transparency); App Store Connect accepts only opaque images: export it as RGB without alpha (or as JPEG)" },
  { name: 'corrupt PNG (CRC mismatch)', files: corruptPng, error: "The mapping or its files have problems (1); nothing was changed on App Store Connect:\n  - shots/en-US/1.png: is a damaged PNG: the IDAT chunk at byte 33 fails its CRC check" },
  { name: 'truncated PNG', files: truncatedPng, error: "The mapping or its files have problems (1); nothing was changed on App Store Connect:\n  - shots/en-US/1.png: is a truncated PNG: the file ends inside the IDAT chunk (incomplete download or copy?)" },
  { name: 'zero-byte file', files: bytes('shots/en-US/1.png', ''), error: "The mapping or its files have problems (1); nothing was changed on App Store Connect:\n  - shots/en-US/1.png: is empty (0 bytes)" },
  { name: 'text file named .png', files: bytes('shots/en-US/1.png', 'this is not an image\n'), error: "The mapping or its files have problems (1); nothing was changed on App Store Connect:\n  - shots/en-US/1.png: is not a PNG or JPEG image (its first bytes match neither format)" },
  { name: 'GIF named .png', files: bytes('shots/en-US/1.png', Buffer.from('R0lGODlhAQABAIAAAP///wAAACH5BAEAAAAALAAAAAABAAEAAAICRAEAOw==', 'base64')), error: "The mapping or its files have problems (1); nothing was changed on App Store Connect:\n  - shots/en-US/1.png: is a GIF image; only PNG and JPEG are accepted" },
  { name: 'wrong pixel size', files: ws => writePng(ws, 'shots/en-US/1.png', 1000, 1000, 1).then(() => undefined), error: "The mapping or its files have problems (1); nothing was changed on App Store Connect:\n  - shots/en-US/1.png: is 1000×1000; APP_IPHONE_67 accepts 1260×2736, 1290×2796, 1320×2868 (portrait or landscape)" },
  { name: 'a file type screenshots cannot be', mapping: SHOTS.replace('*.png', '*'), files: all(okShot, bytes('shots/en-US/notes.txt', 'x')), error: "The mapping or its files have problems (2); nothing was changed on App Store Connect:\n  - shots/en-US/notes.txt: has extension \".txt\"; screenshots must be .png, .jpg, .jpeg\n  - shots/en-US/notes.txt: is not a PNG or JPEG image (its first bytes match neither format)" },
  {
    name: 'symlink that leaves the workspace',
    files: outsideSymlink,
    error: /^The mapping or its files have problems \(1\); nothing was changed on App Store Connect:\n {2}- shots\/en-US\/1\.png: resolves outside the workspace \(to <tmp>\/asc-rel-outside-\w+\/secret\.png\); only files inside the workspace are uploaded \(matched by screenshots\[0\] \(line 2\) in app-store-assets\.yml\)$/
  },
  // ── Preview files ────────────────────────────────────────────────────────────────────────────
  { name: 'preview too short (10 s)', mapping: PREVIEWS, files: preview(`${MEDIA}/short-10s.mp4`), error: "The mapping or its files have problems (1); nothing was changed on App Store Connect:\n  - previews/en-US/p.mp4: is 10.0 s long; app previews must be 15–30 seconds" },
  { name: 'preview too long (35 s)', mapping: PREVIEWS, files: preview(`${BAD}/long-35s.mp4`), error: "The mapping or its files have problems (1); nothing was changed on App Store Connect:\n  - previews/en-US/p.mp4: is 35.0 s long; app previews must be 15–30 seconds" },
  { name: 'silent preview (no audio track)', mapping: PREVIEWS, files: preview(`${MEDIA}/no-audio.mp4`), error: "The mapping or its files have problems (1); nothing was changed on App Store Connect:\n  - previews/en-US/p.mp4: has no audio track; App Store Connect expects app previews to have one (add a silent stereo AAC track if there is no sound)" },
  { name: 'preview of the wrong resolution', mapping: PREVIEWS, files: preview(`${MEDIA}/wrong-size.mp4`), error: "The mapping or its files have problems (2); nothing was changed on App Store Connect:\n  - previews/en-US/p.mp4: is 1080×1920; IPHONE_67 previews accept 886×1920 (portrait or landscape)\n  - previews/en-US/p.mp4: is 12.0 s long; app previews must be 15–30 seconds" },
  { name: 'preview at 60 fps', mapping: PREVIEWS, files: preview(`${MEDIA}/fps-60.mp4`), error: "The mapping or its files have problems (2); nothing was changed on App Store Connect:\n  - previews/en-US/p.mp4: is 8.0 s long; app previews must be 15–30 seconds\n  - previews/en-US/p.mp4: runs at 60.00 fps; app previews must be 23–30 fps (re-encode at 30 fps)" },
  {
    name: 'preview over 500 MB (sparse)',
    mapping: PREVIEWS,
    files: async ws => {
      await mkdir(path.join(ws, 'previews/en-US'), { recursive: true })
      await makePaddedMp4(`${MEDIA}/ok-16s.mp4`, path.join(ws, 'previews/en-US/p.mp4'), 500 * 1024 * 1024 + 1)
    },
    error: "The mapping or its files have problems (1); nothing was changed on App Store Connect:\n  - previews/en-US/p.mp4: is 524288001 bytes; app previews must be at most 500.0 MB (524288000 bytes)"
  },
  { name: 'text file named .mp4', mapping: PREVIEWS, files: bytes('previews/en-US/p.mp4', 'not a movie at all\n'), error: "The mapping or its files have problems (1); nothing was changed on App Store Connect:\n  - previews/en-US/p.mp4: is not an MP4/MOV video (no ISO media box at the start of the file)" },
  // ── Routing app coverage ─────────────────────────────────────────────────────────────────────
  { name: 'routing coverage file that is not GeoJSON', mapping: 'routing-app-coverage: routing.geojson\n', files: bytes('routing.geojson', '{"type": "Point", "coordinates": [0, 0]}\n'), error: "The mapping or its files have problems (1); nothing was changed on App Store Connect:\n  - routing.geojson: the top level is a Point; routing app coverage takes only Polygon or MultiPolygon regions" },
  // ── Settings and App Store Connect ───────────────────────────────────────────────────────────
  { name: 'private key that is not PEM', inputs: { 'private-key': 'not a key at all' }, error: "Input \"private-key\": is not a PEM private key nor the base64 of one; expected the text of the .p8 file from App Store Connect (-----BEGIN PRIVATE KEY----- …)." },
  { name: 'SEC1 "EC PRIVATE KEY" instead of PKCS#8', inputs: { 'private-key': '-----BEGIN EC PRIVATE KEY-----\nMHcCAQEEIB\n-----END EC PRIVATE KEY-----' }, error: "Input \"private-key\": is a SEC1 \"EC PRIVATE KEY\"; App Store Connect keys are PKCS#8 (\"BEGIN PRIVATE KEY\"). Use the .p8 file as downloaded." },
  { name: 'a key Apple rejects (401)', inputs: strangerKey, error: "App Store Connect rejected GET /v1/apps: 401 NOT_AUTHORIZED: Authentication credentials are missing or invalid. — The key id 'ZZZZZZZZZZ' in the token header is unknown or revoked.\nCheck key-id, issuer-id (omit it for an individual key) and private-key, and that the key has not been revoked." },
  { name: 'issuer id that is not a UUID', inputs: { 'issuer-id': 'my-team' }, error: "Input \"issuer-id\": \"my-team\" is not a UUID; copy the Issuer ID from App Store Connect › Users and Access › Integrations (omit it for an individual key)." },
  { name: 'key id of the wrong shape', inputs: { 'key-id': 'abc' }, error: "Input \"key-id\": \"abc\" is not an App Store Connect key id (10 upper-case letters and digits, as in AuthKey_<KEY ID>.p8)." },
  { name: 'version that is not editable', inputs: { version: '1.1.0' }, error: "IOS version 1.1.0 (READY_FOR_DISTRIBUTION) cannot be changed: its media is editable only in PREPARE_FOR_SUBMISSION, DEVELOPER_REJECTED, REJECTED, METADATA_REJECTED, INVALID_BINARY. Create a new version in App Store Connect, or set the version input." },
  { name: 'version that does not exist', inputs: { version: '9.9.9' }, error: "IOS version 9.9.9 was not found. Versions found: 1.2.0 (PREPARE_FOR_SUBMISSION), 1.1.0 (READY_FOR_DISTRIBUTION). Create it in App Store Connect, or set the version input (a tag such as refs/tags/v1.2.0 gives 1.2.0)." },
  { name: 'unknown bundle id', inputs: { 'bundle-id': 'com.example.nope' }, error: "No app with bundle id \"com.example.nope\" is visible to this API key. Check bundle-id, or pass app-id, and that the key belongs to the app's team." },
  { name: 'app id that is not a number', inputs: { 'app-id': 'aurora' }, error: "Input \"app-id\": \"aurora\" is not an Apple ID; it is the number shown in App Store Connect › App Information (for example 1234567890)." },
  { name: 'unknown mode', inputs: { mode: 'mirror' }, error: "Input \"mode\": \"mirror\" is not accepted; use one of sync, append, replace." },
  { name: 'processing-timeout that is not a duration', inputs: { 'processing-timeout': 'forever' }, error: "Input \"processing-timeout\": \"forever\" is not a duration; use for example 15m, 90s or 1h30m (at most 6h)." },
  { name: 'concurrency out of range', inputs: { concurrency: '0' }, error: "Input \"concurrency\": \"0\" is not accepted; use a whole number from 1 to 64." },
  { name: 'plain http to a non-local API', inputs: { 'api-base-url': 'http://api.example.com' }, error: "Input \"api-base-url\": \"http://api.example.com\" must use https (plain http is allowed only for a local sandbox on 127.0.0.1)." }
]

const DUMP = process.env.DUMP_BAD_INPUT === '1'

describe('bad input: exact message, zero writes', () => {
  let sandbox: Sandbox
  beforeAll(async () => {
    sandbox = await startSandbox()
  })
  afterAll(() => sandbox.close())

  it(`the corpus has at least 30 cases (${CASES.length})`, () => {
    expect(CASES.length).toBeGreaterThanOrEqual(30)
    expect(new Set(CASES.map(c => c.name)).size).toBe(CASES.length)
  })

  for (const c of CASES) {
    const test = c.skip ? it.skip : it
    test(c.name, async () => {
      const ws = await mkdtemp(path.join(tmpdir(), 'asc-rel-bad-'))
      try {
        if (c.mapping !== null) await writeFile(path.join(ws, c.mappingName ?? 'app-store-assets.yml'), c.mapping ?? SHOTS)
        await (c.files ?? okShot)(ws)
        const inputs = typeof c.inputs === 'function' ? await c.inputs(sandbox) : c.inputs
        sandbox.resetLog()
        const run: Outcome = await runOnce(sandbox, ws, { inputs })
        const shown = (t: string | undefined) => t?.split(ws).join('<ws>').split(tmpdir()).join('<tmp>')
        const message = shown(run.error?.message)
        const warnings = (run.result?.warnings ?? []).map(w => shown(`${w.file}${w.line ? `:${w.line}` : ''}: ${w.message}`))
        if (DUMP) await appendFile(process.env.DUMP_FILE as string, JSON.stringify({ name: c.name, message, warnings }) + '\n')
        expect(writes(sandbox)).toBe(0)
        if (c.warning !== undefined) {
          expect(run.error).toBeUndefined()
          expect(warnings).toEqual([c.warning])
          expect(run.counts).toMatchObject({ uploaded: 0, deleted: 0 })
        } else if (typeof c.error === 'string') expect(message).toBe(c.error)
        else expect(message).toMatch(c.error as RegExp)
      } finally {
        await rm(ws, { recursive: true, force: true })
      }
    })
  }
})
