import { useEffect, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useSession } from '../../auth/session';
import { AgentPicker } from '../../ui/AgentPicker';
import { useDateRange } from '../../ui/DateRange';
import { readFilters, splitList, toggleList, writeFilters, type FilterField } from './filters';

type Props = {
  fields: FilterField[];
  // Search params that belong to the previous filter (paging cursor, open session).
  resetKeys?: string[];
  // Client-side check before the URL changes: the field name and a message, or null.
  validate?: (values: Record<string, string>) => { field: string; message: string } | null;
};

// FilterForm edits a report's filters and writes them into the URL on
// Apply: typing doesn't reload the report on every key, and the URL (hence
// the request) changes once per decision.
export function FilterForm({ fields, resetKeys, validate }: Props) {
  const { t } = useTranslation('reports');
  const [search, setSearch] = useSearchParams();
  const key = fields.map((f) => search.get(f.name) ?? '').join('\u0000');
  const [values, setValues] = useState(() => readFilters(search, fields));
  const [problem, setProblem] = useState<{ field: string; message: string } | null>(null);
  const id = useId();
  // Supervisors see only their queues' figures: the queue filter lists them.
  const queues = useSession().queues;
  // The agent names are those of the period on screen.
  const range = useDateRange('last7');

  // Back/forward or a followed link changes the URL: the form follows it
  // (key is the URL's values of this form's fields).
  useEffect(() => {
    setValues(readFilters(search, fields));
    setProblem(null);
  }, [key]);

  function set(name: string, v: string) {
    setValues((cur) => ({ ...cur, [name]: v }));
  }

  function submit(e: FormEvent) {
    e.preventDefault();
    const p = validate?.(values) ?? null;
    setProblem(p);
    if (p) return;
    setSearch((s) => writeFilters(s, values, fields, resetKeys));
  }

  function clear() {
    const empty = Object.fromEntries(fields.map((f) => [f.name, '']));
    setValues(empty);
    setProblem(null);
    setSearch((s) => writeFilters(s, empty, fields, resetKeys));
  }

  return (
    <form className="filters report-filters" onSubmit={submit} aria-label={t('filters.title')} noValidate>
      <div className="filter-grid">
        {fields.map((f) => {
          const fid = `${id}-${f.name}`;
          const invalid = problem?.field === f.name;
          if (f.kind === 'checks') {
            const chosen = splitList(values[f.name] ?? '');
            const order = f.options.map((o) => o.value);
            return (
              <fieldset key={f.name} className="field field-multi">
                <legend>{t(f.labelKey)}</legend>
                {f.options.map((o) => (
                  <label key={o.value}>
                    <input
                      type="checkbox"
                      name={f.name}
                      value={o.value}
                      checked={chosen.includes(o.value)}
                      onChange={(e) => set(f.name, toggleList(values[f.name] ?? '', o.value, e.target.checked, order))}
                    />
                    {t(o.labelKey)}
                  </label>
                ))}
              </fieldset>
            );
          }
          if (f.kind === 'select') {
            return (
              <div key={f.name} className="field">
                <label htmlFor={fid}>{t(f.labelKey)}</label>
                <select id={fid} name={f.name} value={values[f.name] ?? ''} onChange={(e) => set(f.name, e.target.value)}>
                  {f.options.map((o) => (
                    <option key={o.value} value={o.value}>
                      {t(o.labelKey)}
                    </option>
                  ))}
                </select>
              </div>
            );
          }
          if (f.kind === 'queue' && queues) {
            return (
              <div key={f.name} className="field">
                <label htmlFor={fid}>{t(f.labelKey)}</label>
                <select id={fid} name={f.name} value={values[f.name] ?? ''} onChange={(e) => set(f.name, e.target.value)}>
                  <option value="">{t('filters.allMyQueues')}</option>
                  {queues.map((q) => (
                    <option key={q} value={q}>
                      {q}
                    </option>
                  ))}
                </select>
              </div>
            );
          }
          if (f.kind === 'agents') {
            return (
              <AgentPicker key={f.name} label={t(f.labelKey)} value={values[f.name] ?? ''} onChange={(v) => set(f.name, v)} range={range} />
            );
          }
          // Time fields; text fields and the queue for an admin (who may name any queue).
          const placeholderKey = f.kind === 'text' ? f.placeholderKey : undefined;
          return (
            <div key={f.name} className="field">
              <label htmlFor={fid}>{t(f.labelKey)}</label>
              <input
                id={fid}
                name={f.name}
                type={f.kind === 'time' ? 'time' : 'text'}
                step={f.kind === 'time' ? f.step : undefined}
                value={values[f.name] ?? ''}
                placeholder={placeholderKey ? t(placeholderKey) : undefined}
                aria-invalid={invalid || undefined}
                aria-describedby={invalid ? `${fid}-err` : undefined}
                onChange={(e) => set(f.name, e.target.value)}
              />
              {invalid && (
                <span id={`${fid}-err`} className="field-error" role="alert">
                  {problem?.message}
                </span>
              )}
            </div>
          );
        })}
      </div>
      <div className="form-actions">
        <button type="submit" className="primary">{t('filters.apply')}</button>
        <button type="button" onClick={clear}>
          {t('filters.clear')}
        </button>
      </div>
    </form>
  );
}
