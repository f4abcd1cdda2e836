import { IDBFactory } from 'fake-indexeddb';
import type { SessionArea } from '../../src/security/lock';
import type { BucketManager } from '../../src/storage/home';

/** storage.session stand-in: survives a worker restart (same object), not a browser restart (a new one). */
export class FakeSession implements SessionArea {
  data = new Map<string, unknown>();
  async get(keys: string[]) {
    return Object.fromEntries(keys.filter((k) => this.data.has(k)).map((k) => [k, structuredClone(this.data.get(k))]));
  }
  async set(items: Record<string, unknown>) {
    for (const [k, v] of Object.entries(items)) this.data.set(k, structuredClone(v));
  }
  async remove(keys: string[]) {
    for (const k of keys) this.data.delete(k);
  }
}

/** storageBuckets stand-in: each bucket its own IndexedDB (as each has its own files in Chromium). */
export class FakeBuckets implements BucketManager {
  readonly factories = new Map<string, IDBFactory>();
  async open(name: string) {
    let factory = this.factories.get(name);
    if (!factory) {
      factory = new IDBFactory();
      this.factories.set(name, factory);
    }
    return { indexedDB: factory };
  }
  async delete(name: string) {
    this.factories.delete(name);
  }
  async keys() {
    return [...this.factories.keys()];
  }
}
