import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { CHROME_MATCHES, FIREFOX_MATCHES } from '../../src/portals/origins';
import { CONTENT_SCRIPT_BUDGET } from '../bench/budgets';
import { ROOT } from './harness';

/** Lints of the built extension (run after `wxt build` for both browsers; no browser needed). */
const OUT = join(ROOT, '.output');
const manifest = (dir: string) => JSON.parse(readFileSync(join(OUT, dir, 'manifest.json'), 'utf8')) as Record<string, unknown>;
function files(dir: string, ext: RegExp): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p, ext) : ext.test(f) ? [p] : [];
  });
}

describe.each([
  ['chrome-mv3', CHROME_MATCHES],
  ['firefox-mv3', FIREFOX_MATCHES],
])('%s build', (dir, matches) => {
  const m = manifest(dir);

  it('asks for the three portal origins and nothing wider', () => {
    expect([...(m.host_permissions as string[])].sort()).toEqual([...matches].sort());
    const scripts = m.content_scripts as Array<{ matches: string[]; all_frames: boolean }>;
    expect(scripts).toHaveLength(1);
    expect([...scripts[0]!.matches].sort()).toEqual([...matches].sort());
    expect(scripts[0]!.all_frames).toBe(true);
    expect(JSON.stringify(m)).not.toMatch(/<all_urls>|\*:\/\/\*|https?:\/\/\*\//);
  });

  it('has exactly the permissions the README justifies, the default CSP, only the panel exposed and only to the portals', () => {
    expect([...(m.permissions as string[])].sort()).toEqual(['alarms', 'notifications', 'scripting', 'storage']);
    expect(m.optional_permissions).toBeUndefined();
    expect(m.content_security_policy).toBeUndefined();
    // The on-page panel (panel.html) is the one page a portal page may frame; nothing else, nowhere else.
    const war = m.web_accessible_resources as Array<{ resources: string[]; matches: string[] }>;
    expect(war).toHaveLength(1);
    expect(war[0]!.resources).toEqual(['panel.html']);
    expect([...war[0]!.matches].sort()).toEqual([...matches].sort());
    expect(m.externally_connectable).toBeUndefined();
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    for (const p of m.permissions as string[]) expect(readme, `README justifies ${p}`).toMatch(new RegExp(`\\|\\s*\`${p}\`\\s*\\|`));
  });

  it('has the product icons at 16/32/48/128 px and a localized toolbar title', () => {
    const icons = m.icons as Record<string, string>;
    expect(Object.keys(icons).sort()).toEqual(['128', '16', '32', '48']);
    for (const [size, file] of Object.entries(icons)) {
      const png = readFileSync(join(OUT, dir, file));
      expect(png.subarray(1, 4).toString(), file).toBe('PNG');
      // PNG IHDR: width and height, big-endian, at bytes 16 and 20.
      expect([png.readUInt32BE(16), png.readUInt32BE(20)], file).toEqual([Number(size), Number(size)]);
    }
    const action = m.action as { default_title?: string; default_icon?: Record<string, string> };
    expect(action.default_icon).toEqual(icons);
    expect(action.default_title).toBe('__MSG_extName__');
    const en = JSON.parse(readFileSync(join(OUT, dir, '_locales', 'en', 'messages.json'), 'utf8')) as Record<string, { message: string }>;
    expect(en.extName?.message).toMatch(/^[\x20-\x7e]+$/);
  });

  it('contains no dynamic code and no remote code', () => {
    for (const f of files(join(OUT, dir), /\.js$/)) {
      const code = readFileSync(f, 'utf8');
      expect(code, f).not.toMatch(/\beval\s*\(/);
      expect(code, f).not.toMatch(/new\s+Function\b/);
      // The Function constructor under another name (what minifiers make of `const F = Function; new F()`).
      expect(code, f).not.toMatch(/(?<![\w$.])Function\s*[,;)]|(?<![\w$.])Function\s*\(/);
      expect(code, f).not.toMatch(/importScripts\s*\(\s*['"`]https?:/);
      expect(code, f).not.toMatch(/\bimport\s*\(\s*['"`]https?:/);
    }
    for (const f of files(join(OUT, dir), /\.html$/)) {
      expect(readFileSync(f, 'utf8'), f).not.toMatch(/<script[^>]+src=["']https?:/);
    }
  });
});

describe('content script budget (T2)', () => {
  const code = readFileSync(join(OUT, 'chrome-mv3', 'content-scripts', 'portal.js'));
  it(`is at most ${CONTENT_SCRIPT_BUDGET} bytes gzip`, () => {
    expect(gzipSync(code, { level: 9 }).length).toBeLessThanOrEqual(CONTENT_SCRIPT_BUDGET);
  });
  it('carries no zod, pinyin, spreadsheet or PDF library', () => {
    const text = code.toString();
    expect(text).not.toMatch(/ZodType|\$ZodObject|zod/i);
    expect(text).not.toMatch(/pinyin|polyphonic/i);
    expect(text).not.toMatch(/papaparse|sharedStrings|fflate|unzipSync/i);
    expect(text).not.toMatch(/pdf-lib|PDFDocument|pdfjs/i);
  });
  it('carries no validators and no structure report: the background injects them into the frame that needs them (src/content/checker.ts)', () => {
    const injected = readFileSync(join(OUT, 'chrome-mv3', 'portal-checks.js'), 'utf8');
    // The check characters of the ID number (GB 11643) and the credit code (GB 32100), a PDF's end marker: only the
    // validators use them.
    for (const table of ['10X98765432', '0123456789ABCDEFGHJKLMNPQRTUWXY', '%%EOF']) {
      expect(injected, table).toContain(table);
      expect(code.toString(), table).not.toContain(table);
    }
    // Nor the structure report a person asks the panel for (its format's name is only written by it).
    expect(readFileSync(join(OUT, 'chrome-mv3', 'portal-report.js'), 'utf8')).toContain('jzs-page-report');
    expect(code.toString()).not.toContain('jzs-page-report');
    const manifest = JSON.parse(readFileSync(join(OUT, 'chrome-mv3', 'manifest.json'), 'utf8')) as { web_accessible_resources: Array<{ resources: string[] }> };
    // Injected by the background (scripting.executeScript), never loadable by a page.
    expect(manifest.web_accessible_resources.flatMap((r) => r.resources)).not.toEqual(expect.arrayContaining([expect.stringMatching(/portal-(checks|report)/)]));
  });
  it('carries no label reading: which field a label names is read by the background (src/content/label-cache.ts)', () => {
    const background = readFileSync(join(OUT, 'chrome-mv3', 'background.js'), 'utf8');
    // Word classes only the label reading uses (fields.ts: an earlier value, the applicant's employer): in the
    // background's bundle, not in the content script's.
    for (const words of ['调出|转出|离职|解聘', '聘用|受聘|工作|所在']) {
      expect(background, words).toContain(words);
      expect(code.toString(), words).not.toContain(words);
    }
  });
});
