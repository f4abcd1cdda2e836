import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';

/**
 * Where focus goes when what a person acted on gives way: 用档案填写本页 is replaced by its preview, 确认填写 by the
 * results. The focused button left the page and focus fell to the document: a screen reader read nothing of what
 * appeared, and the next Tab went where the browser guessed. When `on` changes and focus
 * is on nothing (the body) of a document that has it, it moves to this box, which is read. Focus a person put
 * elsewhere is left alone, the portal page included (a click into the page while the preview came: the panel's
 * frame no longer has focus, and never takes it back).
 */
export function FocusOnChange({ on, children }: { on: unknown; children: ComponentChildren }) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (on === undefined || !document.hasFocus()) return;
    const active = document.activeElement;
    if (active && active !== document.body) return;
    box.current?.focus();
  }, [on]);
  return (
    <div ref={box} tabIndex={-1} class="focus-box" data-jzs-fill-focus="">
      {children}
    </div>
  );
}
