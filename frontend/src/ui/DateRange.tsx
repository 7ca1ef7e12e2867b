import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useSession } from '../auth/session';
import { isIsoDate, resolveRange, shortcutOf, shortcutRange, SHORTCUTS, type Range, type Shortcut } from './dateRange';

// useDateRange is the period in the URL (from/to, local dates in the tenant's zone),
// or the fallback shortcut when the URL has none.
export function useDateRange(fallback: Shortcut = 'last7'): Range {
  const [params] = useSearchParams();
  const { zone } = useSession();
  return resolveRange(params.get('from'), params.get('to'), zone, fallback);
}

type Props = {
  fallback?: Shortcut;
  // Search params to drop when the period changes (e.g. a paging cursor).
  resetKeys?: string[];
};

// DateRange edits the period kept in the URL's from/to with the shortcuts or two dates.
export function DateRange({ fallback = 'last7', resetKeys = [] }: Props) {
  const { t } = useTranslation();
  const { zone } = useSession();
  const [params, setParams] = useSearchParams();
  const range = resolveRange(params.get('from'), params.get('to'), zone, fallback);
  const current = shortcutOf(range, zone);
  const id = useId();

  function set(next: Range) {
    setParams(
      (p) => {
        const n = new URLSearchParams(p);
        n.set('from', next.from);
        n.set('to', next.to);
        for (const k of resetKeys) n.delete(k);
        return n;
      },
      { replace: false },
    );
  }

  return (
    <fieldset className="date-range">
      <legend>{t('dateRange.period')}</legend>
      <label htmlFor={`${id}-s`}>{t('dateRange.shortcut')}</label>
      <select
        id={`${id}-s`}
        value={current}
        onChange={(e) => {
          const v = e.target.value;
          if (v !== 'custom') set(shortcutRange(v as Shortcut, zone));
        }}
      >
        {SHORTCUTS.map((s) => (
          <option key={s} value={s}>
            {t(`dateRange.${s}`)}
          </option>
        ))}
        <option value="custom">{t('dateRange.custom')}</option>
      </select>
      <label htmlFor={`${id}-f`}>{t('dateRange.from')}</label>
      <input
        id={`${id}-f`}
        type="date"
        value={range.from}
        max={range.to}
        onChange={(e) => {
          if (isIsoDate(e.target.value)) set({ from: e.target.value, to: range.to < e.target.value ? e.target.value : range.to });
        }}
      />
      <label htmlFor={`${id}-t`}>{t('dateRange.to')}</label>
      <input
        id={`${id}-t`}
        type="date"
        value={range.to}
        min={range.from}
        onChange={(e) => {
          if (isIsoDate(e.target.value)) set({ from: range.from > e.target.value ? e.target.value : range.from, to: e.target.value });
        }}
      />
    </fieldset>
  );
}
