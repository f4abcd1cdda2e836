/**
 * 「张三（退休）」, 「李四(借调)」, 「王五【返聘】」: clerks write a person's status after the name in the name column. The
 * note is no part of the name (the ID card's name has no brackets), so the name is taken and the note said; but a
 * bracket that may hold a name itself (「张三（张叁）」: a second spelling? an alias? the other one's name?) leaves no
 * way to tell which is the applicant's — then the row is refused, never guessed.
 */

/**
 * About the hundred most common surnames, in the order of the 公安部户政管理研究中心's 2019 national name report
 * (they cover most of the population), and the compound surnames still in use. A note that begins with one of them
 * and is as short as a name may be a name: it is not clearly a note.
 */
const COMMON_SURNAMES = new Set(
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤'.split(''),
);
const COMPOUND_SURNAMES = ['欧阳', '司马', '上官', '诸葛', '东方', '皇甫', '尉迟', '公孙', '慕容', '令狐', '夏侯', '长孙', '宇文', '司徒', '端木', '澹台', '濮阳', '淳于', '申屠', '轩辕', '钟离', '呼延', '南宫', '赫连', '鲜于'];

/**
 * Whether a text has the shape of a person's name: a surname (compound, or one of the common ones) and a given name
 * of one or two characters — 李建设, 欧阳建设. A given name may be any word, a trade's too, so such a text is not
 * clearly anything else.
 */
export function shapedLikeName(text: string): boolean {
  const plain = text.replace(/\s+/g, '');
  if (!/^\p{Script=Han}+$/u.test(plain)) return false;
  const surname = COMPOUND_SURNAMES.find((s) => plain.startsWith(s)) ?? (COMMON_SURNAMES.has(plain[0] ?? '') ? plain[0] : undefined);
  return surname !== undefined && plain.length - surname.length >= 1 && plain.length - surname.length <= 2;
}

/** Brackets a note is written in (after NFKC: full-width （） are ( ); 【】〔〕［］ stay or become [ ]). */
const NOTE_AT_END = /^(.*?)\s*[([【〔〖]([^()[\]【】〔〕〖〗]*)[)\]】〕〗]\s*$/u;

/**
 * Marks clerks put beside a name to single a person out (★ done, * to check, √ ticked, ※ note, # and ? to ask; after
 * NFKC, full-width ＊＃？！ are these): signs, never a letter of any name. Read as notes, at either end.
 */
const MARKS_AT_END = /^(.*?)\s*([*★☆√✓✔✗×△▲▽◆◇○●◎※#?!~]+)\s*$/u;
const MARKS_AT_START = /^\s*([*★☆√✓✔✗×△▲▽◆◇○●◎※#?!~]+)\s*(.*)$/u;

/** The name and its notes (an empty bracket is an empty note), or the note that makes the name unclear. */
export type NameNote = { name: string; notes: string[] } | { unclear: string };

/**
 * A title, rank or post, as clerks note them after a name (「张三（高工）」, 「李四（项目经理）」, 「王五(副科长)」): what
 * the note ends in says it — a post or profession (经理, 主任, 工程师, 会计 …), a holder of a duty (…员: 安全员, 党员),
 * the head of a unit (科长, 董事长, 副局长: a unit's character before 长), a rank of title (正高, 中级), or the office's
 * way of addressing a person, a surname and 工 or 总 (高工, 张总). A name can end in 长 (李延长) or begin with 高 (高工
 * is also 高 + 工), but not as a unit's head or in two characters ending in 工/总, which is how people are addressed,
 * never how an ID card names them.
 */
const TITLE_END = /(工程师|经济师|会计师|建造师|造价师|监理师|设计师|规划师|技师|律师|讲师|教授|经理|主任|书记|主管|总监|总工|高工|助工|负责人|干部|董事|监事|委员|顾问|代表|助理|会计|出纳|员|[科处局所院站队班组厂部校室区县市镇村事段场馆社会行司团]长)$/u;
const RANK = /^(正高|副高|高级|中级|初级|正高级|副高级|高职|中职|初职)(职称|职务)?$/u;
const ADDRESSED = /^\p{Script=Han}[工总]$/u;
const isTitle = (note: string): boolean => TITLE_END.test(note) || RANK.test(note) || ADDRESSED.test(note);

/** Whether a note could be a person's name: 2–4 Han characters (· allowed) beginning with a common surname, no title. */
function mayBeName(note: string): boolean {
  const plain = note.replace(/\s+/g, '');
  if (!/^\p{Script=Han}[\p{Script=Han}·]{1,4}$/u.test(plain) || isTitle(plain)) return false;
  if (COMPOUND_SURNAMES.some((s) => plain.startsWith(s))) return plain.length <= 5;
  return plain.length <= 4 && COMMON_SURNAMES.has(plain[0] ?? '');
}

/**
 * The name and its bracketed notes at the end of a name cell, or undefined when the cell has none. Notes are read
 * from the end (「张三（退休）（返聘）」 has two); the name before them must still be there and hold no bracket.
 */
export function nameNote(text: string): NameNote | undefined {
  let rest = text.normalize('NFKC').trim();
  const notes: string[] = [];
  for (let m = NOTE_AT_END.exec(rest) ?? MARKS_AT_END.exec(rest); m; m = NOTE_AT_END.exec(rest) ?? MARKS_AT_END.exec(rest)) {
    notes.unshift((m[2] ?? '').trim());
    rest = (m[1] ?? '').trim();
  }
  const lead = MARKS_AT_START.exec(rest);
  if (lead && lead[2]) {
    notes.unshift(lead[1] ?? '');
    rest = lead[2].trim();
  }
  if (!notes.length) return undefined;
  if (!rest || /[()[\]【】〔〕〖〗]/u.test(rest)) return { unclear: notes.join('、') };
  const unclear = notes.find(mayBeName);
  return unclear === undefined ? { name: rest, notes } : { unclear };
}

/** Runs set apart by spaces that are padding: every run after the first a single character, or a surname set apart. */
function padding(runs: readonly string[]): boolean {
  const [first = '', ...tail] = runs;
  return tail.every((run) => run.length === 1) || (tail.length === 1 && (first.length === 1 || COMPOUND_SURNAMES.includes(first)));
}

/**
 * A name cell of 汉字 in runs set apart by spaces, when the spaces may not be padding: 「张三 退休」 (a note after the
 * name), 「阿依古丽 买买提」 (a minority name's separator typed as a space), 「张三 李四」 (two people). Joined, each would
 * be stored as a name no ID card holds: the runs that make it unclear. Padding is every run after the first a single
 * character (「张 三」 with U+3000 or spaces, 「王 小 明」, 「王小 明」) or a surname set apart from the given name (「张 三丰」,
 * 「欧阳 娜娜」): those are joined as before (unpaddedName), undefined here. A title, rank or post set apart after the
 * name (「张三 高工」, 「李四 项目经理」, 「王 五 副科长」) is the same note as in brackets (isTitle: never how an ID card
 * names a person): the name and its notes.
 */
export function spacedRuns(text: string): NameNote | undefined {
  // Spaces around a minority name's dot only pad it (「阿依古丽 · 买买提」).
  const runs = text.normalize('NFKC').trim().replace(/\s*([·•・])\s*/gu, '$1').split(/\s+/).filter(Boolean);
  if (runs.length < 2 || !runs.every((run) => /^[\p{Script=Han}·•・]+$/u.test(run)) || padding(runs)) return undefined;
  const name = [...runs];
  const notes: string[] = [];
  for (let last = name.at(-1); name.length > 1 && last !== undefined && isTitle(last); last = name.at(-1)) notes.unshift(name.pop() ?? '');
  if (notes.length && (name.length === 1 || padding(name))) return { name: name.join(''), notes };
  return { unclear: runs.slice(1).join(' ') };
}
