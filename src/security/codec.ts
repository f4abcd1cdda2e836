import type { StoredBody } from '../storage/db';

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

export class LockedError extends Error {
  // A catalogue key (pages.lock.locked), so every surface shows the user's words, not "unexpected".
  readonly code = 'lock.locked';
  constructor() {
    super('档案库已锁定：请先输入口令解锁。');
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
