/**
 * `npm run recognition`: what recognition makes of every replica and variant — page id (or
 * <portal>-unrecognised), level and confidence, business, expected fields mapped, materials matched — then the
 * pass rates over the mutation corpus (200 variants per replica, fixed seeds; `--variants N` to change,
 * `--replica NAME --seed S` to show one variant's detail).
 */
import { Window } from 'happy-dom';
import { evaluate, type Outcome } from '../fixtures/mutation/evaluate';
import { mutate } from '../fixtures/mutation/mutate';
import { inFreshWindow } from '../fixtures/mutation/window';
import { REPLICAS, replica } from '../fixtures/replicas';
import { readFixture, renderMini, replicaDocument } from '../helpers/replica-dom';

// The DOM the unit tests use (happy-dom), as globals for the recognition code.
const win = new Window();
for (const name of ['DOMParser', 'Node', 'NodeFilter', 'Element', 'HTMLElement', 'HTMLInputElement', 'HTMLSelectElement', 'HTMLOptionElement', 'HTMLTextAreaElement', 'HTMLLabelElement', 'HTMLTableCellElement', 'CSS']) {
  Object.assign(globalThis, { [name]: (win as unknown as Record<string, unknown>)[name] });
}

const arg = (name: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
};
const variants = Number(arg('variants') ?? 200);
const only = arg('replica');
const seed = arg('seed');

const mark = (ok: boolean) => (ok ? '' : ' ✗');
function line(name: string, o: Outcome): string {
  const fields = `${o.expected.length - o.missing.length}/${o.expected.length}${o.missing.length ? ` (missing ${o.missing.join(', ')})` : ''}`;
  return [
    name.padEnd(40),
    `${o.page ?? '—'}${mark(o.ok.page)}`.padEnd(34),
    `${o.level ?? '—'} ${o.confidence.toFixed(1)}`.padEnd(10),
    `${o.business ?? '—'}${mark(o.ok.business)}`.padEnd(16),
    `fields ${fields}${mark(o.ok.fields)}`.padEnd(40),
    o.materials ? `materials ${o.materials.join(',') || '—'}${mark(o.ok.materials)}` : '',
    o.wrong.length ? `WRONG ${o.wrong.join('; ')}` : '',
  ].join(' ');
}

const replicas = REPLICAS.filter((r) => !only || r.name === only);
if (seed) {
  for (const r of replicas) {
    const v = mutate(readFixture(r.file, r.charset), Number(seed), renderMini);
    console.log(`${r.name} seed ${seed}: ${v.mutations.join('+')}\n${line(r.name, evaluate(r, v.doc, v.renamed))}`);
    console.log(v.doc.body.innerHTML.replace(/\s+/g, ' ').slice(0, 4000));
  }
} else {
  console.log('replicas and variants (rendered):');
  for (const r of replicas) {
    console.log(line(r.name, evaluate(r, replicaDocument(r, 'rendered'))));
    // A page of frames (the provincial orgindex, the 网厅 form's e-form, a <frameset>): what each frame shows.
    for (const f of (r.frames ?? []).map(replica)) console.log(line(`  ↳ frame ${f.name}`, evaluate(f, replicaDocument(f, 'rendered'))));
  }
  console.log(`\nmutation corpus, ${variants} variants per replica (page / business / identity fields / all fields / materials / no wrong mapping):`);
  for (const r of replicas.filter((x) => !x.name.startsWith('bench-'))) {
    const html = readFixture(r.file, r.charset);
    const counts = { page: 0, business: 0, identity: 0, fields: 0, materials: 0, noWrong: 0 };
    let confidence = 0;
    const fails: string[] = [];
    for (let batch = 0; batch < variants; batch += 50) {
      await inFreshWindow(() => {
        for (let i = batch; i < Math.min(variants, batch + 50); i++) {
          const v = mutate(html, 1000 * (i + 1) + r.name.length, /miniui\.js/.test(html) ? renderMini : undefined);
          const o = evaluate(r, v.doc, v.renamed);
          // Up to three examples of each kind of failure.
          const kinds = Object.entries(o.ok).flatMap(([k, ok]) => (ok ? [] : [k]));
          const tag = `    [${kinds.join(',')}]`;
          if (kinds.length && fails.filter((f) => f.startsWith(tag)).length < 3) fails.push(`${tag} seed ${v.seed} ${v.mutations.join('+')}: ${line('', o)}`);
          for (const k of Object.keys(counts) as Array<keyof typeof counts>) if (o.ok[k]) counts[k]++;
          confidence += o.confidence;
        }
      });
    }
    const pct = (n: number) => `${((100 * n) / variants).toFixed(1)}%`.padStart(7);
    console.log(`${r.name.padEnd(40)} ${Object.values(counts).map(pct).join(' ')}   mean confidence ${(confidence / variants).toFixed(2)}`);
    if (process.argv.includes('--fails')) for (const f of fails) console.log(f);
  }
}
