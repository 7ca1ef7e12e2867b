import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

// ColumnChooser is a disclosure with one checkbox per column; at least one stays shown.
export function ColumnChooser({
  columns,
  hidden,
  onChange,
}: {
  columns: { id: string; label: string }[];
  hidden: string[];
  onChange: (hidden: string[]) => void;
}) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const toggle = useRef<HTMLButtonElement>(null);
  const shown = columns.length - hidden.length;
  return (
    <div className="column-chooser">
      <button ref={toggle} type="button" aria-expanded={open} aria-controls={panelId} onClick={() => setOpen((o) => !o)}>
        {t('table.columns', { shown, total: columns.length })}
      </button>
      {open && (
        <fieldset
          id={panelId}
          className="column-panel"
          onKeyDown={(e) => {
            // The panel goes away with focus inside it: hand focus back to its button, or
            // the keyboard user is thrown to the top of the page.
            if (e.key === 'Escape') {
              e.preventDefault();
              setOpen(false);
              toggle.current?.focus();
            }
          }}
        >
          <legend>{t('table.chooseColumns')}</legend>
          <div className="column-actions">
            <button type="button" onClick={() => onChange([])}>
              {t('table.showAll')}
            </button>
          </div>
          {columns.map((c) => {
            const on = !hidden.includes(c.id);
            return (
              <label key={c.id}>
                <input
                  type="checkbox"
                  checked={on}
                  disabled={on && shown === 1}
                  onChange={() => onChange(on ? [...hidden, c.id] : hidden.filter((h) => h !== c.id))}
                />
                {c.label}
              </label>
            );
          })}
        </fieldset>
      )}
    </div>
  );
}
