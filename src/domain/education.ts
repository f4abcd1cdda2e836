/**
 * How high a 学历 is, for the rule data's `education-minimum` check (seed §四 初始注册 第2项: 中等专科以上). Levels,
 * low to high: 0 below secondary vocational, 1 中等专科, 2 大学专科, 3 大学本科, 4 硕士研究生, 5 博士研究生 — the
 * numbers a check's `params.level` names (rules/businesses/initial.json). The five levels are the education
 * vocabulary's choices (with their spellings); only what is certainly below or certainly unclear is added here.
 */
import { choiceOf } from './vocabularies';

/** The education vocabulary's choices by level (src/domain/vocabularies.ts), 1 = 中等专科. */
const RANKED = ['中等专科', '大学专科', '大学本科', '硕士研究生', '博士研究生'];

/** Schooling that is certainly below 中等专科: general schools, not 中等专业学校. */
const BELOW = /^(普通)?(高中|初中|小学|高级中学|初级中学|中学)(毕业|学历|文化)?$|^(文盲|无)$/;

/**
 * Secondary vocational schooling that is not plainly 中等专科 (中等专业学校): 职业高中, 技工学校, and 中等职业教育, which
 * covers them as well as 中专. Whether it counts as 中等专科以上 is for the 受理单位 to say — never decided here (a
 * wrong verdict is worse than a question).
 */
const UNCLEAR = /^(职业高中|职高|技工学校|技校|技工|中技|职中|中等职业学校|中等职业教育)(毕业|学历)?$/;

export type EducationLevel = { level: number } | 'unclear' | undefined;

/** The level a 学历 text states; 'unclear' when it may or may not count; undefined when we do not know it. */
export function educationLevel(text: string): EducationLevel {
  const n = text.normalize('NFKC').replace(/\s+/g, '');
  if (!n) return undefined;
  const choice = choiceOf('education', n);
  if (choice) {
    const i = RANKED.indexOf(choice.zh);
    return i >= 0 ? { level: i + 1 } : undefined;
  }
  if (BELOW.test(n)) return { level: 0 };
  if (UNCLEAR.test(n)) return 'unclear';
  return undefined;
}

/** The vocabulary's name of a level (1 = 中等专科), for messages. */
export function educationLevelName(level: number): { zh: string; en: string } | undefined {
  const zh = RANKED[level - 1];
  const choice = zh ? choiceOf('education', zh) : undefined;
  return choice ? { zh: choice.zh, en: choice.en } : undefined;
}
