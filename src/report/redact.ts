/**
 * The one place that keeps secrets out of text. Every log line, error message, summary and report
 * passes through `redact`: registered secrets (the private key, every token) become ***, and the query
 * string of any URL (upload URLs carry their signature there) is dropped.
 */
const secrets = new Set<string>()
let onRegister: ((secret: string) => void) | undefined

/** Lets the GitHub front end forward secrets to core.setSecret without this module importing @actions/core. */
export function onSecretRegistered(listener: ((secret: string) => void) | undefined): void {
  onRegister = listener
  if (listener) for (const s of secrets) listener(s)
}

export function registerSecret(secret: string | undefined): void {
  if (!secret || secret.length < 6 || secrets.has(secret)) return
  secrets.add(secret)
  onRegister?.(secret)
  // A PEM is also masked line by line: the runner masks per line, and a key can be logged in pieces.
  if (secret.includes('\n')) {
    for (const line of secret.split(/\r?\n/)) {
      const trimmed = line.trim()
      if (trimmed.length >= 16 && !trimmed.startsWith('-----')) registerSecret(trimmed)
    }
  }
}

const URL_WITH_QUERY = /\b(https?:\/\/[^\s?#"'<>`]+)\?[^\s"'<>`)\]]*/g

export function redactUrl(url: string): string {
  const q = url.indexOf('?')
  return q === -1 ? url : `${url.slice(0, q)}?<redacted>`
}

export function redact(text: string): string {
  let out = text.replace(URL_WITH_QUERY, '$1?<redacted>')
  for (const s of secrets) if (out.includes(s)) out = out.split(s).join('***')
  // Any JWT-shaped string left over (for example one we never saw) is masked too.
  out = out.replace(/\beyJ[\w-]{8,}\.[\w-]{8,}\.[\w-]{8,}/g, '***')
  return out
}

/** Test hook: forget every registered secret. */
export function clearSecrets(): void {
  secrets.clear()
}
