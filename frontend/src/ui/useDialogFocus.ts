import { useEffect, useLayoutEffect, useRef, type RefObject } from 'react';

const FOCUSABLE = [
  'a[href]',
  'area[href]',
  'button:not([disabled])',
  'input:not([disabled]):not([type="hidden"])',
  'select:not([disabled])',
  'textarea:not([disabled])',
  'iframe',
  'audio[controls]',
  'video[controls]',
  'summary',
  '[contenteditable]:not([contenteditable="false"])',
  '[tabindex]:not([tabindex="-1"])',
].join(',');

// focusables lists what Tab can reach inside the dialog, in document order. Hidden
// elements are left out (a closed <details>' content, display:none) so the trap never
// aims at something the browser would skip.
export function focusables(root: HTMLElement): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((el) => {
    if (el.closest('[hidden], [inert]')) return false;
    const details = el.parentElement?.closest('details');
    if (details && !details.open && el.tagName !== 'SUMMARY') return false;
    const style = getComputedStyle(el);
    return style.display !== 'none' && style.visibility !== 'hidden';
  });
}

// nextInside is where Tab (or Shift+Tab) must go to stay in the dialog, or null where the
// browser's own move already stays inside. Focus can sit on something Tab doesn't reach
// (the dialog itself, a title focused on opening): the move then starts from there.
export function nextInside(root: HTMLElement, items: HTMLElement[], active: Element | null, back: boolean): HTMLElement | null {
  const first = items[0];
  const last = items[items.length - 1];
  if (!first || !last) return null;
  if (!active || !root.contains(active)) return back ? last : first;
  const at = items.indexOf(active as HTMLElement);
  if (at === -1) {
    const after = (el: HTMLElement) => (active.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0;
    return back ? (items.filter((el) => !after(el)).at(-1) ?? last) : (items.find(after) ?? first);
  }
  if (back && at === 0) return last;
  if (!back && at === items.length - 1) return first;
  return null;
}

// The open dialogs, innermost last: only the innermost one answers Escape and holds Tab,
// so a dialog opened from a dialog closes first and gives focus back to its parent.
const stack: symbol[] = [];

type Options = {
  onClose: () => void;
  // What takes focus on opening; the dialog element itself when omitted.
  initialFocus?: RefObject<HTMLElement | null>;
};

// useDialogFocus makes `ref` behave as a modal dialog for the keyboard: focus moves into it
// on opening, Tab and Shift+Tab cycle inside it, Escape calls onClose, and on closing focus
// goes back to the element that had it when the dialog opened (the button that opened it).
export function useDialogFocus(ref: RefObject<HTMLElement | null>, { onClose, initialFocus }: Options): void {
  const closeRef = useRef(onClose);
  const idRef = useRef<symbol | null>(null);
  useLayoutEffect(() => {
    closeRef.current = onClose;
  });

  // A layout effect runs before the browser paints and before any child's effect could move
  // focus, so document.activeElement is still the opener. It runs once per opening: a
  // later re-render must not pull focus back to the start.
  useLayoutEffect(() => {
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const id = Symbol('dialog');
    idRef.current = id;
    stack.push(id);
    (initialFocus?.current ?? ref.current)?.focus();
    return () => {
      const i = stack.lastIndexOf(id);
      if (i >= 0) stack.splice(i, 1);
      // The opener may have gone while the dialog was open (its row re-rendered away):
      // then there is nothing sensible to return to.
      if (opener && opener.isConnected) opener.focus();
    };
  }, []);

  useEffect(() => {
    const onTop = () => idRef.current !== null && stack[stack.length - 1] === idRef.current;
    const onKey = (e: KeyboardEvent) => {
      const root = ref.current;
      if (!root || !onTop()) return;
      if (e.key === 'Escape') {
        if (e.defaultPrevented) return;
        e.preventDefault();
        closeRef.current();
        return;
      }
      if (e.key !== 'Tab') return;
      const items = focusables(root);
      if (items.length === 0) {
        // Nothing to tab to: stay on the dialog rather than leave it.
        e.preventDefault();
        root.focus();
        return;
      }
      const target = nextInside(root, items, document.activeElement, e.shiftKey);
      if (target) {
        e.preventDefault();
        target.focus();
      }
    };
    // Focus that lands outside (a script, the browser's own navigation) is brought back in.
    const onFocusIn = (e: FocusEvent) => {
      const root = ref.current;
      if (!root || !onTop()) return;
      if (e.target instanceof Node && !root.contains(e.target)) root.focus();
    };
    document.addEventListener('keydown', onKey);
    document.addEventListener('focusin', onFocusIn);
    return () => {
      document.removeEventListener('keydown', onKey);
      document.removeEventListener('focusin', onFocusIn);
    };
  }, [ref]);
}
