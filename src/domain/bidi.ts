/**
 * Bidirectional-text control characters (Unicode UAX #9: embeddings, overrides, isolates, marks). A value
 * holding them can READ differently from what it is (「‮1321」 shows as 「1231」), so wherever a profile value is
 * shown for checking, they are made visible and the value is isolated from the text around it (issue 12.5).
 */
// LRM, RLM, ALM, LRE…RLO (embeddings, pop, overrides), LRI…PDI (isolates).
const BIDI = /[\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069]/g;

export const hasBidiControls = (text: string): boolean => text.search(BIDI) >= 0;

/** The code points of the controls in `text`, as `U+202E` (deduplicated, in order). */
export function bidiCodes(text: string): string[] {
  return [...new Set(text.match(BIDI) ?? [])].map((c) => `U+${(c.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`);
}

/** `text` cut into plain runs and controls, so a view can show each control as a visible mark. */
export function splitBidi(text: string): Array<{ text: string; control?: false } | { text: string; control: true }> {
  const out: Array<{ text: string; control?: false } | { text: string; control: true }> = [];
  let last = 0;
  for (const m of text.matchAll(BIDI)) {
    if (m.index > last) out.push({ text: text.slice(last, m.index) });
    out.push({ text: bidiCodes(m[0])[0] ?? '', control: true });
    last = m.index + m[0].length;
  }
  if (last < text.length) out.push({ text: text.slice(last) });
  return out;
}
