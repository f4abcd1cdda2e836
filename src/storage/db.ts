import { type DBSchema, type IDBPDatabase, openDB } from 'idb';

/**
 * The extension's one IndexedDB database. It lives in the extension's own origin: only the background and
 * extension pages open it; content scripts never do (it would be the portal's origin).
 */
export const DB_NAME = 'jzs-assistant';
export const DB_VERSION = 1;

export interface JzsDB extends DBSchema {
  settings: { key: string; value: { key: string; value: string } };
}

export function openJzsDB(name = DB_NAME): Promise<IDBPDatabase<JzsDB>> {
  return openDB<JzsDB>(name, DB_VERSION, {
    upgrade(db, oldVersion) {
      if (oldVersion < 1) {
        db.createObjectStore('settings', { keyPath: 'key' });
      }
    },
    // Another context holds an older version open: close ours so its upgrade is not blocked forever.
    blocking(_current, _blocked, event) {
      (event.target as IDBDatabase).close();
    },
  });
}
