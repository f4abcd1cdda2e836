/**
 * What a clerk meant by striking through part of a cell (删除线 on a run of its text, not the whole cell). The one
 * reading that is clear is the correction clerks make in place: the old value crossed out, the new one typed after
 * it (「~~13805311234~~ 13905311234」, 「~~甲建设有限公司~~→乙建设有限公司」, 「~~2019.6.4~~改为2019.7.4」): the new
 * value holds, and the preview says so. Any other pattern — the struck part after or inside the kept text
 * (「张~~三~~四」: a letter corrected? a name cut?), several struck parts, nothing kept after the struck part but
 * separators — leaves no way to tell which value the clerk meant, so it is refused, never guessed.
 */

export type PartStruck = { value: string; old: string } | { unclear: { struck: string; kept: string } };

/**
 * Connectors clerks write between the old value and the new one: a separator (space, arrow, slash, colon, comma, a
 * dash) or a word that says "changed to" (改为, 改成, 更正为, 变更为, 更改为, 现为, 应为). Each word ends in 为 or 成
 * followed by the value, so no value of a roster begins with one; a bare 现 or 新 does (现代建设, 新华建工) and is kept,
 * and so is an opening bracket (「(0531)88886666」).
 */
const CONNECTOR = /^(?:[\s→⇒➔➜>=\-—–~～/／\\、,，;；:：|｜]|(?:改|更正|变更|更改|修改|调整|现|应)(?:为|成))+/u;

/** Adjacent parts of the same kind as one (Excel splits a run wherever the font changes, even to itself). */
function joined(parts: ReadonlyArray<{ text: string; struck: boolean }>): Array<{ text: string; struck: boolean }> {
  const out: Array<{ text: string; struck: boolean }> = [];
  for (const p of parts) {
    const last = out.at(-1);
    if (last && last.struck === p.struck) last.text += p.text;
    else out.push({ ...p });
  }
  return out;
}

/** The value a cell struck through in part stands for, with the old one crossed out; or what makes it unclear. */
export function partStruck(parts: ReadonlyArray<{ text: string; struck: boolean }>): PartStruck {
  const runs = joined(parts.filter((p) => p.text.trim()));
  const struck = runs.filter((r) => r.struck).map((r) => r.text.trim());
  const kept = runs.filter((r) => !r.struck).map((r) => r.text.trim());
  const unclear = { unclear: { struck: struck.join(' '), kept: kept.join(' ') } };
  const [first, second] = runs;
  if (runs.length !== 2 || !first?.struck || !second || second.struck) return unclear;
  const value = second.text.replace(CONNECTOR, '').trim();
  return value ? { value, old: first.text.trim() } : unclear;
}
