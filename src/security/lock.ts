import { caseAad } from '../cases/store';
import { type BodyCodec, LockedError, lockedCodec, plainCodec } from '../profiles/codec';
import type { JzsDatabase, KeySpec, LockMeta, StoredBody } from '../storage/db';
import {
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

export class WrongPassphrase extends Error {
  readonly code = 'wrong-passphrase';
  constructor() {
    super('口令不正确，请重新输入。（区分大小写；忘记口令则加密的档案无法恢复。）');
    this.name = 'WrongPassphrase';
  }
}

export class LockStateError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'LockStateError';
  }
}

export interface LockStatus {
  enabled: boolean;
  locked: boolean;
  idleMinutes: number;
  iterations?: number | undefined;
  migrating?: 'enable' | 'disable' | 'rekey' | undefined;
}

const VERIFIER_TEXT = 'jzs-lock-v1';
const SESSION_KEYS = 'lock.keys';
const SESSION_ACTIVITY = 'lock.lastActivity';
export const DEFAULT_IDLE_MINUTES = 15;
const BATCH = 200;

/** Encrypt with the current key version; open with whichever version sealed the record (or plaintext). */
function encryptedCodec(keys: ReadonlyMap<number, CryptoKey>, current: number): BodyCodec {
  return {
    encrypted: true,
    seal: async (body, aad) => ({ sealed: { ...(await sealJson(keys.get(current)!, body, aad)), kv: current } }),
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
    /** Called when the lock has sealed every record (purges plaintext remnants, see storage/home.ts). */
    private readonly afterSealed: () => Promise<void> = async () => undefined,
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
    const stored = (await this.session.get([SESSION_KEYS]))[SESSION_KEYS] as Record<string, string> | undefined;
    for (const [v, b64] of Object.entries(stored ?? {})) this.keys.set(Number(v), await importAesKey(fromBase64(b64)));
  }

  private async keepKeys(raw: ReadonlyMap<number, Uint8Array>): Promise<void> {
    const prev = ((await this.session.get([SESSION_KEYS]))[SESSION_KEYS] as Record<string, string> | undefined) ?? {};
    for (const [v, bytes] of raw) prev[String(v)] = toBase64(bytes);
    await this.session.set({ [SESSION_KEYS]: prev, [SESSION_ACTIVITY]: this.now() });
    for (const [v, bytes] of raw) this.keys.set(v, await importAesKey(bytes));
    this.invalidate();
  }

  private async forgetKey(version: number): Promise<void> {
    const prev = ((await this.session.get([SESSION_KEYS]))[SESSION_KEYS] as Record<string, string> | undefined) ?? {};
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
    return { enabled: meta.enabled, locked, idleMinutes: meta.idleMinutes, iterations: meta.current?.iterations, migrating: meta.migration?.kind };
  }

  private async idleExpired(meta: LockMeta): Promise<boolean> {
    const last = (await this.session.get([SESSION_ACTIVITY]))[SESSION_ACTIVITY];
    return typeof last === 'number' && this.now() - last > meta.idleMinutes * 60_000;
  }

  /** The user did something: push the idle lock back (written at most every 10 s). */
  async touch(): Promise<void> {
    if (this.now() - this.lastTouch < 10_000) return;
    this.lastTouch = this.now();
    if (this.keys.size) await this.session.set({ [SESSION_ACTIVITY]: this.now() });
  }

  /** Called by an alarm every minute: lock after the idle time even if nothing asks. */
  async checkIdle(): Promise<boolean> {
    await this.loadKeys();
    if (!this.keys.size) return false;
    if (!(await this.idleExpired(await this.meta()))) return false;
    await this.lock();
    return true;
  }

  private async spec(passphrase: string, version: number, iterations: number): Promise<{ spec: KeySpec; raw: Uint8Array; key: CryptoKey }> {
    const salt = randomBytes(16);
    const raw = await deriveKeyBytes(passphrase, salt, iterations);
    const key = await importAesKey(raw);
    return { spec: { version, salt: toBase64(salt), iterations, verifier: await sealJson(key, VERIFIER_TEXT, 'verifier') }, raw, key };
  }

  /** Derive the key of `spec` from a passphrase, or throw WrongPassphrase. */
  private async derive(passphrase: string, spec: KeySpec): Promise<Uint8Array> {
    const raw = await deriveKeyBytes(passphrase, fromBase64(spec.salt), spec.iterations);
    try {
      if ((await openJson(await importAesKey(raw), spec.verifier, 'verifier')) === VERIFIER_TEXT) return raw;
    } catch {
      // falls through: authentication failed
    }
    throw new WrongPassphrase();
  }

  async enable(passphrase: string, idleMinutes = DEFAULT_IDLE_MINUTES, iterations = DEFAULT_ITERATIONS): Promise<void> {
    const meta = await this.meta();
    if (meta.enabled || meta.migration) throw new LockStateError('already-enabled', '档案加密已经开启。');
    if (passphrase.length < 8) throw new LockStateError('weak-passphrase', '口令至少需要 8 个字符。');
    const { spec, raw } = await this.spec(passphrase, (meta.current?.version ?? 0) + 1, iterations);
    const next: LockMeta = { key: 'lock', enabled: true, idleMinutes, current: spec, migration: { kind: 'enable' } };
    await this.saveMeta(next);
    await this.keepKeys(new Map([[spec.version, raw]]));
    await this.onChange();
    await this.resume(next);
  }

  async unlock(passphrase: string): Promise<void> {
    const meta = await this.meta();
    if (!meta.current || (!meta.enabled && !meta.migration)) throw new LockStateError('not-enabled', '档案加密没有开启，无需解锁。');
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
    if (!meta.enabled || !meta.current) throw new LockStateError('not-enabled', '档案加密没有开启。');
    if (meta.migration) throw new LockStateError('busy', '上一次的加密变更还没有完成，请先解锁让它完成。');
    if (newPassphrase.length < 8) throw new LockStateError('weak-passphrase', '口令至少需要 8 个字符。');
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
    if (!meta.enabled || !meta.current) throw new LockStateError('not-enabled', '档案加密没有开启。');
    if (meta.migration) throw new LockStateError('busy', '上一次的加密变更还没有完成，请先解锁让它完成。');
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
    const done = (body: StoredBody) => (m.kind === 'disable' ? 'plain' in body : 'sealed' in body && body.sealed.kv === target);
    const codec = m.kind === 'disable' ? decryptingCodec(this.keys) : encryptedCodec(this.keys, target);
    const db = await this.db();
    // Every store whose records carry an applicant's data: profile bodies, fill logs, cases.
    for (const store of ['profiles', 'fillLogs', 'cases'] as const) {
      for (;;) {
        const all = await db.getAll(store);
        const bodyOf = (r: (typeof all)[number]): StoredBody => ('body' in r ? r.body : r.entry);
        const todo = all.filter((r) => !done(bodyOf(r))).slice(0, BATCH);
        if (!todo.length) break;
        // Seal the whole batch first: awaiting crypto inside a transaction would let it commit half-done.
        const sealed = await Promise.all(
          todo.map(async (r) => {
            const isLog = store === 'fillLogs';
            const body = isLog ? (r as { entry: StoredBody }).entry : (r as { body: StoredBody }).body;
            const aad = isLog ? `filllog:${(r as { profileId: string }).profileId}` : store === 'cases' ? caseAad((r as { id: string }).id) : `profile:${(r as { id: string }).id}`;
            const next = await codec.seal(await codec.open(body, aad), aad);
            return isLog ? { ...r, entry: next } : { ...r, body: next };
          }),
        );
        const tx = db.transaction(store, 'readwrite');
        for (const r of sealed) {
          // A profile edited meanwhile was already written with the new codec: never overwrite it.
          const key = store === 'fillLogs' ? (r as { id: number }).id : (r as { id: string }).id;
          const current = (await tx.store.get(key as never)) as { revision?: number } | undefined;
          if (current && current.revision === (r as { revision?: number }).revision) void tx.store.put(r as never);
        }
        await tx.done;
        this.afterBatch();
      }
    }
    const finished: LockMeta = { ...meta, migration: undefined };
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
}
