/**
 * Load a replica as a Document for unit tests, in two states:
 *  - 'source': the HTML as served (what a detector sees if it runs before the page's scripts);
 *  - 'rendered': after the Epoint layout and MiniUI stand-ins have rendered it, as a browser shows it
 *    (inline page scripts are not run here; browser tests cover fully scripted pages).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPLICAS, type Replica } from '../fixtures/replicas';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures');

export function readFixture(file: string, charset = 'utf-8'): string {
  return new TextDecoder(charset).decode(readFileSync(join(FIXTURES, file)));
}

export type DomState = 'source' | 'rendered';

const STANDINS = ['lib/epoint-layout.js', 'lib/miniui-standin.js'].map((f) => readFixture(f));

export function replicaDocument(r: Replica, state: DomState): Document {
  // Frames stay in the markup (detectors look for them) but are not loaded: unit tests fetch nothing.
  return parseReplica(readFixture(r.file, r.charset), state);
}

/** A replica's HTML (possibly mutated) as a Document in the given state. */
export function parseReplica(source: string, state: DomState): Document {
  const html = source.replace(/(<iframe\b[^>]*?)\ssrc=/g, '$1 srcdoc=" " data-src=');
  const doc = new DOMParser().parseFromString(html, 'text/html');
  if (state === 'rendered' && /miniui\.js/.test(source)) renderMini(doc);
  return doc;
}

export function replicasWithState(): Array<{ replica: Replica; state: DomState }> {
  return REPLICAS.flatMap((replica) =>
    (['source', 'rendered'] as const).map((state) => ({ replica, state })),
  );
}

/**
 * A replica as a browser shows it after its own inline scripts ran (grids fed from page globals), then the
 * Epoint/MiniUI stand-ins: the inline scripts' top-level `var`s and functions become the window's globals.
 */
export function replicaWithScripts(file: string): Document {
  const doc = new DOMParser().parseFromString(readFixture(file), 'text/html');
  const shim: Record<string, unknown> = { document: doc, scrollX: 0, scrollY: 0 };
  for (const script of Array.from(doc.querySelectorAll('script:not([src])'))) {
    const src = script.textContent ?? '';
    const names = [...src.matchAll(/^ {0,2}(?:var|function)\s+(\w+)/gm)].map((m) => m[1]!);
    Object.assign(shim, new Function(`${src}\nreturn { ${names.join(', ')} };`)() as Record<string, unknown>);
  }
  for (const src of STANDINS) new Function('window', src)(shim);
  return doc;
}

/** Run the Epoint layout and MiniUI stand-ins over a parsed page, as the browser would after load. */
export function renderMini(doc: Document): void {
  const shim = { document: doc, scrollX: 0, scrollY: 0 } as unknown as Window;
  for (const run of compiled()) run(shim);
}

// Compiled once: the mutation corpus renders thousands of pages.
let standins: Array<(w: Window) => void> | undefined;
function compiled(): Array<(w: Window) => void> {
  standins ??= STANDINS.map((src) => new Function('window', src) as (w: Window) => void);
  return standins;
}
