/**
 * Post-build step (npm run bundle): in ncc's output, `require("node:http2")` becomes a module that
 * loads node:http2 on first use.
 *
 * Why: undici's client-h2.js requires node:http2 at the top of the file (undici/lib/dispatcher/
 * client-h2.js), so loading undici's Agent loads HTTP/2 and, with it, TLS: about 25 ms of Node 24's
 * start-up before the action's first request (measured with `npm run bench`), for a protocol the action
 * never speaks (it does not set `allowH2`). At load time that file only reads ten protocol constants,
 * which this module answers from the table below; anything else (http2.connect, which only an HTTP/2
 * connection calls) loads the real module.
 *
 *   npx tsx scripts/defer-http2.ts dist/index.js dist/cli/index.js
 *
 * It fails when a file does not hold ncc's require of node:http2 exactly once, so an upgrade of ncc or
 * undici that changes the shape is noticed at build time. __tests__/scripts/defer-http2.test.ts checks the
 * table against node:http2 and against the constants client-h2.js reads.
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

/** The constants undici's client-h2.js destructures from `http2.constants` when it loads: RFC 9113 names and codes. */
export const HTTP2_LOAD_TIME_CONSTANTS = {
  HTTP2_HEADER_AUTHORITY: ':authority',
  HTTP2_HEADER_METHOD: ':method',
  HTTP2_HEADER_PATH: ':path',
  HTTP2_HEADER_SCHEME: ':scheme',
  HTTP2_HEADER_CONTENT_LENGTH: 'content-length',
  HTTP2_HEADER_EXPECT: 'expect',
  HTTP2_HEADER_STATUS: ':status',
  HTTP2_HEADER_PROTOCOL: ':protocol',
  NGHTTP2_REFUSED_STREAM: 7,
  NGHTTP2_CANCEL: 8
} as const

/** What ncc writes for the external `node:http2` in an ESM bundle. */
export const NCC_HTTP2_REQUIRE = 'module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:http2");'

export function deferredHttp2Module(): string {
  return [
    '// node:http2 on first use (scripts/defer-http2.ts): at load time undici reads only these constants.',
    'let http2;',
    'const loadHttp2 = () => (http2 ??= __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:http2"));',
    `const http2Constants = ${JSON.stringify(HTTP2_LOAD_TIME_CONSTANTS)};`,
    'module.exports = new Proxy({}, { get: (_, key) => (key === "constants" && !http2 ? http2Constants : loadHttp2()[key]) });'
  ].join('\n')
}

/** The bundle with its one require of node:http2 deferred; throws when it has none or several. */
export function deferHttp2(bundle: string, name = 'the bundle'): string {
  const count = bundle.split(NCC_HTTP2_REQUIRE).length - 1
  if (count !== 1) {
    throw new Error(`${name} holds ${count} requires of node:http2 in ncc's form (expected 1): ncc or undici changed; update scripts/defer-http2.ts.`)
  }
  return bundle.replace(NCC_HTTP2_REQUIRE, () => deferredHttp2Module())
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  for (const file of process.argv.slice(2)) {
    writeFileSync(file, deferHttp2(readFileSync(file, 'utf8'), file))
    console.log(`${file}: node:http2 loads on first use`)
  }
}
