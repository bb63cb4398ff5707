/**
 * The post-build step that makes the bundle load node:http2 on first use (scripts/defer-http2.ts):
 * its constants must be Node's, must cover what undici reads at load time, and the committed bundle
 * must carry the deferred module.
 */
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { constants as realConstants } from 'node:http2'
import { deferHttp2, deferredHttp2Module, HTTP2_LOAD_TIME_CONSTANTS, NCC_HTTP2_REQUIRE } from '../../scripts/defer-http2.js'

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..')
const require = createRequire(import.meta.url)

/** Evaluates the deferred module as ncc's module function would, counting real loads of node:http2. */
function loadDeferred(): { exports: Record<string, unknown>; loads: () => number } {
  let loads = 0
  const fakeCreateRequire = () => (id: string) => {
    loads++
    return require(id)
  }
  const module = { exports: {} as Record<string, unknown> }
  new Function('module', '__WEBPACK_EXTERNAL_createRequire', deferredHttp2Module().replaceAll('import.meta.url', '""'))(module, fakeCreateRequire)
  return { exports: module.exports, loads: () => loads }
}

describe('defer-http2', () => {
  it('answers each load-time constant with the value node:http2 has', () => {
    for (const [name, value] of Object.entries(HTTP2_LOAD_TIME_CONSTANTS)) {
      expect([name, (realConstants as Record<string, unknown>)[name]]).toEqual([name, value])
    }
  })

  it('covers every constant undici\'s client-h2.js reads when it loads', () => {
    const source = readFileSync(require.resolve('undici/lib/dispatcher/client-h2.js'), 'utf8')
    const block = /const\s*\{\s*constants:\s*\{([^}]*)\}\s*\}\s*=\s*http2/.exec(source)
    expect(block).not.toBeNull()
    const names = (block?.[1] ?? '').split(',').map(s => s.trim()).filter(Boolean)
    expect(names.length).toBeGreaterThan(0)
    expect(names.filter(n => !(n in HTTP2_LOAD_TIME_CONSTANTS))).toEqual([])
  })

  it('does not load node:http2 for its constants, and loads it once for anything else', () => {
    const { exports, loads } = loadDeferred()
    const constants = exports.constants as Record<string, unknown>
    expect(constants.HTTP2_HEADER_PATH).toBe(':path')
    expect(loads()).toBe(0)
    expect(typeof exports.connect).toBe('function')
    expect(exports.connect).toBe(require('node:http2').connect)
    expect(typeof exports.createServer).toBe('function')
    expect(loads()).toBe(1)
  })

  it('refuses a bundle without exactly one require of node:http2 in ncc\'s form', () => {
    expect(() => deferHttp2('no http2 here', 'x.js')).toThrow('x.js holds 0 requires of node:http2')
    expect(() => deferHttp2(`${NCC_HTTP2_REQUIRE}\n${NCC_HTTP2_REQUIRE}`, 'y.js')).toThrow('y.js holds 2 requires')
    expect(deferHttp2(`a\n${NCC_HTTP2_REQUIRE}\nb`)).toBe(`a\n${deferredHttp2Module()}\nb`)
  })

  it.each(['dist/index.js', 'dist/cli/index.js'])('%s loads node:http2 on first use (run npm run bundle if not)', file => {
    const bundle = readFileSync(path.join(ROOT, file), 'utf8')
    expect(bundle).not.toContain(NCC_HTTP2_REQUIRE)
    expect(bundle).toContain(deferredHttp2Module())
  })
})
