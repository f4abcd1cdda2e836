import { describe, expect, it, vi } from 'vitest';
import '../../src/i18n/all';
import { dispatch } from '../../src/background/router';
import type { SenderInfo } from '../../src/background/sender';
import { FIELDS } from '../../src/domain/fields';
import { FIELD_KEYS, type FieldKey, OPEN_ENDED } from '../../src/domain/ids';
import { VOCABULARIES } from '../../src/domain/vocabularies';
import type { MessageName, Req, Res } from '../../src/messaging/protocol';
import { parseBackup, toBackup, toCsv, toXlsx } from '../../src/profiles/io/export';
import { planImport } from '../../src/profiles/io/plan';
import { autoMapTable, findHeaderRow, readImportFile, tableAt } from '../../src/profiles/io/read';
import { validateTable } from '../../src/profiles/io/rows';
import type { Profile, ProfileData } from '../../src/profiles/schema';
import type { WorkQueue } from '../../src/profiles/work-queue';
import { openJzsDB } from '../../src/storage/db';
import { commitPlan } from '../../src/ui/options/import-flow';
import { creditCheckCharacter } from '../../src/validate/credit-code';
import { parseField } from '../../src/validate/field';
import { checkCharacter } from '../../src/validate/id-number';
import { rng, pick, type Rand } from '../helpers/rng';
import { testRoutes } from '../helpers/routes';

/**
 * The clerk's round trips, with every field filled the ways profiles hold them (seeded): export to CSV or XLSX and
 * import again — into another PC's empty store, or over the same profiles after editing nothing in Excel — and a
 * backup restored elsewhere. Nothing may change on the way: not a value, not a field, not the order of 「下一位」.
 */
const background = vi.hoisted(() => ({ call: async (_name: string, _data: unknown): Promise<unknown> => undefined }));
vi.mock('../../src/messaging/client', () => ({
  send: (name: string, data: unknown) => background.call(name, data),
}));

type Call = <N extends MessageName>(route: N, data: Req<N>) => Promise<Res<N>>;

/** A background with a store of its own (one office PC); the import flow's messages go to it. */
function pc(): Call {
  const name = `round-trip-${crypto.randomUUID()}`;
  const db = () => openJzsDB(name);
  let queue: WorkQueue | undefined;
  const { routes } = testRoutes({ db, workQueue: { get: async () => structuredClone(queue), set: async (q) => void (queue = structuredClone(q)) } });
  const page: SenderInfo = { kind: 'extension', url: 'chrome-extension://x/options.html' };
  const call: Call = async (route, data) => {
    const reply = await dispatch(routes, { jzs: 1, name: route, data }, page);
    if (!reply.ok) throw new Error(`${route}: ${reply.error.code}`);
    return reply.data as never; // the reply of route N (the router answers with the handler's value)
  };
  return call;
}
const use = (call: Call) => {
  background.call = (name, data) => call(name as MessageName, data as never);
};

const NOW = new Date('2026-11-23T04:00:00Z');
const TODAY = '2026-11-23';
const PROFILES = process.env.TZ === 'Asia/Shanghai' ? 60 : 12;

const pad2 = (n: number) => String(n).padStart(2, '0');
const day = (r: Rand, from: number, to: number) => `${from + Math.floor(r() * (to - from + 1))}-${pad2(1 + Math.floor(r() * 12))}-${pad2(1 + Math.floor(r() * 28))}`;

/** Text a clerk may type into a free-text field: commas, quotes, line breaks, formula-like starts, long digit runs. */
const TEXTS = ['济南市历下区经十路14306号', '甲,乙"联合"体', '第一行\n第二行', '=SUM(A1:A3)', "'=1", '+86 转总机', '-5号楼', '@项目部', '（筹）山东某建设有限公司', '370102198001011234', '0531', '\t缩进'];

/** One value of a field, as profiles hold it, drawn from the field table's type. */
function valueOf(r: Rand, key: FieldKey, i: number, birth: string): string | boolean {
  const def = FIELDS[key];
  switch (key) {
    case 'name':
      return pick(r, ['欧阳明', '买买提·艾力', '王伟', '阿依古丽·买买提', '李娜']) + '甲乙丙丁戊己庚辛'.charAt(i % 8);
    case 'idNumber': {
      const first17 = `370102${birth.replace(/-/g, '')}${String(100 + i).slice(-3)}`;
      return first17 + checkCharacter(first17);
    }
    case 'birthDate':
      return birth;
    case 'employerCreditCode': {
      const first17 = `91370100MA3C${String(10000 + Math.floor(r() * 89999))}`;
      return first17 + creditCheckCharacter(first17);
    }
    case 'contractEnd':
      return r() < 0.3 ? OPEN_ENDED : day(r, 2027, 2031);
    case 'graduationDate':
      return r() < 0.5 ? `${Number(birth.slice(0, 4)) + 22}-${pad2(1 + Math.floor(r() * 12))}` : day(r, Number(birth.slice(0, 4)) + 20, Number(birth.slice(0, 4)) + 24);
    case 'mobile':
      return `13${Math.floor(r() * 10)}${String(Math.floor(r() * 1e8)).padStart(8, '0')}`;
    case 'phone':
      return pick(r, ['0531-61378805', '0531-88886666-123', '010-12345678', '88886666']);
    case 'email':
      return pick(r, ['a@b.cn', 'zhang.san+jz@example.com.cn']);
    case 'postcode':
      return pick(r, ['250000', '050000', '010010']);
    case 'qualificationCertNo':
      return pick(r, ['37151606000123456X', '000123456789012345']);
    case 'registrationNo':
      return pick(r, ['鲁2372010202404839', '鲁237151616894']);
    case 'socialInsuranceMonths':
      return String(pick(r, [0, 6, 36, 600]));
    case 'retired':
      return r() < 0.5;
    default:
      break;
  }
  if (def.vocabulary) return pick(r, VOCABULARIES[def.vocabulary].choices).zh;
  if (def.type === 'date') return day(r, 2015, 2025);
  return pick(r, TEXTS);
}

function profiles(seed: number): Array<{ data: ProfileData; notes: string }> {
  const r = rng(seed);
  return Array.from({ length: PROFILES }, (_, i) => {
    const birth = day(r, 1962, 1998);
    const data: Record<string, string | boolean> = {};
    // Every field for most, some left empty (a blank cell must stay blank, not become a value).
    for (const key of FIELD_KEYS) {
      if (key !== 'name' && key !== 'idNumber' && r() >= 0.85) continue;
      const value = valueOf(r, key, i, birth);
      // As the editor stores what is typed (parseField: NFKC, trimmed), so as profiles hold it.
      const stored = typeof value === 'string' ? parseField(key, value, NOW).value : value;
      if (stored !== undefined) data[key] = stored;
    }
    return { data: data as ProfileData, notes: pick(r, ['', '备注：材料已齐', '第一行\n=第二行', "'+1"]) }; // the shape the generator made: every key a field of its type
  });
}

const sameData = (list: readonly Profile[]) => list.map((p) => ({ data: p.data, notes: p.notes }));

/** An import of `bytes` as the workbench does it: read, map, check, plan against the store, commit. */
async function importInto(call: Call, bytes: Uint8Array, file: string) {
  use(call);
  const read = readImportFile(bytes, file);
  const table = tableAt(read, findHeaderRow(read.grid));
  const mapping = autoMapTable(table);
  const rows = await validateTable(table, { mapping, now: NOW, today: TODAY, date1904: read.date1904 });
  const stored = await call('ui:profiles.byIdNumbers', { idNumbers: rows.map((r) => r.data.idNumber ?? '') });
  const plan = planImport(rows, new Map(stored.map((p) => [(p.data.idNumber ?? '').toUpperCase(), p])), 'update');
  await commitPlan(plan, () => undefined);
  return { rows, plan, unmapped: table.headers.filter((_, i) => mapping[i] === null) };
}

async function queueNames(call: Call): Promise<string[]> {
  const names = [(await call('ui:active.get', {}))?.name ?? ''];
  for (;;) {
    const r = await call('ui:fill.next', {});
    if (r.end) return names;
    names.push(r.active.name);
  }
}

describe(`export and import again, backup and restore: ${PROFILES} profiles with every field`, () => {
  for (const [kind, write] of [
    ['CSV', (list: readonly Profile[]) => new TextEncoder().encode(toCsv(list))],
    ['XLSX', (list: readonly Profile[]) => toXlsx(list)],
  ] as const) {
    it(`${kind}: on another PC every profile comes back with exactly its values, and 「下一位」 walks them in the file's order`, { timeout: 60_000 }, async () => {
      const here = pc();
      await here('ui:profiles.commit', { items: profiles(kind.length).map((body) => ({ kind: 'create' as const, body })) });
      const mine = await here('ui:profiles.all', {});
      const bytes = write(mine);

      const there = pc();
      const { rows, plan, unmapped } = await importInto(there, bytes, `导出.${kind.toLowerCase()}`);
      expect(unmapped).toEqual([]);
      expect(rows.flatMap((r) => r.errors)).toEqual([]);
      expect(plan.created).toBe(mine.length);
      const byId = (list: readonly Profile[]) => [...list].sort((a, b) => String(a.data.idNumber).localeCompare(String(b.data.idNumber)));
      expect(sameData(byId(await there('ui:profiles.all', {})))).toEqual(sameData(byId(mine)));
      expect(await queueNames(there)).toEqual(mine.map((p) => p.data.name));

      // The same file over the same profiles (opened in Excel, nothing edited): every row is reported unchanged and
      // nothing is written — every record as it was, revision and time of the last change included.
      const again = await importInto(here, bytes, `导出.${kind.toLowerCase()}`);
      expect([again.plan.created, again.plan.updated, again.plan.unchanged, again.plan.items.length, again.plan.conflicts.size, again.plan.repeats.size]).toEqual([0, 0, mine.length, 0, 0, 0]);
      expect([...again.plan.outcome.values()].every((o) => o === 'unchanged')).toBe(true);
      expect(byId(await here('ui:profiles.all', {}))).toEqual(byId(mine));
      expect(await queueNames(here)).toEqual(mine.map((p) => p.data.name));

      // One cell edited in Excel: that applicant alone is updated (one new revision), the others stay unchanged.
      const r = rng(kind.length * 31);
      const edited = pick(r, mine);
      const mobile = `139${String(Math.floor(r() * 1e8)).padStart(8, '0')}`;
      const third = await importInto(here, write(mine.map((p) => (p === edited ? { ...p, data: { ...p.data, mobile } } : p))), `改过.${kind.toLowerCase()}`);
      expect([third.plan.updated, third.plan.unchanged]).toEqual([1, mine.length - 1]);
      const after = await here('ui:profiles.all', {});
      expect(after.filter((p) => p.revision !== mine.find((m) => m.id === p.id)?.revision).map((p) => [p.id, p.data.mobile])).toEqual([[edited.id, mobile]]);
    });
  }

  it('a backup restored on another PC brings back every profile whole: ids, dates, revisions, values, notes', async () => {
    const here = pc();
    await here('ui:profiles.commit', { items: profiles(7).map((body) => ({ kind: 'create' as const, body })) });
    const mine = await here('ui:profiles.all', {});
    const backup = parseBackup(toBackup(mine, NOW), '备份.json');
    expect(backup.profiles).toEqual(mine);

    const there = pc();
    const session = crypto.randomUUID();
    await there('ui:restore.stage', { session, total: backup.profiles.length, profiles: backup.profiles });
    const preview = await there('ui:restore.preview', { session });
    expect([preview.added.n, preview.changed.n, preview.invalid.n, preview.twins.n]).toEqual([mine.length, 0, 0, 0]);
    await there('ui:restore.commit', { session, overwriteNewer: false, removeMissing: false, restoreInvalid: false });
    const byId = (list: readonly Profile[]) => [...list].sort((a, b) => a.id.localeCompare(b.id));
    expect(byId(await there('ui:profiles.all', {}))).toEqual(byId(mine));
  });
});
