/**
 * Apple's error bodies ({ errors: [{ status, code, title, detail, source }] }) turned into one error
 * whose message shows all of it and says what to do next.
 */
import { ActionError } from '../errors.js'
import { redact } from '../report/redact.js'

export interface AppleError {
  id?: string
  status?: string
  code: string
  title: string
  detail?: string
  source?: { pointer?: string; parameter?: string }
  meta?: Record<string, unknown>
}

const HINTS: Record<number, string> = {
  401: 'Check key-id, issuer-id (omit it for an individual key) and private-key, and that the key has not been revoked.',
  403: 'The key lacks the role for this request (App Manager or Admin is needed to change media), or an agreement needs accepting in App Store Connect.',
  404: 'Check app-id or bundle-id and that the key belongs to the team that owns the app.'
}

export class AppleApiError extends ActionError {
  override name = 'AppleApiError'
  constructor(
    readonly status: number,
    readonly errors: AppleError[],
    readonly method: string,
    readonly path: string
  ) {
    super(redact(AppleApiError.describe(status, errors, method, path)))
  }

  /** Apple's codes are hierarchical (STATE_ERROR.ENTITY_STATE_INVALID): match on a prefix. */
  hasCode(prefix: string): boolean {
    return this.errors.some(e => e.code === prefix || e.code?.startsWith(`${prefix}.`))
  }

  static describe(status: number, errors: AppleError[], method: string, path: string): string {
    const lines = errors.map(e => {
      const source = e.source?.pointer ?? e.source?.parameter
      return `${e.status ?? status} ${e.code}: ${e.title}${e.detail ? ` — ${e.detail}` : ''}${source ? ` (source: ${source})` : ''}`
    })
    const hint = HINTS[status] ? `\n${HINTS[status]}` : ''
    const body = lines.length ? lines.join('\n') : `HTTP ${status} with no error body`
    return `App Store Connect rejected ${method} ${path}: ${body}${hint}`
  }

  static fromResponse(status: number, text: string, method: string, path: string): AppleApiError {
    let errors: AppleError[] = []
    try {
      const parsed = JSON.parse(text) as { errors?: AppleError[] }
      if (Array.isArray(parsed.errors)) errors = parsed.errors
    } catch {
      // 406 and some gateway errors come back as plain text (Apple documents 406 as text).
      if (text.trim()) errors = [{ code: `HTTP_${status}`, title: text.trim().slice(0, 300) }]
    }
    return new AppleApiError(status, errors, method, path)
  }
}
