import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { apiPost } from '../api/client';
import { ErrorState } from '../ui/States';
import { defaultOptions, exportBody } from './request';
import type { ExportJob, ExportOptions } from './types';

// ExportForm asks for the report of `query` as a file with the chosen format and CSV options.
export function ExportForm({ query, onCreated }: { query: URLSearchParams; onCreated: (job: ExportJob) => void }) {
  const { t, i18n } = useTranslation();
  const [o, setO] = useState<ExportOptions>(() => defaultOptions(i18n.language));
  const client = useQueryClient();
  const id = useId();
  const create = useMutation({
    mutationFn: () => apiPost<ExportJob>('/v1/exports', exportBody(query, o)),
    onSuccess: (job) => {
      void client.invalidateQueries({ queryKey: ['exports'] });
      onCreated(job);
    },
  });
  const set = <K extends keyof ExportOptions>(k: K, v: ExportOptions[K]) => setO((x) => ({ ...x, [k]: v }));
  function submit(e: FormEvent) {
    e.preventDefault();
    create.mutate();
  }

  return (
    <form className="export-form" onSubmit={submit} aria-label={t('exports.request')} data-testid="export-form">
      <fieldset>
        <legend>{t('exports.format')}</legend>
        {(['csv', 'xlsx', 'jsonl'] as const).map((f) => (
          <label key={f}>
            <input type="radio" name={`${id}-format`} value={f} checked={o.format === f} onChange={() => set('format', f)} />
            {t(`exports.formats.${f}`)}
          </label>
        ))}
      </fieldset>
      {o.format === 'csv' && (
        <fieldset>
          <legend>{t('exports.csvOptions')}</legend>
          <label htmlFor={`${id}-d`}>{t('exports.delimiter')}</label>
          <select id={`${id}-d`} value={o.delimiter} onChange={(e) => set('delimiter', e.target.value as ',' | ';')}>
            <option value=",">{t('exports.comma')}</option>
            <option value=";">{t('exports.semicolon')}</option>
          </select>
          <label>
            <input type="checkbox" checked={o.bom} onChange={(e) => set('bom', e.target.checked)} />
            {t('exports.bom')}
          </label>
          <label htmlFor={`${id}-l`}>{t('exports.language')}</label>
          <select id={`${id}-l`} value={o.language} onChange={(e) => set('language', e.target.value as 'en' | 'pt-BR')}>
            <option value="en">{t('lang.en')}</option>
            <option value="pt-BR">{t('lang.pt-BR')}</option>
          </select>
        </fieldset>
      )}
      {o.format !== 'xlsx' && (
        <label>
          <input type="checkbox" checked={o.gzip} onChange={(e) => set('gzip', e.target.checked)} />
          {t('exports.gzip')}
        </label>
      )}
      <button type="submit" className="primary" disabled={create.isPending} data-testid="export-submit">
        {t('exports.submit')}
      </button>
      {create.isError && <ErrorState error={create.error} />}
    </form>
  );
}
