import { describe, expect, it } from 'vitest';
import { evaluate, mapped, truthOf } from '../fixtures/mutation/evaluate';
import { addForeign } from '../fixtures/mutation/foreign';
import { inFreshWindow } from '../fixtures/mutation/window';
import { REPLICAS } from '../fixtures/replicas';
import { readFixture, renderMini } from '../helpers/replica-dom';

/**
 * Wrong values first (the review of pages we did not write): every replica with applicant fields, 60 times with
 * other people's and earlier values' boxes put in (tests/fixtures/mutation/foreign.ts) — an agent's or a legal
 * representative's section repeating the applicant's labels, role-prefixed labels, 原…/变更前… boxes (some
 * read-only), labels after their boxes, a row copied with its ids. No added box may be mapped to any field (the
 * fill would put the applicant's value there) and the page's own boxes keep their fields, the identity ones on
 * every variant. Heavy: one time zone only.
 */
const VARIANTS = 60;
const heavy = process.env.TZ === 'Asia/Shanghai' ? describe : describe.skip;
const PERSONAL = /^(name|idNumber|mobile|phone|email|address)$/;

heavy("other people's and earlier values' boxes beside the applicant's", () => {
  const withApplicant = REPLICAS.filter((r) => !r.name.startsWith('bench-') && [...truthOf(r).values()].some((k) => PERSONAL.test(k)));
  it('covers the pages with applicant fields', () => expect(withApplicant.length).toBeGreaterThanOrEqual(8));
  for (const r of withApplicant) {
    it(`${r.name}: ${VARIANTS} variants, no added box mapped, the page's own keep their fields`, { timeout: 300_000 }, async () => {
      const html = readFixture(r.file, r.charset);
      const truth = new Map([...truthOf(r)].filter(([control]) => !control.startsWith('name:')));
      const bad: string[] = [];
      await inFreshWindow(() => {
        for (let i = 0; i < VARIANTS; i++) {
          const v = addForeign(html, 7000 + 31 * i + r.name.length, truth, /miniui\.js/.test(html) ? renderMini : undefined);
          const o = evaluate(r, v.doc);
          const foreign = mapped(r, v.doc).filter((f) => f.anchor.closest('[data-foreign]')).map((f) => `added「${f.label}」→${f.key}`);
          const own = o.wrong.filter((w) => truth.has(w.split('→')[0] ?? ''));
          const problems = [...foreign, ...own, ...(o.ok.page ? [] : [`page ${o.page}`]), ...(o.ok.identity ? [] : [`identity missing ${o.missing.join(',')}`])];
          if (problems.length) bad.push(`seed ${v.seed} (${v.kinds.join('+')}): ${problems.join('; ')}`);
        }
      });
      expect(bad.slice(0, 5), `${bad.length} of ${VARIANTS} variants`).toEqual([]);
    });
  }
});
