/**
 * Vocabularies of the choice fields. Each entry is one choice: its canonical Chinese text (what a profile
 * stores and the portals' lists mostly show), its English name (for the English interface only — never
 * filled into a portal), and the other ways portals and spreadsheets write it (大学本科 / 本科 / 21; 男 / 1).
 * Codes: GB/T 2261.1 (性别), GB 3304 (民族, with its romanised names), and the codes seen on the portals'
 * own lists (domain.md replicas).
 */
export const VOCABULARY_IDS = ['gender', 'ethnicity', 'education', 'specialty', 'yes-no'] as const;
export type VocabularyId = (typeof VOCABULARY_IDS)[number];

export interface Choice {
  zh: string;
  en: string;
  also: readonly string[];
}

export interface Vocabulary {
  choices: readonly Choice[];
  /**
   * Closed: every valid value is one of the choices, so anything else earns a warning. Open (education): the
   * portals list further choices of their own, which are kept as written without comment.
   */
  closed: boolean;
}

const c = (zh: string, en: string, ...also: string[]): Choice => ({ zh, en, also });

/** GB 3304-1991, in code order (01 汉族 …), with the romanised names the standard gives. */
const ETHNIC: ReadonlyArray<[string, string]> = (
  '汉 Han|蒙古 Mongol|回 Hui|藏 Tibetan|维吾尔 Uyghur|苗 Miao|彝 Yi|壮 Zhuang|布依 Buyei|朝鲜 Korean|满 Manchu|侗 Dong|瑶 Yao|' +
  '白 Bai|土家 Tujia|哈尼 Hani|哈萨克 Kazak|傣 Dai|黎 Li|傈僳 Lisu|佤 Va|畲 She|高山 Gaoshan|拉祜 Lahu|水 Sui|东乡 Dongxiang|' +
  '纳西 Naxi|景颇 Jingpo|柯尔克孜 Kirgiz|土 Tu|达斡尔 Daur|仫佬 Mulao|羌 Qiang|布朗 Blang|撒拉 Salar|毛南 Maonan|仡佬 Gelao|' +
  '锡伯 Xibe|阿昌 Achang|普米 Pumi|塔吉克 Tajik|怒 Nu|乌孜别克 Uzbek|俄罗斯 Russian|鄂温克 Ewenki|德昂 Deang|保安 Bonan|' +
  '裕固 Yugur|京 Gin|塔塔尔 Tatar|独龙 Derung|鄂伦春 Oroqen|赫哲 Hezhen|门巴 Monba|珞巴 Lhoba|基诺 Jino'
)
  .split('|')
  .map((pair) => {
    const [zh, en] = pair.split(' ');
    return [zh ?? '', en ?? ''];
  });

export const VOCABULARIES: Readonly<Record<VocabularyId, Vocabulary>> = {
  gender: { closed: true, choices: [c('男', 'Male', '男性', 'male', 'm', '1'), c('女', 'Female', '女性', 'female', 'f', '2')] },
  'yes-no': {
    closed: true,
    choices: [c('是', 'Yes', 'yes', 'y', 'true', '1', '退休', '已退休'), c('否', 'No', 'no', 'n', 'false', '0', '未退休', '在职')],
  },
  education: {
    closed: false,
    choices: [
      c('博士研究生', 'Doctorate', '博士', '研究生（博士）'),
      c('硕士研究生', "Master's degree", '硕士', '研究生（硕士）'),
      c('大学本科', "Bachelor's degree", '本科'),
      c('大学专科', 'Junior college', '专科', '大专', '高职'),
      // Not 中等职业教育: it also covers 职业高中 and 技工学校, which are not 中等专科 as such (src/domain/education.ts).
      c('中等专科', 'Secondary vocational', '中专'),
    ],
  },
  specialty: {
    closed: true,
    choices: [
      c('建筑工程', 'Building construction', '建筑', 'jz'),
      c('公路工程', 'Highway engineering', '公路', 'gl'),
      c('水利水电工程', 'Water resources and hydropower', '水利水电', 'sl'),
      c('市政公用工程', 'Municipal public works', '市政公用', '市政', 'sz'),
      c('矿业工程', 'Mining engineering', '矿业', 'ky'),
      c('机电工程', 'Mechanical and electrical engineering', '机电', 'jd'),
    ],
  },
  ethnicity: {
    closed: true,
    choices: ETHNIC.map(([zh, en], i) => c(`${zh}族`, en, zh, String(i + 1).padStart(2, '0'))),
  },
};

/** Text as compared: full-width folded, no spaces, lower case. */
export const normChoice = (s: string): string => s.normalize('NFKC').replace(/\s+/g, '').toLowerCase();

/** The choice a text names in a vocabulary (any of its spellings), or undefined. */
export function choiceOf(vocabulary: VocabularyId, text: string): Choice | undefined {
  const n = normChoice(text);
  return VOCABULARIES[vocabulary].choices.find((ch) => [ch.zh, ...ch.also].some((w) => normChoice(w) === n));
}
