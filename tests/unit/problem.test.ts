import { describe as group, expect, it } from 'vitest';
import '../../src/i18n/all';
import { setLang } from '../../src/i18n';
import { CodedError, describe, toProblem } from '../../src/i18n/problem';
import { MessageError } from '../../src/messaging/protocol';

group('the error model', () => {
  it('keeps a coded error\'s code and parameters and carries no text of its own', () => {
    const err = new CodedError('errors.request.unknown', { name: 'ui:x' });
    expect(err.message).toBe('errors.request.unknown');
    expect(toProblem(err)).toEqual({ code: 'errors.request.unknown', params: { name: 'ui:x' } });
    expect(describe(err, 'zh')).toContain('（ui:x）');
    expect(describe(err, 'en')).toContain('(ui:x)');
  });

  it('follows the current language unless told otherwise', () => {
    setLang('en');
    expect(describe(new CodedError('errors.noReply'))).toBe("The assistant's background did not answer; please try again.");
    setLang('zh');
    expect(describe(new CodedError('errors.noReply'))).toBe('助手后台没有应答，请重试。');
  });

  it('translates a refusal from the background by its code, falling back to the background\'s wording', () => {
    const known = new MessageError('errors.request.badField', '（背景的措辞）', [], { field: { zh: '手机', en: 'Mobile' }, what: { code: 'errors.input.format' } });
    expect(describe(known, 'en')).toBe('“Mobile” is invalid: wrong format. Nothing was done.');
    expect(describe(known, 'zh')).toBe('「手机」无效：格式不对。未执行任何操作。');
    // A code this side's catalogues lack (a content script bundles only its own texts): the background's words.
    const unknown = new MessageError('errors.elsewhere', 'The background says so.');
    expect(describe(unknown, 'en')).toBe('The background says so.');
  });

  it('never shows a raw exception text', () => {
    for (const thrown of [new TypeError('x is undefined'), 'boom', null, { code: 42 }, new Error('errors.unexpected')]) {
      expect(describe(thrown, 'zh')).toBe('出现意外错误，操作未完成，请重试。');
    }
  });

  it('describes a plain problem object, as the UI receives it', () => {
    expect(describe({ code: 'errors.input.tooLong', params: { max: 8 } }, 'en')).toBe('at most 8 characters');
  });
});
