/**
 * Matching a profile's choice against a portal's options. Portals write the same choice many ways (大学本科 /
 * 本科 / 21; 男 / 1); a value matches an option when both name the same choice of a vocabulary
 * (src/domain/vocabularies.ts, the field table's).
 */
import { normChoice as norm, VOCABULARIES, VOCABULARY_IDS } from '../domain/vocabularies';

/** Every choice of every vocabulary as the list of its spellings (canonical first). */
const GROUPS: string[][] = VOCABULARY_IDS.flatMap((id) => VOCABULARIES[id].choices.map((c) => [c.zh, ...c.also]));
/** The vocabulary of each group, by position. */
const VOCABULARY_OF: string[] = VOCABULARY_IDS.flatMap((id) => VOCABULARIES[id].choices.map(() => id));

const GROUP_OF = new Map<string, number>();
// The first vocabulary to claim a spelling keeps it ('1' is 男 before it is 是), as the portals' codes do.
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

/**
 * The option a value stands for: by text first (through the vocabulary), then by a value equal to it, then by a
 * code — only where the list is coded in the value's vocabulary (below).
 */
export function pickOption(value: string, options: readonly ChoiceOption[]): ChoiceOption | undefined {
  return (
    options.find((o) => norm(o.text) === norm(value)) ??
    options.find((o) => sameChoice(o.text, value)) ??
    options.find((o) => o.value !== '' && norm(o.value) === norm(value)) ??
    (codedIn(value, options) ? options.find((o) => o.value !== '' && sameChoice(o.value, value)) : undefined)
  );
}

/**
 * Whether a list's values are codes of the vocabulary `value` belongs to: each a code of a different choice of
 * it. Portals code the same choice differently (男 is 1 in GB/T 2261.1, where a 0/1 list may mean 女/男 or 男/女);
 * a list whose codes are not all the vocabulary's is not read by its codes — a wrong choice is worse than none.
 */
function codedIn(value: string, options: readonly ChoiceOption[]): boolean {
  const group = GROUP_OF.get(norm(value));
  const coded = options.filter((o) => o.value !== '').map((o) => GROUP_OF.get(norm(o.value)));
  if (group === undefined || !coded.length) return false;
  const vocabulary = VOCABULARY_OF[group];
  return coded.every((g) => g !== undefined && VOCABULARY_OF[g] === vocabulary) && new Set(coded).size === coded.length;
}

/** Every way of writing the choice `value` (for matching inside the page, where this module is not loaded). */
export function synonyms(value: string): string[] {
  const parts = value.split(/[,，、]/).map((s) => s.trim()).filter(Boolean);
  return [...new Set(parts.flatMap((p) => {
    const g = GROUP_OF.get(norm(p));
    const group = g === undefined ? undefined : GROUPS[g];
    return group ? group.map(norm) : [norm(p)];
  }))];
}
