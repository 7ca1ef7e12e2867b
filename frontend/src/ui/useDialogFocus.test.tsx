import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useRef, useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { focusables, nextInside, useDialogFocus } from './useDialogFocus';

declare global {
  var IS_REACT_ACT_ENVIRONMENT: boolean;
}
globalThis.IS_REACT_ACT_ENVIRONMENT = true;

function Dialog({ name, onClose, children }: { name: string; onClose: () => void; children?: React.ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  useDialogFocus(ref, { onClose });
  return (
    <div ref={ref} role="dialog" aria-modal="true" aria-label={name} tabIndex={-1}>
      <button type="button">{name} first</button>
      <button type="button" disabled>
        {name} disabled
      </button>
      <a href="#more">{name} more</a>
      {children}
      <button type="button" onClick={onClose}>
        {name} close
      </button>
    </div>
  );
}

// A page with a button before and after the opener, so a focus that escaped the dialog
// would land somewhere visible to the test.
function Page({ nested = false }: { nested?: boolean }) {
  const [open, setOpen] = useState(false);
  const [inner, setInner] = useState(false);
  return (
    <>
      <button type="button">before</button>
      <button type="button" onClick={() => setOpen(true)}>
        open
      </button>
      <button type="button">after</button>
      {open && (
        <Dialog name="outer" onClose={() => setOpen(false)}>
          {nested && (
            <button type="button" onClick={() => setInner(true)}>
              open inner
            </button>
          )}
          {inner && <Dialog name="inner" onClose={() => setInner(false)} />}
        </Dialog>
      )}
    </>
  );
}

afterEach(cleanup);

describe('useDialogFocus', () => {
  it('moves focus into the dialog on opening', async () => {
    const user = userEvent.setup();
    render(<Page />);
    await user.click(screen.getByRole('button', { name: 'open' }));
    expect(document.activeElement).toBe(screen.getByRole('dialog', { name: 'outer' }));
  });

  it('keeps Tab and Shift+Tab inside', async () => {
    const user = userEvent.setup();
    render(<Page />);
    await user.click(screen.getByRole('button', { name: 'open' }));
    const order: string[] = [];
    for (let i = 0; i < 4; i++) {
      await user.tab();
      order.push(document.activeElement?.textContent ?? '');
    }
    expect(order).toEqual(['outer first', 'outer more', 'outer close', 'outer first']);
    await user.tab({ shift: true });
    expect(document.activeElement?.textContent).toBe('outer close');
  });

  it('closes on Escape and gives focus back to the opener', async () => {
    const user = userEvent.setup();
    render(<Page />);
    const opener = screen.getByRole('button', { name: 'open' });
    await user.click(opener);
    await user.tab();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.activeElement).toBe(opener);
  });

  it('gives focus back after the close button too', async () => {
    const user = userEvent.setup();
    render(<Page />);
    const opener = screen.getByRole('button', { name: 'open' });
    await user.click(opener);
    await user.click(screen.getByRole('button', { name: 'outer close' }));
    expect(document.activeElement).toBe(opener);
  });

  it('brings focus that lands outside back into the dialog', async () => {
    const user = userEvent.setup();
    render(<Page />);
    await user.click(screen.getByRole('button', { name: 'open' }));
    screen.getByRole('button', { name: 'after' }).focus();
    expect(document.activeElement).toBe(screen.getByRole('dialog', { name: 'outer' }));
  });

  it('lets only the innermost of two dialogs answer Escape', async () => {
    const user = userEvent.setup();
    render(<Page nested />);
    await user.click(screen.getByRole('button', { name: 'open' }));
    const innerOpener = screen.getByRole('button', { name: 'open inner' });
    await user.click(innerOpener);
    expect(document.activeElement).toBe(screen.getByRole('dialog', { name: 'inner' }));
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog', { name: 'inner' })).toBeNull();
    expect(screen.getByRole('dialog', { name: 'outer' })).toBeTruthy();
    expect(document.activeElement).toBe(innerOpener);
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'open' }));
  });
});

describe('focusables', () => {
  it('lists what Tab reaches: not disabled, hidden or collapsed content', () => {
    const root = document.createElement('div');
    root.innerHTML = `
      <button>a</button>
      <button disabled>disabled</button>
      <input type="hidden" value="x">
      <div hidden><button>in hidden</button></div>
      <button style="display: none">not displayed</button>
      <details><summary>more</summary><a href="#x">collapsed</a></details>
      <details open><summary>open</summary><a href="#y">shown</a></details>
      <span tabindex="-1">programmatic only</span>
      <span tabindex="0">b</span>`;
    document.body.append(root);
    expect(focusables(root).map((e) => e.textContent)).toEqual(['a', 'more', 'open', 'shown', 'b']);
    root.remove();
  });
});

describe('nextInside', () => {
  const root = document.createElement('div');
  root.innerHTML = `<h2 tabindex="-1">title</h2><button>a</button><p tabindex="-1">note</p><button>b</button><button>c</button>`;
  const [title, a, note, b, c] = [...root.children] as HTMLElement[];
  const items = [a!, b!, c!];
  const outside = document.createElement('button');
  const cases: [string, HTMLElement, boolean, HTMLElement | null][] = [
    ['Tab from the last wraps to the first', c!, false, a!],
    ['Shift+Tab from the first wraps to the last', a!, true, c!],
    ['Tab in the middle is the browser’s', a!, false, null],
    ['Shift+Tab in the middle is the browser’s', c!, true, null],
    ['Tab from the title goes to the first after it', title!, false, a!],
    ['Shift+Tab from the title wraps to the last', title!, true, c!],
    ['Tab from a focused note goes to the next', note!, false, b!],
    ['Shift+Tab from a focused note goes to the previous', note!, true, a!],
    ['Tab from the dialog itself goes to the first', root, false, a!],
    ['Shift+Tab from the dialog itself goes to the last', root, true, c!],
    ['focus outside comes back to the first', outside, false, a!],
    ['focus outside comes back to the last, backwards', outside, true, c!],
  ];
  for (const [name, active, back, want] of cases) it(name, () => expect(nextInside(root, items, active, back)).toBe(want));
});
