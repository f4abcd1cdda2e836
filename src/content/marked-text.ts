import { CJK_RUN, getLang, langTag } from '../i18n';

/**
 * Puts a message into one of our elements on a portal page. In English the Chinese it quotes (a file name, an
 * example such as 鲁2372010202404839, the portal's own label) is data and is marked `lang="zh-CN"` (issue 16
 * item 4), so screen readers and fonts treat it as Chinese; the element's text stays exactly the message.
 */
export function setMarkedText(el: HTMLElement, message: string): void {
  if (el.textContent === message && el.getAttribute('lang') === langTag()) return;
  el.setAttribute('lang', langTag());
  if (getLang() !== 'en' || !CJK_RUN.test(message)) {
    el.textContent = message;
    return;
  }
  const doc = el.ownerDocument;
  el.replaceChildren(
    ...message.split(CJK_RUN).map((part, i) => {
      if (i % 2 === 0) return part;
      const span = doc.createElement('span');
      span.lang = 'zh-CN';
      span.textContent = part;
      return span;
    }),
  );
}
