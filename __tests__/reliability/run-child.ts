/**
 * The action, run from TypeScript sources in a child process (`tsx run-child.ts`) with INPUT_* variables
 * exactly as a runner sets them. The kill-and-resume tests SIGKILL it at chosen points; running the
 * sources rather than dist/index.js keeps the test independent of a stale bundle.
 */
import { run } from '../../src/main.js'

await run()
