import { CodedError } from '../i18n/problem';
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
  const name = (err as { name?: unknown } | null)?.name;
  return name === 'QuotaExceededError' || (err as { inner?: { name?: string } } | null)?.inner?.name === 'QuotaExceededError';
}
