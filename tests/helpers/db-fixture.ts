import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

interface Fixture {
  version: number;
  stores: Record<string, { keyPath: string; autoIncrement?: boolean; indexes: Array<{ name: string; keyPath: string }>; records: unknown[] }>;
}

export function fixtureExists(name: string): boolean {
  return existsSync(join(import.meta.dirname, '..', 'fixtures', 'db', name));
}

export function loadDbFixture(name: string): Fixture {
  return JSON.parse(readFileSync(join(import.meta.dirname, '..', 'fixtures', 'db', name), 'utf8')) as Fixture;
}

/** Create a database exactly as an earlier version left it (schema and records from the fixture). */
export function createFromFixture(dbName: string, fixture: Fixture): Promise<void> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open(dbName, fixture.version);
    req.onupgradeneeded = () => {
      const db = req.result;
      for (const [store, def] of Object.entries(fixture.stores)) {
        const os = db.createObjectStore(store, { keyPath: def.keyPath, autoIncrement: def.autoIncrement ?? false });
        for (const ix of def.indexes) os.createIndex(ix.name, ix.keyPath);
        for (const r of def.records) os.put(r);
      }
    };
    req.onsuccess = () => {
      req.result.close();
      resolve();
    };
    req.onerror = () => reject(req.error);
  });
}
