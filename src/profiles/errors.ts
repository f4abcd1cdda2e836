import { CodedError } from '../i18n/problem';
import { isRecord } from '../domain/records';
import type { Profile } from './schema';

/** The store changed between reading the state kept for 「撤销」 and the write: nothing was written. */
export class StoreChanged extends CodedError {
  constructor() {
    super('restore.storeChanged');
    this.name = 'StoreChanged';
  }
}


/** A save was based on an older revision: someone (another tab, an import) changed the profile since. */
export class RevisionConflict extends CodedError {
  constructor(readonly current: Profile) {
    super('errors.profiles.revisionConflict', { revision: current.revision });
    this.name = 'RevisionConflict';
  }
}

export class NotFound extends CodedError {
  constructor(readonly id: string) {
    super('errors.profiles.notFound');
    this.name = 'NotFound';
  }
}

/** Browser storage is full: the transaction was aborted, nothing changed. */
export class StorageFull extends CodedError {
  constructor() {
    super('errors.profiles.storageFull');
    this.name = 'StorageFull';
  }
}

export function isQuotaError(err: unknown): boolean {
  if (!isRecord(err)) return false;
  // idb and some browsers wrap the DOMException: { inner: { name } }.
  return err.name === 'QuotaExceededError' || (isRecord(err.inner) && err.inner.name === 'QuotaExceededError');
}

/** Runs one write transaction; a full disk becomes StorageFull (the transaction aborted, nothing changed). */
export async function writeOrFull<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (err) {
    if (isQuotaError(err)) throw new StorageFull();
    throw err;
  }
}
