/**
 * The environment a GitHub runner gives an action step, pointed at a sandbox: the GITHUB_* files
 * (created empty here, as the runner does) and the INPUT_* variables that connect to the sandbox.
 * For the scripts and suites that run the action as a child process.
 */
import { writeFile } from 'node:fs/promises'
import type { Sandbox } from './index.js'

export interface RunnerStep {
  workspace: string
  /** RUNNER_TEMP. */
  temp: string
  /** GITHUB_OUTPUT and GITHUB_STEP_SUMMARY. */
  output: string
  summary: string
}

/** The step's environment; `inputs` (more INPUT_* or runner variables) are added last and win. */
export async function runnerEnv(sandbox: Sandbox, step: RunnerStep, inputs: NodeJS.ProcessEnv = {}): Promise<NodeJS.ProcessEnv> {
  await writeFile(step.output, '')
  await writeFile(step.summary, '')
  return {
    PATH: process.env.PATH,
    GITHUB_WORKSPACE: step.workspace,
    GITHUB_OUTPUT: step.output,
    GITHUB_STEP_SUMMARY: step.summary,
    GITHUB_REF: 'refs/tags/v1.2.0',
    RUNNER_TEMP: step.temp,
    'INPUT_ISSUER-ID': sandbox.keys.issuerId,
    'INPUT_KEY-ID': sandbox.keys.keyId,
    'INPUT_PRIVATE-KEY': sandbox.keys.privateKeyPem,
    'INPUT_API-BASE-URL': sandbox.url,
    ...inputs
  }
}
