import type { FieldKey } from '../domain/ids';
import { type Classifier, coreLabel, type LabelReading, MAX_LABEL_TEXT, MAX_LABELS } from '../portals/fields';

const NONE: ReadonlyMap<FieldKey, number> = new Map();

/**
 * The background's readings of this frame's label texts (src/portals/fields.ts `Classifier`), kept for one rules
 * answer: a DOM burst that brings no new label costs no message. The label reading itself (the lexicon and its
 * word classes) stays out of the content script, whose size is budgeted (issue 13.5, tests/e2e/build.test.ts).
 */
export class LabelCache implements Classifier {
  private readonly keys = new Map<string, FieldKey | undefined>([['', undefined]]);
  private readonly nearBy = new Map<string, ReadonlyMap<FieldKey, number>>();

  /**
   * The labels among `labels` that have no reading yet, once each, within one request's bounds: a text past
   * MAX_LABEL_TEXT, or past the first MAX_LABELS, stays unread and names no field here.
   */
  missing(labels: Iterable<string>): string[] {
    const out = new Set<string>();
    for (const label of labels) if (!this.keys.has(label) && label.length <= MAX_LABEL_TEXT) out.add(label);
    return [...out].slice(0, MAX_LABELS);
  }

  /** The readings the background sent for `labels`, in their order (a short answer leaves the rest unread). */
  add(labels: readonly string[], readings: readonly LabelReading[]): void {
    readings.forEach((r, i) => {
      const label = labels[i];
      if (label === undefined) return;
      this.keys.set(label, r.key);
      // Near fields are asked only for labels that name none, by their core label (field-context.ts).
      if (!r.key && r.near) this.nearBy.set(coreLabel(label), new Map(r.near));
    });
  }

  readonly key = (label: string): FieldKey | undefined => this.keys.get(label);
  readonly near = (core: string): ReadonlyMap<FieldKey, number> => this.nearBy.get(core) ?? NONE;
}
