import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import i18n from '../i18n';
import { ColumnChooser } from './ColumnChooser';

declare global {
  var IS_REACT_ACT_ENVIRONMENT: boolean;
}
globalThis.IS_REACT_ACT_ENVIRONMENT = true;

beforeAll(async () => {
  await i18n.changeLanguage('en');
});
afterEach(cleanup);

describe('ColumnChooser', () => {
  it('closes on Escape with focus back on its button, and the Escape goes no further', async () => {
    const user = userEvent.setup();
    let reachedDocument = false;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape' && !e.defaultPrevented) reachedDocument = true;
    };
    document.addEventListener('keydown', onKey);
    render(<ColumnChooser columns={[{ id: 'a', label: 'A' }, { id: 'b', label: 'B' }]} hidden={[]} onChange={() => {}} />);
    const toggle = screen.getByRole('button', { name: 'Columns (2/2)' });
    await user.click(toggle);
    await user.click(screen.getByLabelText('B'));
    await user.keyboard('{Escape}');
    document.removeEventListener('keydown', onKey);
    expect(screen.queryByRole('group', { name: 'Columns to show' })).toBeNull();
    expect(document.activeElement).toBe(toggle);
    // A dialog around the table (useDialogFocus) must not close on the same key.
    expect(reachedDocument).toBe(false);
  });
});
