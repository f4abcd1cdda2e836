import type { StoredBody } from '../storage/db';
import { CodedError } from '../i18n/problem';

/**
 * How a profile body is stored. The plain codec keeps it as is; the lock (src/security) supplies one that
 * encrypts with AES-256-GCM. Sealing happens BEFORE a transaction opens: awaiting crypto inside an
 * IndexedDB transaction would let it auto-commit half-done.
 */
export interface BodyCodec {
  readonly encrypted: boolean;
  /** `aad` binds the ciphertext to its record (the record id): moved elsewhere, it no longer opens. */
  seal(body: unknown, aad: string): Promise<StoredBody>;
  open(stored: StoredBody, aad: string): Promise<unknown>;
}

export class LockedError extends CodedError {
  constructor() {
    super('errors.lock.locked');
    this.name = 'LockedError';
  }
}

export const plainCodec: BodyCodec = {
  encrypted: false,
  seal: async (body) => ({ plain: body }),
  open: async (stored) => {
    if ('plain' in stored) return stored.plain;
    throw new LockedError();
  },
};

/** While the store is locked nothing is readable and nothing can be written. */
export const lockedCodec: BodyCodec = {
  encrypted: true,
  seal: async () => {
    throw new LockedError();
  },
  open: async () => {
    throw new LockedError();
  },
};
