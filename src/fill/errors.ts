import type { MessageKey, Params } from '../i18n';

/**
 * Why a fill cannot start or finish: a catalogue key plus parameters, never text (the UI translates). The same
 * shape as the error model's CodedError (src/i18n/problem.ts, landing with helper `fields`), which its
 * `toProblem` keeps as is.
 */
export class FillError extends Error {
  constructor(
    readonly code: MessageKey,
    readonly params: Params = {},
  ) {
    super(code);
    this.name = 'FillError';
  }
}
