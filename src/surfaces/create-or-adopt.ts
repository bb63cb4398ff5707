/**
 * A POST is never sent again blindly: when its answer was lost, the resource may exist. Read first,
 * adopt what is there, and only then create again — a bounded number of times.
 */
import { OutcomeUnknownError } from '../asc/http.js'

export async function createOrAdopt(create: () => Promise<string>, find: () => Promise<string | null | undefined>, attempts = 3): Promise<string> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await create()
    } catch (e) {
      if (!(e instanceof OutcomeUnknownError) || attempt >= attempts) throw e
      const existing = await find()
      if (existing) return existing
    }
  }
}
