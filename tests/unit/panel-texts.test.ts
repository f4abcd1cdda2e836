import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import contentZh from '../../assets/i18n/content.zh-CN.json';
import hintsZh from '../../assets/i18n/hints.zh-CN.json';
import pagesZh from '../../assets/i18n/pages.zh-CN.json';
import { PANEL_TEXT_PARTS, panelTexts } from '../../src/i18n/panel-texts';

const SRC = join(import.meta.dirname, '../../src');

/** The source files the panel frame's bundle is made of: static relative imports from its mount, within src/. */
function panelModules(): string[] {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    // Type-only imports are erased from the bundle: not followed.
    for (const m of code(file).matchAll(/(?:^|\n)\s*(?:import|export)\s(?!type\s)[^;]*?from\s+'(\.[^']+)'|(?:^|\n)\s*import\s+'(\.[^']+)'/g)) {
      const spec = m[1] ?? m[2] ?? '';
      const base = join(dirname(file), spec);
      const found = [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts')].find((p) => p.startsWith(SRC) && existsSync(p) && /\.tsx?$/.test(p));
      if (found) visit(found);
    }
  };
  visit(join(SRC, 'ui/panel/mount.tsx'));
  return [...seen];
}

/** A module's code without its comments (which quote keys and calls in prose). */
function code(file: string): string {
  return readFileSync(file, 'utf8')
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/(^|[^:'"`\\])\/\/.*$/gm, '$1');
}

const has = (catalogue: unknown, key: string): boolean => {
  let node: unknown = catalogue;
  for (const part of key.split('.')) {
    if (typeof node !== 'object' || node === null || !(part in node)) return false;
    node = Reflect.get(node, part);
  }
  return typeof node === 'string';
};

describe("the panel frame's texts (issue 13.5)", () => {
  const cut = panelTexts(pagesZh);
  const modules = panelModules();

  it('walks the whole panel (its app, the fill preview, the checklist, the error model)', () => {
    const names = modules.map((f) => relative(SRC, f));
    expect(names).toEqual(expect.arrayContaining(['ui/panel/PanelApp.tsx', 'ui/components/FillPreview.tsx', 'ui/components/ChecklistList.tsx', 'i18n/problem.ts', 'ui/components/CaseOffers.tsx']));
  });

  it('has every pages key the panel names, and every part it builds keys in', () => {
    const parts = Object.keys(pagesZh);
    const missing: string[] = [];
    for (const file of modules) {
      for (const m of code(file).matchAll(/['"`]([a-zA-Z]+)\.([\w.]*)(\$\{)?/g)) {
        const [, part = '', rest = '', dynamic] = m;
        if (!parts.includes(part)) continue;
        const key = `${part}.${rest}`.replace(/\.$/, '');
        if (dynamic || rest === '' || rest.endsWith('.')) {
          if (!(part in cut)) missing.push(`${relative(SRC, file)}: ${key}…`);
        } else if (!has(cut, key) && !has(contentZh, key) && !has(hintsZh, key)) missing.push(`${relative(SRC, file)}: ${key}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('leaves the workbench-only parts out', () => {
    expect(Object.keys(cut).sort()).toEqual([...PANEL_TEXT_PARTS].sort());
    for (const part of ['import', 'restore', 'pdf', 'backup', 'export']) expect(cut).not.toHaveProperty(part);
    expect(JSON.stringify(cut).length).toBeLessThan(JSON.stringify(pagesZh).length / 2);
  });
});
