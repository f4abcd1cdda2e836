import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import bcd from '@mdn/browser-compat-data' with { type: 'json' };
import { describe, expect, it } from 'vitest';
import { ROOT } from './harness';

/**
 * The Firefox build's `strict_min_version` is checked against MDN's browser-compat-data (the browser tests run
 * one Firefox ESR only, so older versions are known from the data): it must be the lowest version that has every WebExtension API the code calls and every
 * manifest key the build writes. An API called through `?.` (feature-detected) does not count.
 */
type Compat = { __compat?: { support?: { firefox?: { version_added?: string | boolean | null } | Array<{ version_added?: string | boolean | null }> } } };
type Node = Compat & { [key: string]: Node | undefined };

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? sourceFiles(p) : /\.tsx?$/.test(f) ? [p] : [];
  });
}

/** The Firefox version that added `path` (deepest entry BCD knows), or undefined where BCD has none. */
function firefoxVersion(root: Node, path: readonly string[]): { version?: number; known: string[] } {
  let node: Node | undefined = root;
  let found: number | undefined;
  const known: string[] = [];
  for (const part of path) {
    node = node?.[part];
    if (!node) break;
    known.push(part);
    const support = node.__compat?.support?.firefox;
    const added = (Array.isArray(support) ? support[0] : support)?.version_added;
    if (typeof added === 'string') found = Math.max(found ?? 0, Number.parseFloat(added.replace(/^≤/, '')));
    if (added === false) return { known };
  }
  return { version: found, known };
}

/** `browser.ns.member(.sub)` used unconditionally in src/ and entrypoints/, plus option objects we rely on. */
function apisUsed(): Array<{ path: string[]; where: string }> {
  const out: Array<{ path: string[]; where: string }> = [];
  for (const file of [...sourceFiles(join(ROOT, 'src')), ...sourceFiles(join(ROOT, 'entrypoints'))]) {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/browser\.([a-zA-Z]+)\.([a-zA-Z]+)(?:\.([a-zA-Z]+))?(\?\.)?/g)) {
      if (m[4]) continue; // feature-detected
      out.push({ path: [m[1]!, m[2]!, ...(m[3] ? [m[3]] : [])], where: file.slice(ROOT.length + 1) });
    }
    // scripting.executeScript({ world: 'MAIN' }) needs the `world` option.
    if (/executeScript\(/.test(text) && /world:\s*'MAIN'/.test(text)) out.push({ path: ['scripting', 'executeScript', 'world'], where: file.slice(ROOT.length + 1) });
  }
  return out;
}

/** Every key path of the built manifest (objects walked; arrays and values are leaves). */
function manifestKeys(value: unknown, prefix: string[] = []): string[][] {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return [prefix];
  return Object.entries(value).flatMap(([k, v]) => [[...prefix, k], ...manifestKeys(v, [...prefix, k])]);
}

describe('Firefox strict_min_version matches what the extension uses (browser-compat-data)', () => {
  const manifest = JSON.parse(readFileSync(join(ROOT, '.output', 'firefox-mv3', 'manifest.json'), 'utf8')) as {
    browser_specific_settings: { gecko: { strict_min_version: string } };
  };
  const declared = Number.parseFloat(manifest.browser_specific_settings.gecko.strict_min_version);
  const api = bcd.webextensions.api as unknown as Node;
  const keys = bcd.webextensions.manifest as unknown as Node;

  const needs: Array<{ what: string; version: number }> = [];
  const unknownApis: string[] = [];
  for (const use of apisUsed()) {
    const r = firefoxVersion(api, use.path);
    // `storage.session.get` is known as `storage.StorageArea.get`: the namespace entry is the requirement.
    if (r.version === undefined || r.known.length < 2) unknownApis.push(`${use.path.join('.')} (${use.where})`);
    else needs.push({ what: `api ${use.path.join('.')}`, version: r.version });
  }
  for (const path of manifestKeys(manifest)) {
    const r = firefoxVersion(keys, path);
    if (r.version !== undefined && r.known.length === path.length) needs.push({ what: `manifest ${path.join('.')}`, version: r.version });
  }
  const required = needs.reduce((a, b) => (b.version > a.version ? b : a), { what: 'none', version: 0 });

  it('every API the code calls is known to browser-compat-data for Firefox', () => {
    expect(unknownApis).toEqual([]);
  });

  it(`declares exactly the lowest version with everything used (today: ${required.what}, Firefox ${required.version})`, () => {
    expect(needs.length).toBeGreaterThan(10);
    expect(declared).toBe(required.version);
  });
});
