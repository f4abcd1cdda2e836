import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Meta-test (issue 16 item 5): the README's table of recognised pages is the page definitions in rules/pages/
 * — same ids (the file names), same portals — so a page added, renamed or removed is documented.
 */
const ROOT = resolve(import.meta.dirname, '..', '..');
const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
const section = readme.slice(readme.indexOf('### Pages the extension recognises'), readme.indexOf('### Adding a page'));
const rows = [...section.matchAll(/^\|\s*`([a-z0-9-]+)`\s*\|\s*([a-z-]+)\s*\|/gm)].map((m) => ({ id: m[1]!, portal: m[2]! }));
const pages = readdirSync(join(ROOT, 'rules', 'pages'))
  .filter((f) => f.endsWith('.json'))
  .map((f) => ({ id: f.slice(0, -'.json'.length), portal: (JSON.parse(readFileSync(join(ROOT, 'rules', 'pages', f), 'utf8')) as { portal: string }).portal }));

describe('README page table', () => {
  it('has a row per page definition, with its portal, and no other', () => {
    expect(section.length).toBeGreaterThan(0);
    const byId = (a: { id: string }, b: { id: string }) => a.id.localeCompare(b.id);
    expect([...rows].sort(byId)).toEqual([...pages].sort(byId));
  });
});
