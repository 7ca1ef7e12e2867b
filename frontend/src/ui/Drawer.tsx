import { useId, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useDialogFocus } from './useDialogFocus';

// Drawer is a modal side panel: focus moves into it and stays there (Tab cycles inside),
// Escape, the close button and a click beside it leave, and focus returns to whatever
// opened it (useDialogFocus).
export function Drawer({
  title,
  onClose,
  children,
  wide,
  testId,
}: {
  title: ReactNode;
  onClose: () => void;
  children: ReactNode;
  wide?: boolean;
  testId?: string;
}) {
  const { t } = useTranslation();
  const titleId = useId();
  const ref = useRef<HTMLDivElement>(null);
  useDialogFocus(ref, { onClose });
  return (
    <div className="drawer-backdrop" onClick={onClose}>
      <div
        ref={ref}
        className={wide ? 'drawer drawer-wide' : 'drawer'}
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        tabIndex={-1}
        data-testid={testId}
        onClick={(e) => e.stopPropagation()}
      >
        <div className="drawer-head">
          <h2 id={titleId}>{title}</h2>
          <button type="button" onClick={onClose} aria-label={t('drawer.close')}>
            ×
          </button>
        </div>
        <div className="drawer-body">{children}</div>
      </div>
    </div>
  );
}
