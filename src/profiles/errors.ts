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
export class RevisionConflict extends Error {
  readonly code = 'revision-conflict';
  constructor(readonly current: Profile) {
    super(`该档案已在别处被修改（当前第 ${current.revision} 版），为避免覆盖较新的内容，本次保存未执行。请重新打开后再改。`);
    this.name = 'RevisionConflict';
  }
}

export class NotFound extends Error {
  readonly code = 'not-found';
  constructor(id: string) {
    super(`找不到档案 ${id}（可能已被删除）。`);
    this.name = 'NotFound';
  }
}

/** Browser storage is full: the transaction was aborted, nothing changed. */
export class StorageFull extends Error {
  readonly code = 'quota-exceeded';
  constructor() {
    super('浏览器存储空间不足，本次写入已取消，已有数据未受影响。请清理浏览器存储或删除不需要的档案后重试。');
    this.name = 'StorageFull';
  }
}

export function isQuotaError(err: unknown): boolean {
  const name = (err as { name?: unknown } | null)?.name;
  return name === 'QuotaExceededError' || (err as { inner?: { name?: string } } | null)?.inner?.name === 'QuotaExceededError';
}
