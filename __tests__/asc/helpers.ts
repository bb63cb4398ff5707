import { exportPKCS8, generateKeyPair } from 'jose'

/** A fresh PKCS#8 P-256 key, as in Apple's .p8 files. */
export async function makePem(): Promise<string> {
  const { privateKey } = await generateKeyPair('ES256', { extractable: true })
  return exportPKCS8(privateKey)
}

export const ISSUER = '57246542-96fe-1a63-e053-0824d011072a'
export const KEY_ID = 'ABC123DEFG'
