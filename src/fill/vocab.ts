/**
 * Vocabularies of choice fields. Portals write the same choice many ways (大学本科 / 本科 / 21; 男 / 1); a value
 * matches an option when both fall in the same group. Codes are GB/T 2261.1 (性别), GB 3304 (民族), and the
 * codes seen on the portals' own lists (domain.md replicas).
 */
const norm = (s: string) => s.normalize('NFKC').replace(/\s+/g, '').toLowerCase();

const GROUPS: string[][] = [
  ['男', '男性', 'male', 'm', '1'],
  ['女', '女性', 'female', 'f', '2'],
  ['是', 'yes', 'y', 'true'],
  ['否', 'no', 'n', 'false'],
  ['博士研究生', '博士', '研究生（博士）'],
  ['硕士研究生', '硕士', '研究生（硕士）'],
  ['大学本科', '本科'],
  ['大学专科', '专科', '大专', '高职'],
  ['中等专科', '中专', '中等职业教育'],
  ['建筑工程', '建筑', 'jz'],
  ['公路工程', '公路', 'gl'],
  ['水利水电工程', '水利水电', 'sl'],
  ['市政公用工程', '市政公用', '市政', 'sz'],
  ['矿业工程', '矿业', 'ky'],
  ['机电工程', '机电', 'jd'],
];

const ETHNIC = '汉 蒙古 回 藏 维吾尔 苗 彝 壮 布依 朝鲜 满 侗 瑶 白 土家 哈尼 哈萨克 傣 黎 傈僳 佤 畲 高山 拉祜 水 东乡 纳西 景颇 柯尔克孜 土 达斡尔 仫佬 羌 布朗 撒拉 毛南 仡佬 锡伯 阿昌 普米 塔吉克 怒 乌孜别克 俄罗斯 鄂温克 德昂 保安 裕固 京 塔塔尔 独龙 鄂伦春 赫哲 门巴 珞巴 基诺'.split(' ');
ETHNIC.forEach((name, i) => GROUPS.push([`${name}族`, name, String(i + 1).padStart(2, '0')]));

const GROUP_OF = new Map<string, number>();
GROUPS.forEach((g, i) => {
  for (const w of g) if (!GROUP_OF.has(norm(w))) GROUP_OF.set(norm(w), i);
});

/** Do two texts name the same choice? */
export function sameChoice(a: string, b: string): boolean {
  const na = norm(a);
  const nb = norm(b);
  if (na === nb) return true;
  const ga = GROUP_OF.get(na);
  return ga !== undefined && ga === GROUP_OF.get(nb);
}

export interface ChoiceOption {
  text: string;
  value: string;
}

/** The option a value stands for: by text first, then by value (a code), each through the vocabulary. */
export function pickOption(value: string, options: readonly ChoiceOption[]): ChoiceOption | undefined {
  return (
    options.find((o) => norm(o.text) === norm(value)) ??
    options.find((o) => sameChoice(o.text, value)) ??
    options.find((o) => o.value !== '' && sameChoice(o.value, value))
  );
}

/** Every way of writing the choice `value` (for matching inside the page, where this module is not loaded). */
export function synonyms(value: string): string[] {
  const parts = value.split(/[,，、]/).map((s) => s.trim()).filter(Boolean);
  return [...new Set(parts.flatMap((p) => {
    const g = GROUP_OF.get(norm(p));
    return g === undefined ? [norm(p)] : GROUPS[g]!.map(norm);
  }))];
}
