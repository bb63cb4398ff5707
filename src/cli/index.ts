#!/usr/bin/env node
/** The command line's entry point (`app-store-media`, bundled to dist/cli/index.js). */
import { runCli } from './main.js'

// @actions/glob reports through @actions/core, which prints "::debug::" workflow commands on stdout.
// Outside a runner they are noise, and they would break `--json` output: they go to stderr with --verbose.
const verbose = process.argv.includes('--verbose') || process.argv.includes('-v')
const write = process.stdout.write.bind(process.stdout)
process.stdout.write = ((chunk: string | Uint8Array, ...rest: unknown[]) => {
  if (typeof chunk === 'string' && chunk.startsWith('::debug::')) return verbose ? process.stderr.write(`debug: ${chunk.slice(9)}`) : true
  return write(chunk, ...(rest as []))
}) as typeof process.stdout.write

const stdout = { write: (text: string) => write(text), isTTY: process.stdout.isTTY, columns: process.stdout.columns }
process.exitCode = await runCli(process.argv.slice(2), { stdout, stderr: process.stderr, env: process.env, cwd: process.cwd() })
