import { useEffect, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../auth/session';
import { AgentPicker } from '../ui/AgentPicker';
import { fieldsFor, problems, type FilterField, type Media } from './filters';

type Props = {
  media: Media;
  params: URLSearchParams;
  range: { from: string; to: string };
  onApply: (values: Record<string, string>) => void;
};

function draftFrom(params: URLSearchParams, fields: FilterField[]): Record<string, string> {
  return Object.fromEntries(fields.map((f) => [f.param, params.getAll(f.param).join(',')]));
}

// FilterForm edits the media's filter fields as a draft and writes them to the URL on
// "Apply", so typing does not fire a request per keystroke.
export function FilterForm({ media, params, range, onApply }: Props) {
  const { t } = useTranslation();
  const fields = fieldsFor(media);
  const urlKey = params.toString();
  const [draft, setDraft] = useState(() => draftFrom(params, fields));
  // A new URL (back button, media switch, drill-down) replaces the draft.
  useEffect(() => setDraft(draftFrom(new URLSearchParams(urlKey), fieldsFor(media))), [urlKey, media]);

  const bad = new Set(problems(new URLSearchParams(Object.entries(draft).filter(([, v]) => v !== ''))).map((p) => p.param));

  function submit(e: FormEvent) {
    e.preventDefault();
    if (bad.size > 0) return;
    onApply(draft);
  }
  const set = (param: string, v: string) => setDraft((d) => ({ ...d, [param]: v }));

  return (
    <form className="filters" onSubmit={submit} aria-label={t('tracking.filters')}>
      <div className="filter-grid">
        {fields.map((f) => (
          <Field key={f.param} field={f} value={draft[f.param] ?? ''} onChange={(v) => set(f.param, v)} invalid={bad.has(f.param)} range={range} media={media} />
        ))}
      </div>
      <div className="form-actions">
        <button type="submit" className="primary" disabled={bad.size > 0} data-testid="apply-filters">
          {t('tracking.apply')}
        </button>
        <button
          type="button"
          onClick={() => {
            const empty = Object.fromEntries(fields.map((f) => [f.param, '']));
            setDraft(empty);
            onApply(empty);
          }}
        >
          {t('tracking.clear')}
        </button>
      </div>
    </form>
  );
}

function Field({
  field,
  value,
  onChange,
  invalid,
  range,
  media,
}: {
  field: FilterField;
  value: string;
  onChange: (v: string) => void;
  invalid: boolean;
  range: { from: string; to: string };
  media: Media;
}) {
  const { t } = useTranslation();
  const session = useSession();
  const id = useId();
  const label = t(`filters.${field.param}`);
  const hintId = `${id}-hint`;
  const errId = `${id}-err`;
  const describedBy = [field.kind === 'list' ? hintId : '', invalid ? errId : ''].filter(Boolean).join(' ') || undefined;
  const error = invalid && (
    <span id={errId} className="field-error" role="alert">
      {field.kind === 'email' ? t('filters.badEmail') : t('filters.badTime')}
    </span>
  );

  switch (field.kind) {
    case 'select':
      return (
        <div className="field">
          <label htmlFor={id}>{label}</label>
          <select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
            <option value="">{t('filters.any')}</option>
            {field.options?.map((o) => (
              <option key={o} value={o}>
                {t(`filters.options.${field.param}.${o}`)}
              </option>
            ))}
          </select>
        </div>
      );
    case 'multi': {
      const on = new Set(value ? value.split(',') : []);
      return (
        <fieldset className="field field-multi">
          <legend>{label}</legend>
          {field.options?.map((o) => (
            <label key={o}>
              <input
                type="checkbox"
                checked={on.has(o)}
                onChange={() => {
                  const next = new Set(on);
                  if (next.has(o)) next.delete(o);
                  else next.add(o);
                  onChange(field.options!.filter((x) => next.has(x)).join(','));
                }}
              />
              {t(`filters.options.${field.param}.${o}`)}
            </label>
          ))}
          {field.param === 'serviceStatus' && <small>{t('filters.serviceStatusDefault')}</small>}
        </fieldset>
      );
    }
    case 'time':
      return (
        <div className="field">
          <label htmlFor={id}>{label}</label>
          <input
            id={id}
            type="time"
            step={60}
            value={value}
            aria-invalid={invalid || undefined}
            aria-describedby={describedBy}
            onChange={(e) => onChange(e.target.value)}
          />
          {error}
        </div>
      );
    case 'agents':
      return <AgentPicker label={label} value={value} onChange={onChange} range={range} media={media} />;
    case 'queue':
      if (session.queues && session.queues.length > 0)
        return (
          <div className="field">
            <label htmlFor={id}>{label}</label>
            <select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
              <option value="">{t('filters.allMyQueues')}</option>
              {session.queues.map((q) => (
                <option key={q} value={q}>
                  {q}
                </option>
              ))}
            </select>
          </div>
        );
      return (
        <div className="field">
          <label htmlFor={id}>{label}</label>
          <input id={id} value={value} onChange={(e) => onChange(e.target.value)} />
        </div>
      );
    default:
      return (
        <div className="field">
          <label htmlFor={id}>{label}</label>
          <input
            id={id}
            type={field.kind === 'email' ? 'email' : 'text'}
            value={value}
            aria-invalid={invalid || undefined}
            aria-describedby={describedBy}
            onChange={(e) => onChange(e.target.value)}
          />
          {field.kind === 'list' && (
            <small id={hintId} className="hint">
              {t('filters.listHint')}
            </small>
          )}
          {error}
        </div>
      );
  }
}
