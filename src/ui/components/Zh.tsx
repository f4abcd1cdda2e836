import type { ComponentChildren, VNode } from 'preact';
import { CJK_RUN, getLang, type MessageKey, t } from '../../i18n';

/**
 * Data that stays Chinese whatever the UI language — applicants' names and employers, rule texts and source
 * quotes, office names and addresses, the portals' own labels — marked `lang="zh-CN"` so screen readers and
 * fonts treat it as Chinese in an English page (issue 16 item 4; tests/e2e/english.test.ts checks that English
 * mode shows no Chinese outside such marks).
 */
export function Zh({ children }: { children: ComponentChildren }): VNode {
  return <span lang="zh-CN">{children}</span>;
}

/**
 * A data text in English that quotes Chinese (a step saying "click 下一步", a name "Labour contract (劳动合同)"):
 * each Chinese run marked as such. Only for data: the interface's own words come from the catalogues.
 */
export function ZhRuns({ text }: { text: string }): VNode {
  const parts = text.split(CJK_RUN);
  return <>{parts.map((p, i) => (i % 2 === 1 ? <Zh key={i}>{p}</Zh> : p))}</>;
}

/**
 * The template with the parameters that are numbers put in by t(), so a word agreeing with a count
 * (`{n:one|other}`) agrees here too; the element parameters stay placeholders.
 */
function templateOf(key: MessageKey, params: Record<string, ComponentChildren>): string {
  const counts: Record<string, number> = {};
  for (const [name, value] of Object.entries(params)) if (typeof value === 'number') counts[name] = value;
  return t(key, counts, getLang());
}

/**
 * t() whose parameters may be elements (a marked name inside a translated sentence): the template is split at
 * its placeholders and the parts interleaved with the given nodes.
 */
export function tx(key: MessageKey, params: Record<string, ComponentChildren>): VNode {
  const template = templateOf(key, params);
  const parts = template.split(/\{(\w+)\}/g);
  return <>{parts.map((p, i) => (i % 2 === 1 ? (Object.hasOwn(params, p) ? params[p] : `{${p}}`) : p))}</>;
}

/**
 * tx() for a catalogue text that quotes the portal's own Chinese words (“请选择办理情形” in an English sentence):
 * those runs of the template are marked as Chinese too.
 */
export function txRuns(key: MessageKey, params: Record<string, ComponentChildren>): VNode {
  const template = templateOf(key, params);
  const parts = template.split(/\{(\w+)\}/g);
  return <>{parts.map((p, i) => (i % 2 === 1 ? (Object.hasOwn(params, p) ? params[p] : `{${p}}`) : <ZhRuns key={i} text={p} />))}</>;
}
