import * as z from 'zod';
import { type Bytes, checkKdfParams, DEFAULT_ITERATIONS, deriveKeyBytes, fromBase64, importAesKey, openBytes, randomBytes, toBase64 } from '../../security/crypto';
import type { Profile } from '../schema';
import { type Backup, BackupError, parseBackup, toBackup } from './export';

export const ENCRYPTED_BACKUP_FORMAT = 'jzs-profiles-backup-encrypted' as const;
export const ENCRYPTED_BACKUP_VERSION = 1;

const Header = z.strictObject({
  format: z.literal(ENCRYPTED_BACKUP_FORMAT),
  version: z.number().int(),
  kdf: z.strictObject({ name: z.literal('PBKDF2'), hash: z.literal('SHA-256'), iterations: z.number(), salt: z.string().max(200) }),
  cipher: z.strictObject({ name: z.literal('AES-GCM'), iv: z.string().max(64) }),
  data: z.string(),
});

/** The header is authenticated too: any change to it (KDF parameters, version) fails the decryption. */
const aadOf = (h: Omit<z.infer<typeof Header>, 'data'>) => JSON.stringify([h.format, h.version, h.kdf, h.cipher]);

/** A backup only the passphrase opens, whose every byte is authenticated (AES-256-GCM). */
export async function toEncryptedBackup(profiles: readonly Profile[], passphrase: string, now: Date, iterations = DEFAULT_ITERATIONS, cases: readonly unknown[] = []): Promise<string> {
  const salt = randomBytes(16);
  const key = await importAesKey(await deriveKeyBytes(passphrase, salt, iterations));
  const iv = randomBytes(12);
  const head = {
    format: ENCRYPTED_BACKUP_FORMAT,
    version: ENCRYPTED_BACKUP_VERSION,
    kdf: { name: 'PBKDF2' as const, hash: 'SHA-256' as const, iterations, salt: toBase64(salt) },
    cipher: { name: 'AES-GCM' as const, iv: toBase64(iv) },
  };
  const plain = new TextEncoder().encode(toBackup(profiles, now, cases));
  const data = await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData: new TextEncoder().encode(aadOf(head)) }, key, plain);
  return JSON.stringify({ ...head, data: toBase64(new Uint8Array(data)) });
}

export function isEncryptedBackup(text: string): boolean {
  try {
    const data: unknown = JSON.parse(text);
    return typeof data === 'object' && data !== null && 'format' in data && data.format === ENCRYPTED_BACKUP_FORMAT;
  } catch {
    return false;
  }
}

/**
 * Open an encrypted backup. Header checked first, KDF parameters bounded BEFORE any derivation; a wrong
 * passphrase and a tampered file both fail authentication and are reported as such.
 */
export async function parseEncryptedBackup(text: string, passphrase: string, fileName: string): Promise<Backup> {
  let head: z.infer<typeof Header>;
  try {
    head = Header.parse(JSON.parse(text));
  } catch {
    throw new BackupError('backupEncErrors.invalid', { file: fileName });
  }
  if (head.version > ENCRYPTED_BACKUP_VERSION) throw new BackupError('backupEncErrors.tooNew', { file: fileName, version: head.version });
  let salt: Bytes;
  let iv: Bytes;
  let data: Bytes;
  try {
    salt = fromBase64(head.kdf.salt);
    iv = fromBase64(head.cipher.iv);
    data = fromBase64(head.data);
  } catch {
    throw new BackupError('backupEncErrors.corrupt', { file: fileName });
  }
  const bad = checkKdfParams(head.kdf.iterations, salt);
  if (bad || iv.length !== 12) throw new BackupError('backupEncErrors.untrusted', { file: fileName });
  const key = await importAesKey(await deriveKeyBytes(passphrase, salt, head.kdf.iterations));
  let plain: Uint8Array;
  try {
    plain = await openBytes(key, { iv, data: data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength) }, aadOf(head));
  } catch {
    throw new BackupError('backupEncErrors.cannotOpen', { file: fileName });
  }
  return parseBackup(new TextDecoder().decode(plain), fileName);
}

