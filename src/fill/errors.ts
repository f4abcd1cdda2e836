import type { MessageKey, Params } from '../i18n';
import { CodedError } from '../i18n/problem';

/** Why a fill cannot start or finish: a catalogue key plus parameters, never text (the UI translates). */
export class FillError extends CodedError {
  constructor(code: MessageKey, params: Params = {}) {
    super(code, params);
    this.name = 'FillError';
  }
}
