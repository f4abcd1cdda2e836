/**
 * The field mapping as a portal frame runs it: the frame reads its controls and labels (`readControls`), the
 * background reads the labels (`readLabels` over the rule pack's lexicon), the answer crosses the message
 * boundary as JSON, and the frame maps with its cache of readings (src/content/label-cache.ts). Tests of the
 * mapping go through here, so that every corpus proves the path that ships, not only the pure reading.
 */
import { LabelCache } from '../../src/content/label-cache';
import { type FieldDefinitionView, localClassifier, mapControls, type LabelReading, type PageField, readControls, readLabels } from '../../src/portals/fields';

/** The background's side: one classifier per rules answer (its lexicon built once). */
const classifiers = new WeakMap<readonly FieldDefinitionView[], ReturnType<typeof localClassifier>>();

export function mapFields(doc: Document, defs: readonly FieldDefinitionView[]): PageField[] {
  const controls = readControls(doc);
  const cache = new LabelCache();
  const missing = cache.missing(controls.map((c) => c.label));
  let classifier = classifiers.get(defs);
  if (!classifier) {
    classifier = localClassifier(defs);
    classifiers.set(defs, classifier);
  }
  // As a message: what does not survive JSON does not reach the frame.
  const readings: LabelReading[] = JSON.parse(JSON.stringify(readLabels(classifier, missing)));
  cache.add(missing, readings);
  return mapControls(doc, controls, defs, cache);
}
