import type { Problem } from '../i18n/problem';
/**
 * WebCrypto primitives of the lock (issue 7). PBKDF2-SHA256 derives a 256-bit key from the passphrase;
 * AES-256-GCM encrypts each record with a fresh 96-bit IV and the record's id as associated data, so a
 * ciphertext moved to another record, or altered, fails to open.
 */
export const DEFAULT_ITERATIONS = 600_000; // OWASP 2023 minimum for PBKDF2-HMAC-SHA256
/** Bounds for KDF parameters read from a file: checked BEFORE any derivation (no 10^12-iteration DoS). */
export const KDF_BOUNDS = { minIterations: 100_000, maxIterations: 10_000_000, minSalt: 16, maxSalt: 64 };

/**
 * Byte arrays here are `Uint8Array<ArrayBuffer>`: WebCrypto takes a BufferSource, which a view over a possibly
 * shared buffer (plain `Uint8Array`, i.e. `Uint8Array<ArrayBufferLike>`) is not.
 */
export type Bytes = Uint8Array<ArrayBuffer>;

export interface Sealed {
  iv: Bytes;
  data: ArrayBuffer;
}

const enc = new TextEncoder();
const dec = new TextDecoder();

export function randomBytes(n: number): Bytes {
  return crypto.getRandomValues(new Uint8Array(n));
}

export async function deriveKeyBytes(passphrase: string, salt: Bytes, iterations: number): Promise<Bytes> {
  const base = await crypto.subtle.importKey('raw', enc.encode(passphrase.normalize('NFC')), 'PBKDF2', false, ['deriveBits']);
  const bits = await crypto.subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt, iterations }, base, 256);
  return new Uint8Array(bits);
}

export function importAesKey(raw: Bytes): Promise<CryptoKey> {
  return crypto.subtle.importKey('raw', raw, { name: 'AES-GCM' }, false, ['encrypt', 'decrypt']);
}

export async function sealBytes(key: CryptoKey, plain: Bytes, aad: string): Promise<Sealed> {
  const iv = randomBytes(12);
  const data = await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData: enc.encode(aad) }, key, plain);
  return { iv, data };
}

export async function openBytes(key: CryptoKey, sealed: Sealed, aad: string): Promise<Bytes> {
  const plain = await crypto.subtle.decrypt({ name: 'AES-GCM', iv: sealed.iv, additionalData: enc.encode(aad) }, key, sealed.data);
  return new Uint8Array(plain);
}

export const sealJson = (key: CryptoKey, value: unknown, aad: string) => sealBytes(key, enc.encode(JSON.stringify(value)), aad);
export const openJson = async (key: CryptoKey, sealed: Sealed, aad: string): Promise<unknown> => JSON.parse(dec.decode(await openBytes(key, sealed, aad)));

export function toBase64(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

export function fromBase64(b64: string): Bytes {
  const s = atob(b64);
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  return out;
}

/** Refuse KDF parameters outside the bounds before deriving anything: what is wrong, or undefined. */
export function checkKdfParams(iterations: unknown, salt: Uint8Array): Problem | undefined {
  if (typeof iterations !== 'number' || !Number.isInteger(iterations) || iterations < KDF_BOUNDS.minIterations || iterations > KDF_BOUNDS.maxIterations) {
    return { code: 'errors.kdf.iterations', params: { min: KDF_BOUNDS.minIterations, max: KDF_BOUNDS.maxIterations } };
  }
  if (salt.length < KDF_BOUNDS.minSalt || salt.length > KDF_BOUNDS.maxSalt) return { code: 'errors.kdf.salt', params: { min: KDF_BOUNDS.minSalt, max: KDF_BOUNDS.maxSalt } };
  return undefined;
}
