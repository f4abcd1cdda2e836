/**
 * The rule pack shipped with the extension, assembled from the files under rules/. It is the fallback when
 * no newer pack has been imported, and the baseline an imported pack must be newer than.
 */
import meta from '../../rules/pack.json';
import addSpecialty from '../../rules/businesses/add-specialty.json';
import cancel from '../../rules/businesses/cancel.json';
import change from '../../rules/businesses/change.json';
import infoChange from '../../rules/businesses/info-change.json';
import initial from '../../rules/businesses/initial.json';
import reissue from '../../rules/businesses/reissue.json';
import renewal from '../../rules/businesses/renewal.json';
import conditions from '../../rules/shared/conditions.json';
import fields from '../../rules/shared/fields.json';
import offices from '../../rules/shared/offices.json';
import steps from '../../rules/shared/steps.json';
import { BUILTIN_PAGE_DATA } from '../portals/builtin-pages';
import { RulePack } from './schema';

/** The raw assembled data, before validation (tests validate each file and the whole). */
export const BUNDLED_PACK_DATA: unknown = {
  ...meta,
  conditions,
  steps,
  fields,
  offices,
  businesses: [initial, renewal, change, addSpecialty, cancel, reissue, infoChange],
  pages: BUILTIN_PAGE_DATA,
};

let parsed: RulePack | undefined;

/** The bundled pack, validated once per worker life (a broken bundle is a build error caught by tests). */
export function bundledPack(): RulePack {
  parsed ??= RulePack.parse(BUNDLED_PACK_DATA);
  return parsed;
}
