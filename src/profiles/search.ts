import { pinyin } from 'pinyin-pro';
import { type Profile, type ProfileSummary, summaryOf } from './schema';

interface Entry extends ProfileSummary {
  /** Lower-case, NFKC, no spaces: what queries are compared with. */
  nameKey: string;
  employerKey: string;
  /** Full pinyin without tones or spaces ("zhangsan") and initials ("zs"); surnames read as surnames (单 shan). */
  pinyin: string;
  initials: string;
}

const fold = (s: string) => s.normalize('NFKC').toLowerCase().replace(/[\s·•]/g, '');

export function pinyinKeys(name: string): { full: string; initials: string } {
  const han = name.replace(/[^\p{Script=Han}]/gu, '');
  if (!han) return { full: fold(name), initials: '' };
  const syllables = pinyin(han, { toneType: 'none', type: 'array', surname: 'head' });
  return { full: syllables.join(''), initials: syllables.map((s) => s[0] ?? '').join('') };
}

/**
 * In-memory search index over profile summaries, kept in the background. With the lock on it is the only
 * place plaintext names and ID numbers exist (built at unlock); with it off it saves reading the store on
 * every keystroke. Maintained incrementally on every write.
 */
export class ProfileIndex {
  private readonly entries = new Map<string, Entry>();
  private readonly byId = new Map<string, Set<string>>();

  /** Counts every upsert, remove and clear (the cases table reads names again only after one). */
  private changeCount = 0;

  get changes(): number {
    return this.changeCount;
  }

  get size(): number {
    return this.entries.size;
  }

  /** Every stored applicant's name (for redacting them from a page's structure report). */
  names(): string[] {
    return [...new Set(Array.from(this.entries.values(), (e) => e.name))];
  }

  upsert(p: Profile): void {
    this.remove(p.id);
    this.changeCount++;
    const s = summaryOf(p);
    const keys = pinyinKeys(s.name);
    this.entries.set(p.id, { ...s, nameKey: fold(s.name), employerKey: fold(s.employer), pinyin: keys.full, initials: keys.initials });
    if (s.idNumber) {
      const key = s.idNumber.toUpperCase();
      const ids = this.byId.get(key) ?? new Set<string>();
      ids.add(p.id);
      this.byId.set(key, ids);
    }
  }

  remove(id: string): void {
    const old = this.entries.get(id);
    if (!old) return;
    this.changeCount++;
    this.entries.delete(id);
    const key = old.idNumber.toUpperCase();
    const ids = this.byId.get(key);
    ids?.delete(id);
    if (ids?.size === 0) this.byId.delete(key);
  }

  /** The summary of one profile (the cases table joins names and employers through it). */
  summary(id: string): ProfileSummary | undefined {
    return this.entries.get(id);
  }

  clear(): void {
    this.changeCount++;
    this.entries.clear();
    this.byId.clear();
  }

  /** The summaries of these ids (every id of `byId` has one: both maps change together). */
  private summaries(ids: Iterable<string>): ProfileSummary[] {
    return [...ids].flatMap((id) => this.entries.get(id) ?? []);
  }

  /** Exact ID-number lookup (an import of 10,000 rows asks 10,000 times: a map, not a scan). */
  byIdNumber(idNumber: string): ProfileSummary[] {
    return this.summaries(this.byId.get(idNumber.toUpperCase()) ?? []);
  }

  /** Profiles sharing an ID number, largest groups first. */
  duplicates(): ProfileSummary[][] {
    return [...this.byId.values()]
      .filter((ids) => ids.size > 1)
      .map((ids) => this.summaries(ids))
      .sort((a, b) => b.length - a.length);
  }

  /**
   * Find by name, any part of the ID number, full pinyin or initials (张三: "zhangsan", "zs"), or employer.
   * Best matches first (exact name or initials), then the most recently updated.
   */
  search(query: string, limit = 50): { total: number; items: ProfileSummary[] } {
    const q = fold(query);
    if (!q) return { total: 0, items: [] };
    const isId = /^[0-9x]+$/.test(q);
    const isLatin = /^[a-z]+$/.test(q);
    const scored: Array<{ e: Entry; score: number }> = [];
    for (const e of this.entries.values()) {
      let score = 0;
      if (isId) {
        if (e.idNumber.toLowerCase().includes(q)) score = e.idNumber.toLowerCase() === q ? 3 : 1;
      } else if (isLatin) {
        if (e.initials === q || e.pinyin === q) score = 3;
        else if (e.initials.startsWith(q) || e.pinyin.startsWith(q)) score = 2;
        else if (e.pinyin.includes(q) || e.employerKey.includes(q)) score = 1;
      } else if (e.nameKey === q) score = 3;
      else if (e.nameKey.includes(q)) score = 2;
      else if (e.employerKey.includes(q)) score = 1;
      if (score) scored.push({ e, score });
    }
    scored.sort((a, b) => b.score - a.score || (a.e.updatedAt < b.e.updatedAt ? 1 : -1));
    return {
      total: scored.length,
      items: scored.slice(0, limit).map(({ e }) => ({
        id: e.id,
        name: e.name,
        idNumber: e.idNumber,
        employer: e.employer,
        mobile: e.mobile,
        updatedAt: e.updatedAt,
        revision: e.revision,
      })),
    };
  }
}
