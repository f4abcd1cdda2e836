import { type DBSchema, type IDBPDatabase, wrap } from 'idb';
import { isRecord } from '../domain/records';
import { casesFromProgress } from './legacy-progress';

/**
 * The extension's one IndexedDB database. It lives in the extension's own origin: only the background and
 * extension pages open it; content scripts never do (it would be the portal's origin).
 *
 * Versions (each upgrade step runs once, in order; tests open fixtures of every earlier version):
 *   1 — settings, rulePacks
 *   2 — profiles (index updatedAt), fillLogs (index profileId)
 *   3 — meta (the lock's settings: KDF parameters, verifier, a migration in progress)
 *   4 — cases (indexes profileId, updatedAt); each profile's 「办理中的业务」 (0.1.0) becomes cases
 *   5 — restorePoints (the state before an import, restore or bulk delete, for 「撤销」; body sealed by the lock)
 */
export const DB_NAME = 'jzs-assistant';
export const DB_VERSION = 5;

export interface StoredPack {
  id: 'imported';
  /** The pack as imported (validated then, validated again when read). */
  pack: unknown;
  version: string;
  fileName: string;
  importedAt: string;
}

/** A profile body as stored: in the clear, or sealed by the lock (AES-GCM, issue 7) with key version `kv`. */
export type StoredBody = { plain: unknown } | { sealed: { iv: Uint8Array<ArrayBuffer>; data: ArrayBuffer; kv: number } };

export interface StoredProfile {
  id: string;
  createdAt: string;
  updatedAt: string;
  revision: number;
  body: StoredBody;
}

/** A case (src/cases/schema.ts) as stored: like a profile, its body in the clear or sealed. */
export interface StoredCase {
  id: string;
  profileId: string;
  createdAt: string;
  updatedAt: string;
  revision: number;
  body: StoredBody;
}

/** Settings key: profiles still sealed at the v4 upgrade, whose 「办理中的业务」 move to cases at the next unlock. */
export const CASES_FROM_SEALED_KEY = 'casesFromSealedProfiles';

export interface StoredFillLog {
  id?: number;
  profileId: string;
  at: string;
  entry: StoredBody;
}

export type RestoreKind = 'import' | 'restore' | 'delete';

/**
 * What one import, restore or bulk delete changed, to put it back: `body` holds (sealed by the lock like a
 * profile body) the ids the change created and the profiles it replaced or deleted, as they were. `uid`
 * binds the ciphertext to its record; counts and time are shown before anything is opened.
 */
export interface StoredRestorePoint {
  id?: number;
  uid: string;
  at: string;
  kind: RestoreKind;
  created: number;
  replaced: number;
  body: StoredBody;
}

export interface KeySpec {
  version: number;
  /** base64 */
  salt: string;
  iterations: number;
  /** A known text sealed with the key: opening it proves the passphrase. */
  verifier: { iv: Uint8Array<ArrayBuffer>; data: ArrayBuffer };
}

export interface LockMeta {
  key: 'lock';
  enabled: boolean;
  idleMinutes: number;
  current?: KeySpec | undefined;
  /** A change in progress, resumed at the next unlock if the browser stopped in the middle. */
  migration?:
    | { kind: 'enable' | 'disable' }
    | { kind: 'rekey'; previous: { version: number; wrapped: { iv: Uint8Array<ArrayBuffer>; data: ArrayBuffer } } }
    | undefined;
  /** Wrong passphrases in a row, and when the last one was entered (for the back-off). */
  failures?: number | undefined;
  failedAt?: number | undefined;
}

export interface JzsDB extends DBSchema {
  settings: { key: string; value: { key: string; value: string } };
  rulePacks: { key: string; value: StoredPack };
  profiles: { key: string; value: StoredProfile; indexes: { updatedAt: string } };
  fillLogs: { key: number; value: StoredFillLog; indexes: { profileId: string } };
  meta: { key: string; value: LockMeta };
  cases: { key: string; value: StoredCase; indexes: { profileId: string; updatedAt: string } };
  restorePoints: { key: number; value: StoredRestorePoint };
}

export type JzsDatabase = IDBPDatabase<JzsDB>;

/**
 * v4: every profile's 「办理中的业务」 (three states, 0.1.0) becomes cases, in the upgrade's own transaction
 * (each step chained from the cursor's success event, so it stays open). A body the lock sealed cannot be read
 * here (no key in an upgrade): those profiles are flagged and moved at the next unlock (CaseService.absorbSealed).
 */
function casesFromProfiles(tx: IDBTransaction): void {
  let sealed = 0;
  const request = tx.objectStore('profiles').openCursor();
  request.onsuccess = () => {
    const cursor = request.result;
    if (!cursor) {
      if (sealed) tx.objectStore('settings').put({ key: CASES_FROM_SEALED_KEY, value: 'pending' });
      return;
    }
    // Records as v3 wrote them: read as data and checked, not trusted by type.
    const profile: unknown = cursor.value;
    if (isRecord(profile) && isRecord(profile.body) && typeof profile.id === 'string' && typeof profile.updatedAt === 'string') {
      const { id: profileId, updatedAt, body } = profile;
      const plain = 'plain' in body ? body.plain : undefined;
      if (!('plain' in body)) sealed++;
      else if (isRecord(plain)) {
        const cases = casesFromProgress(plain.businesses, updatedAt);
        for (const c of cases) {
          tx.objectStore('cases').add({ id: crypto.randomUUID(), profileId, createdAt: c.statusSince, updatedAt: c.statusSince, revision: 1, body: { plain: c } });
        }
        if (cases.length) cursor.update({ ...profile, body: { plain: { ...plain, businesses: [] } } });
      }
    }
    cursor.continue();
  };
}

/**
 * idb's openDB, on a given IDBFactory (a storage bucket's, see home.ts): idb itself always uses the global
 * `indexedDB`. Same behaviour: upgrade callback with the versionchange transaction, `blocking` and
 * `terminated` handlers.
 */
function openWith(
  factory: IDBFactory,
  name: string,
  version: number,
  callbacks: {
    upgrade: (db: IDBDatabase, oldVersion: number, tx: IDBTransaction) => void;
    blocking: (db: JzsDatabase) => void;
    terminated: () => void;
  },
): Promise<JzsDatabase> {
  const request = factory.open(name, version);
  request.addEventListener('upgradeneeded', (event) => {
    // The versionchange transaction exists while upgradeneeded runs (IndexedDB §4.2, "upgrade a database").
    if (!request.transaction) throw new Error('upgradeneeded without a versionchange transaction');
    callbacks.upgrade(request.result, event.oldVersion, request.transaction);
  });
  return wrap(request).then((opened) => {
    // why: idb types a connection by the schema the code declares (JzsDB); a runtime object has nothing to check
    // it against. idb's own openDB<JzsDB>() makes this same assertion; the upgrade steps below make it true.
    const db = opened as JzsDatabase | undefined;
    if (!db) throw new Error(`IndexedDB did not open ${name}`);
    db.addEventListener('versionchange', () => callbacks.blocking(db));
    db.addEventListener('close', () => callbacks.terminated());
    return db;
  });
}

export function openJzsDB(name = DB_NAME, onClose?: () => void, factory: IDBFactory = indexedDB): Promise<JzsDatabase> {
  return openWith(factory, name, DB_VERSION, {
    upgrade(db, oldVersion, tx) {
      if (oldVersion < 1) {
        db.createObjectStore('settings', { keyPath: 'key' });
        db.createObjectStore('rulePacks', { keyPath: 'id' });
      }
      if (oldVersion < 2) {
        // ID numbers are never an index key: with the lock on they exist only encrypted. Look-ups by ID
        // number use the in-memory index (src/profiles/search.ts).
        db.createObjectStore('profiles', { keyPath: 'id' }).createIndex('updatedAt', 'updatedAt');
        db.createObjectStore('fillLogs', { keyPath: 'id', autoIncrement: true }).createIndex('profileId', 'profileId');
      }
      if (oldVersion < 3) {
        db.createObjectStore('meta', { keyPath: 'key' });
      }
      if (oldVersion < 4) {
        const cases = db.createObjectStore('cases', { keyPath: 'id' });
        cases.createIndex('profileId', 'profileId');
        cases.createIndex('updatedAt', 'updatedAt');
        casesFromProfiles(tx);
      }
      if (oldVersion < 5) {
        db.createObjectStore('restorePoints', { keyPath: 'id', autoIncrement: true });
      }
    },
    // Another context wants to upgrade (or delete): close ours so it never hangs; the next use reopens.
    blocking(db) {
      db.close();
      onClose?.();
    },
    terminated() {
      onClose?.();
    },
  });
}

