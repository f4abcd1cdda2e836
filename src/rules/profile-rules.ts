/**
 * The rule data a profile's own warnings read (src/validate/profile-warnings.ts): the labour contract's term and
 * the minimum 学历, as the businesses in rules/businesses/*.json state them — stated there once, so a rule pack
 * that changes them changes the warnings. Pure and zod-free (the editor's pages import it).
 */
import type { BusinessId } from '../domain/ids';
import { checkApplies, type CheckView } from './status';

/** Check kinds a profile is warned about where it is edited and before a fill. */
export const PROFILE_CHECK_KINDS = ['contract-end-min-years', 'education-minimum'] as const;
export type ProfileCheckKind = (typeof PROFILE_CHECK_KINDS)[number];

export interface ProfileCheck {
  business: BusinessId;
  kind: ProfileCheckKind;
  params: Readonly<Record<string, number>>;
  /** The rule as the pack states it (shown with the warning), and its source. */
  text: string;
  textEn?: string | undefined;
  /** Where the rule comes from: the pack's title of its source and the section. */
  cite: string;
}

/** The checks in play for one profile (empty: nothing to warn about). */
export interface ProfileRules {
  checks: ProfileCheck[];
}

/** A business the applicant is in (an open case) with the situations set on it. */
export interface InPlay {
  business: BusinessId;
  conditions: readonly string[];
}

const isProfileKind = (kind: string): kind is ProfileCheckKind => PROFILE_CHECK_KINDS.some((k) => k === kind);

/**
 * The profile checks of the businesses in play, under their situations (变更 + 单位更名 asks for no contract).
 * With none known (no open case, no page business), every business's checks that hold without a situation: the
 * warning then says which business asks for it.
 */
export function profileRulesOf(
  pack: { businesses: ReadonlyArray<{ id: BusinessId; checks: readonly CheckView[] }>; sources: ReadonlyArray<{ id: string; title: string }> },
  inPlay: readonly InPlay[],
): ProfileRules {
  const { businesses, sources } = pack;
  const cite = (c: CheckView) => `${sources.find((s) => s.id === c.source.doc)?.title ?? c.source.doc} ${c.source.section}`;
  const wanted = inPlay.length ? inPlay : businesses.map((b) => ({ business: b.id, conditions: [] }));
  const checks = wanted.flatMap(({ business, conditions }) => {
    const active = new Set(conditions);
    const rules = businesses.find((b) => b.id === business)?.checks ?? [];
    return rules.flatMap((c) => {
      const kind = c.kind;
      if (!isProfileKind(kind) || !checkApplies(c, active)) return [];
      return [{ business, kind, params: c.params, text: c.text, textEn: c.textEn, cite: cite(c) }];
    });
  });
  return { checks };
}
