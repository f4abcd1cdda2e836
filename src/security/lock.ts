import * as z from 'zod';
import { type BodyCodec, LockedError, lockedCodec, plainCodec } from './codec';
import type { MessageKey, Params } from '../i18n';
import { isRecord } from '../domain/records';
import { CodedError } from '../i18n/problem';
import { caseAad, fillLogAad, profileAad, restorePointAad } from '../storage/aad';
import type { JzsDB, JzsDatabase, KeySpec, LockMeta, StoredBody } from '../storage/db';
import {
  type Bytes,
  DEFAULT_ITERATIONS,
  deriveKeyBytes,
  fromBase64,
  importAesKey,
  openBytes,
  openJson,
  randomBytes,
  sealBytes,
  sealJson,
  toBase64,
} from './crypto';

/** Where the unlocked key lives between service-worker restarts: storage.session (memory only). */
export interface SessionArea {
  get(keys: string[]): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string[]): Promise<void>;
}

export class WrongPassphrase extends CodedError {
  constructor() {
    super('errors.lock.wrongPassphrase');
    this.name = 'WrongPassphrase';
  }
}

/** The lock cannot do this in its present state (already on, not on, a change still running, …). */
export class LockStateError extends CodedError {
  constructor(code: MessageKey, params?: Params) {
    super(code, params);
    this.name = 'LockStateError';
  }
}

/** The shortest passphrase accepted. */
const MIN_PASSPHRASE = 8;

export interface LockStatus {
  enabled: boolean;
  locked: boolean;
  idleMinutes: number;
  iterations?: number | undefined;
  migrating?: 'enable' | 'disable' | 'rekey' | undefined;
  /**
   * A change was interrupted (the browser closed mid-way) and cannot go on until the passphrase is entered
   * again: some records may still be in their old form (in the clear, for 'enable'). The UI says so.
   */
  interrupted?: boolean | undefined;
  /** After wrong passphrases: the earliest time (ms since epoch) the next attempt is accepted. */
  retryAt?: number | undefined;
}

/** Thrown instead of deriving the key while the back-off after wrong passphrases runs. */
export class TooManyAttempts extends CodedError {
  constructor(readonly retryAt: number, readonly seconds: number) {
    super('lock.tooManyAttempts', { seconds });
    this.name = 'TooManyAttempts';
  }
}

/** Free attempts before the back-off starts; then 2^(n − FREE) s, at most BACKOFF_MAX_S (a 2^k schedule as in OS login). */
export const FREE_ATTEMPTS = 3;
const BACKOFF_MAX_S = 300;
export function backoffSeconds(failures: number): number {
  return failures < FREE_ATTEMPTS ? 0 : Math.min(BACKOFF_MAX_S, 2 ** (failures - FREE_ATTEMPTS));
}

/**
 * The stores whose records the lock seals: which field holds the body, which field its additional data is made
 * of (storage/aad.ts), and for the in-place migration the record's key and revision, typed by the schema.
 */
interface Sealing<S extends keyof JzsDB> {
  field: string;
  aadOf: string;
  aad: (value: string) => string;
  key: (r: JzsDB[S]['value']) => JzsDB[S]['key'] | undefined;
  revision: (r: JzsDB[S]['value']) => number | undefined;
}
const noRevision = () => undefined;
const SEALED_STORES: { [S in 'profiles' | 'fillLogs' | 'cases' | 'restorePoints']: Sealing<S> } = {
  profiles: { field: 'body', aadOf: 'id', aad: profileAad, key: (r) => r.id, revision: (r) => r.revision },
  fillLogs: { field: 'entry', aadOf: 'profileId', aad: fillLogAad, key: (r) => r.id, revision: noRevision },
  cases: { field: 'body', aadOf: 'id', aad: caseAad, key: (r) => r.id, revision: (r) => r.revision },
  // Restore points (issue 17.5) hold profiles as they were: sealed like them (profiles/restore-points.ts).
  restorePoints: { field: 'body', aadOf: 'uid', aad: restorePointAad, key: (r) => r.id, revision: noRevision },
};
type SealedStore = keyof typeof SEALED_STORES;
const isSealedStore = (store: string): store is SealedStore => Object.hasOwn(SEALED_STORES, store);
const SEALED_STORE_NAMES = Object.keys(SEALED_STORES).filter(isSealedStore);


/** A body as the codecs store it (db.ts StoredBody): records may reach the lock untyped (the home move). */
function isStoredBody(v: unknown): v is StoredBody {
  if (!isRecord(v)) return false;
  if ('plain' in v) return true;
  return isRecord(v.sealed) && v.sealed.iv instanceof Uint8Array && v.sealed.data instanceof ArrayBuffer && typeof v.sealed.kv === 'number';
}

/** The sealed body of a record of `store`, or undefined when it has none. */
function bodyOf(store: SealedStore, record: unknown): StoredBody | undefined {
  const body = isRecord(record) ? record[SEALED_STORES[store].field] : undefined;
  return isStoredBody(body) ? body : undefined;
}

/** Re-seal one record of a sealed store with `codec`: only the sealed field changes. */
async function reseal<R>(codec: BodyCodec, store: SealedStore, record: R): Promise<R> {
  const body = bodyOf(store, record);
  // A record without its body is refused, never written back as it is (it could hold plaintext elsewhere).
  if (!body || !isRecord(record)) throw new Error(`lock: a record of ${store} has no stored body`);
  const { field, aadOf, aad } = SEALED_STORES[store];
  const additional = aad(String(record[aadOf]));
  return { ...record, [field]: await codec.seal(await codec.open(body, additional), additional) };
}

/** The session's copy of the unlocked keys (version → raw key, base64); anything else there is ignored. */
// A fresh object on each fallback: callers add keys to what they read.
const SessionKeys = z.record(z.string(), z.string()).catch(() => ({}));

const VERIFIER_TEXT = 'jzs-lock-v1';
const SESSION_KEYS = 'lock.keys';
const SESSION_ACTIVITY = 'lock.lastActivity';
export const DEFAULT_IDLE_MINUTES = 15;
const BATCH = 200;

/** Encrypt with the current key version; open with whichever version sealed the record (or plaintext). */
function encryptedCodec(keys: ReadonlyMap<number, CryptoKey>, current: number): BodyCodec {
  return {
    encrypted: true,
    seal: async (body, aad) => {
      const key = keys.get(current);
      if (!key) throw new LockedError();
      return { sealed: { ...(await sealJson(key, body, aad)), kv: current } };
    },
    open: async (stored, aad) => {
      if ('plain' in stored) return stored.plain; // not migrated yet
      const key = keys.get(stored.sealed.kv);
      if (!key) throw new LockedError();
      return openJson(key, stored.sealed, aad);
    },
  };
}

/** While turning the lock off: everything written in the clear, sealed records still opened. */
function decryptingCodec(keys: ReadonlyMap<number, CryptoKey>): BodyCodec {
  const reader = encryptedCodec(keys, 0);
  return { encrypted: false, seal: plainCodec.seal, open: reader.open };
}

/**
 * The optional passphrase lock (issue 7). Off: bodies stored in the clear. On: every profile body and fill
 * log is AES-256-GCM encrypted with a key derived from the passphrase (PBKDF2-SHA256, 600,000 iterations);
 * the key exists only in memory and storage.session, so a browser restart locks; idle time locks too.
 * Turning it on or off and changing the passphrase re-encrypt in batches (each batch sealed first, then
 * written in one transaction); the state of every record says where it is, so an interrupted run resumes
 * at the next unlock without losing anything.
 */
export class LockService {
  private keys = new Map<number, CryptoKey>();
  private loaded = false;
  private migrating: Promise<void> | undefined;
  private lastTouch = 0;
  /** Only this service writes the lock settings: they are read once and kept. */
  private metaCache: LockMeta | undefined;
  /** The codec of the current state; dropped on every change. Checked against the idle time every few s. */
  private current: BodyCodec | undefined;
  private resolving: Promise<BodyCodec> | undefined;
  private generation = 0;
  private checkedIdleAt = 0;

  constructor(
    private readonly db: () => Promise<JzsDatabase>,
    private readonly session: SessionArea,
    private readonly now: () => number,
    /** Called when readable data appears or disappears (reset the search index, drop fill previews). */
    private readonly onChange: () => void | Promise<void>,
    /** Test hook: called after each migrated batch (a test throws here to simulate the browser closing). */
    private readonly afterBatch: () => void = () => undefined,
    /** Called when the lock has sealed every record in place (purges plaintext remnants, see storage/home.ts). */
    private readonly afterSealed: () => Promise<void> = async () => undefined,
    /**
     * Where supported (storage buckets): copy every record, sealed, into a fresh home and drop the old one in
     * one switch, instead of sealing in place — a crash then leaves no mix of sealed and plain records.
     * Resolves false where not supported.
     */
    private readonly sealedMove?: (transform: (store: string, record: unknown) => Promise<unknown>) => Promise<boolean>,
  ) {}

  private async meta(): Promise<LockMeta> {
    this.metaCache ??= (await (await this.db()).get('meta', 'lock')) ?? { key: 'lock', enabled: false, idleMinutes: DEFAULT_IDLE_MINUTES };
    return this.metaCache;
  }

  private async saveMeta(meta: LockMeta): Promise<void> {
    this.invalidate();
    this.metaCache = undefined;
    await (await this.db()).put('meta', meta);
    this.metaCache = meta;
  }

  /** Keys from storage.session after a worker restart. */
  private async loadKeys(): Promise<void> {
    if (this.loaded) return;
    this.loaded = true;
    const stored = SessionKeys.parse((await this.session.get([SESSION_KEYS]))[SESSION_KEYS]);
    for (const [v, b64] of Object.entries(stored)) this.keys.set(Number(v), await importAesKey(fromBase64(b64)));
  }

  private async keepKeys(raw: ReadonlyMap<number, Bytes>): Promise<void> {
    const prev = SessionKeys.parse((await this.session.get([SESSION_KEYS]))[SESSION_KEYS]);
    for (const [v, bytes] of raw) prev[String(v)] = toBase64(bytes);
    await this.session.set({ [SESSION_KEYS]: prev, [SESSION_ACTIVITY]: this.now() });
    for (const [v, bytes] of raw) this.keys.set(v, await importAesKey(bytes));
    this.invalidate();
  }

  private async forgetKey(version: number): Promise<void> {
    const prev = SessionKeys.parse((await this.session.get([SESSION_KEYS]))[SESSION_KEYS]);
    delete prev[String(version)];
    await this.session.set({ [SESSION_KEYS]: prev });
    this.keys.delete(version);
    this.invalidate();
  }

  /**
   * The codec for this moment: plain, encrypted (unlocked), decrypting (turning off) or locked. Called for
   * every record read or written (10,000 at once by an import), so the answer is kept until something
   * changes, concurrent callers share one lookup, and the idle time is checked at most every few seconds.
   */
  resolve(): Promise<BodyCodec> {
    if (this.current && this.now() - this.checkedIdleAt < 3000) return Promise.resolve(this.current);
    this.resolving ??= this.lookup().finally(() => {
      this.resolving = undefined;
    });
    return this.resolving;
  }

  private async lookup(): Promise<BodyCodec> {
    const now = this.now();
    const generation = this.generation;
    await this.loadKeys();
    const meta = await this.meta();
    if (this.keys.size > 0 && (await this.idleExpired(meta))) await this.lock();
    let codec: BodyCodec;
    if (!meta.enabled && !meta.migration) codec = plainCodec;
    else if (!meta.current || !this.keys.has(meta.current.version)) codec = lockedCodec;
    else {
      if (meta.migration) void this.resume(meta);
      codec = meta.migration?.kind === 'disable' ? decryptingCodec(this.keys) : encryptedCodec(this.keys, meta.current.version);
    }
    // Keep the answer only if nothing changed meanwhile (a lock, a new key).
    if (generation === this.generation) {
      this.current = codec;
      this.checkedIdleAt = now;
    }
    return codec;
  }

  /** Something changed: the next record asks again. */
  private invalidate(): void {
    this.current = undefined;
    this.generation++;
  }

  /** A codec object that always asks `resolve` (so stores can hold one reference). */
  readonly codec: BodyCodec = {
    encrypted: true,
    seal: async (body, aad) => (await this.resolve()).seal(body, aad),
    open: async (stored, aad) => (await this.resolve()).open(stored, aad),
  };

  async status(): Promise<LockStatus> {
    await this.loadKeys();
    const meta = await this.meta();
    if (this.keys.size > 0 && (await this.idleExpired(meta))) await this.lock();
    const locked = (meta.enabled || !!meta.migration) && !(meta.current && this.keys.has(meta.current.version));
    const wait = backoffSeconds(meta.failures ?? 0);
    return {
      enabled: meta.enabled,
      locked,
      idleMinutes: meta.idleMinutes,
      iterations: meta.current?.iterations,
      migrating: meta.migration?.kind,
      interrupted: !!meta.migration && locked,
      retryAt: wait && meta.failedAt !== undefined ? meta.failedAt + wait * 1000 : undefined,
    };
  }

  /**
   * Idle longer than allowed — or the clock went backwards since the last activity: a clock set back must
   * not postpone the lock, so time we cannot measure counts as idle.
   */
  private async idleExpired(meta: LockMeta): Promise<boolean> {
    const last = (await this.session.get([SESSION_ACTIVITY]))[SESSION_ACTIVITY];
    if (typeof last !== 'number') return false;
    const elapsed = this.now() - last;
    return elapsed < 0 || elapsed > meta.idleMinutes * 60_000;
  }

  /** The user did something: push the idle lock back (written at most every 10 s), unless it has run out. */
  async touch(): Promise<void> {
    const now = this.now();
    if (now >= this.lastTouch && now - this.lastTouch < 10_000) return;
    this.lastTouch = now;
    if (!this.keys.size) return;
    if (await this.idleExpired(await this.meta())) await this.lock();
    else await this.session.set({ [SESSION_ACTIVITY]: now });
  }

  /**
   * At the worker's start: a change the worker was stopped in the middle of goes on at once when the key is
   * still in storage.session (worker restart), not only at the next unlock. Without the key (browser restart)
   * `status().interrupted` reports it.
   */
  async resumeAtStart(): Promise<void> {
    await this.loadKeys();
    const meta = await this.meta();
    if (meta.migration && meta.current && this.keys.has(meta.current.version)) await this.resume(meta);
  }

  /** Called by an alarm every minute: lock after the idle time even if nothing asks. */
  async checkIdle(): Promise<boolean> {
    await this.loadKeys();
    if (!this.keys.size) return false;
    if (!(await this.idleExpired(await this.meta()))) return false;
    await this.lock();
    return true;
  }

  private async spec(passphrase: string, version: number, iterations: number): Promise<{ spec: KeySpec; raw: Bytes; key: CryptoKey }> {
    const salt = randomBytes(16);
    const raw = await deriveKeyBytes(passphrase, salt, iterations);
    const key = await importAesKey(raw);
    return { spec: { version, salt: toBase64(salt), iterations, verifier: await sealJson(key, VERIFIER_TEXT, 'verifier') }, raw, key };
  }

  /**
   * Derive the key of `spec` from a passphrase, or throw WrongPassphrase. Wrong guesses in a row make the
   * next attempt wait (backoffSeconds); the count is kept in the database, so a restart does not reset it.
   */
  private async derive(passphrase: string, spec: KeySpec): Promise<Bytes> {
    const meta = await this.meta();
    const failures = meta.failures ?? 0;
    const wait = backoffSeconds(failures);
    const retryAt = (meta.failedAt ?? 0) + wait * 1000;
    // A clock set back before the last failure does not shorten the wait either.
    if (wait && (this.now() < retryAt || this.now() < (meta.failedAt ?? 0))) {
      throw new TooManyAttempts(retryAt, Math.max(1, Math.ceil((retryAt - this.now()) / 1000)));
    }
    const raw = await deriveKeyBytes(passphrase, fromBase64(spec.salt), spec.iterations);
    try {
      if ((await openJson(await importAesKey(raw), spec.verifier, 'verifier')) === VERIFIER_TEXT) {
        if (failures) await this.saveMeta({ ...(await this.meta()), failures: undefined, failedAt: undefined });
        return raw;
      }
    } catch {
      // falls through: authentication failed
    }
    await this.saveMeta({ ...(await this.meta()), failures: failures + 1, failedAt: this.now() });
    throw new WrongPassphrase();
  }

  async enable(passphrase: string, idleMinutes = DEFAULT_IDLE_MINUTES, iterations = DEFAULT_ITERATIONS): Promise<void> {
    const meta = await this.meta();
    if (meta.enabled || meta.migration) throw new LockStateError('errors.lock.alreadyEnabled');
    if (passphrase.length < MIN_PASSPHRASE) throw new LockStateError('errors.lock.weakPassphrase', { min: MIN_PASSPHRASE });
    const { spec, raw } = await this.spec(passphrase, (meta.current?.version ?? 0) + 1, iterations);
    const next: LockMeta = { key: 'lock', enabled: true, idleMinutes, current: spec, migration: { kind: 'enable' } };
    await this.saveMeta(next);
    await this.keepKeys(new Map([[spec.version, raw]]));
    await this.onChange();
    await this.resume(next);
  }

  async unlock(passphrase: string): Promise<void> {
    const meta = await this.meta();
    if (!meta.current || (!meta.enabled && !meta.migration)) throw new LockStateError('errors.lock.notEnabledUnlock');
    const raw = await this.derive(passphrase, meta.current);
    const keys = new Map([[meta.current.version, raw]]);
    if (meta.migration?.kind === 'rekey') {
      // Interrupted passphrase change: the old key travels wrapped under the new one.
      const key = await importAesKey(raw);
      keys.set(meta.migration.previous.version, await openBytes(key, meta.migration.previous.wrapped, 'wrapped-key'));
    }
    await this.keepKeys(keys);
    await this.onChange();
    if (meta.migration) await this.resume(meta);
  }

  async lock(): Promise<void> {
    this.keys.clear();
    this.invalidate();
    await this.session.remove([SESSION_KEYS, SESSION_ACTIVITY]);
    await this.onChange();
  }

  async changePassphrase(oldPassphrase: string, newPassphrase: string): Promise<void> {
    const meta = await this.meta();
    if (!meta.enabled || !meta.current) throw new LockStateError('errors.lock.notEnabled');
    if (meta.migration) throw new LockStateError('errors.lock.busy');
    if (newPassphrase.length < MIN_PASSPHRASE) throw new LockStateError('errors.lock.weakPassphrase', { min: MIN_PASSPHRASE });
    const oldRaw = await this.derive(oldPassphrase, meta.current);
    const { spec, raw, key } = await this.spec(newPassphrase, meta.current.version + 1, meta.current.iterations);
    const wrapped = await sealBytes(key, oldRaw, 'wrapped-key');
    const next: LockMeta = { ...meta, current: spec, migration: { kind: 'rekey', previous: { version: meta.current.version, wrapped } } };
    // One write switches to the new key; records follow in batches and can always be opened meanwhile.
    await this.saveMeta(next);
    await this.keepKeys(new Map([[meta.current.version, oldRaw], [spec.version, raw]]));
    await this.resume(next);
  }

  async disable(passphrase: string): Promise<void> {
    const meta = await this.meta();
    if (!meta.enabled || !meta.current) throw new LockStateError('errors.lock.notEnabled');
    if (meta.migration) throw new LockStateError('errors.lock.busy');
    const raw = await this.derive(passphrase, meta.current);
    await this.keepKeys(new Map([[meta.current.version, raw]]));
    const next: LockMeta = { ...meta, enabled: false, migration: { kind: 'disable' } };
    await this.saveMeta(next);
    await this.resume(next);
  }

  async setIdleMinutes(minutes: number): Promise<void> {
    const meta = await this.meta();
    await this.saveMeta({ ...meta, idleMinutes: minutes });
  }

  /** Run (or join) the migration `meta` describes, then record that it finished. */
  private resume(meta: LockMeta): Promise<void> {
    this.migrating ??= this.migrate(meta).finally(() => {
      this.migrating = undefined;
    });
    return this.migrating;
  }

  private async migrate(meta: LockMeta): Promise<void> {
    const m = meta.migration;
    if (!m || !meta.current) return;
    const target = meta.current.version;
    const codec = m.kind === 'disable' ? decryptingCodec(this.keys) : encryptedCodec(this.keys, target);
    const finished: LockMeta = { ...meta, migration: undefined };
    if (m.kind === 'enable' && this.sealedMove && (await this.moveSealed(codec, finished))) return;
    await this.migrateInPlace(m.kind, target, codec);
    if (m.kind === 'disable') {
      finished.current = undefined;
      await this.saveMeta(finished);
      await this.lock();
      return;
    }
    await this.saveMeta(finished);
    if (m.kind === 'rekey') await this.forgetKey(m.previous.version);
    if (m.kind === 'enable') await this.afterSealed();
  }

  /** Turning the lock on where the home can move: everything sealed into a new home in one switch. */
  private async moveSealed(codec: BodyCodec, finished: LockMeta): Promise<boolean> {
    const move = this.sealedMove;
    if (!move) return false;
    const moved = await move(async (store, record) => {
      if (store === 'meta' && isRecord(record) && record.key === 'lock') return finished;
      // Records of other stores pass unchanged.
      return isSealedStore(store) ? reseal(codec, store, record) : record;
    });
    if (!moved) return false;
    this.metaCache = finished;
    this.invalidate();
    return true;
  }

  private async migrateInPlace(kind: 'enable' | 'disable' | 'rekey', target: number, codec: BodyCodec): Promise<void> {
    const done = (body: StoredBody | undefined) => body !== undefined && (kind === 'disable' ? 'plain' in body : 'sealed' in body && body.sealed.kv === target);
    const db = await this.db();
    for (const store of SEALED_STORE_NAMES) {
      for (;;) {
        const todo = (await db.getAll(store)).filter((r) => !done(bodyOf(store, r))).slice(0, BATCH);
        if (!todo.length) break;
        // Seal the whole batch first: awaiting crypto inside a transaction would let it commit half-done.
        const sealed = await Promise.all(todo.map((r) => reseal(codec, store, r)));
        await this.writeBack(db, store, sealed);
        this.afterBatch();
      }
    }
  }

  /** Write re-sealed records, except those changed meanwhile: they were written with the new codec already. */
  private async writeBack<S extends SealedStore>(db: JzsDatabase, store: S, records: readonly JzsDB[S]['value'][]): Promise<void> {
    const { key, revision } = SEALED_STORES[store];
    const tx = db.transaction(store, 'readwrite');
    for (const r of records) {
      const k = key(r);
      const current = k === undefined ? undefined : await tx.store.get(k);
      if (current && revision(current) === revision(r)) void tx.store.put(r);
    }
    await tx.done;
  }
}
