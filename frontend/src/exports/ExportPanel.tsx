import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ExportForm } from './ExportForm';
import type { ExportJob } from './types';

// ExportPanel is the tracking screen's "Export": the current filter as a file, then a
// link to the Exports screen where the job's progress and download are.
export function ExportPanel({ query, onClose }: { query: URLSearchParams; onClose: () => void }) {
  const { t } = useTranslation();
  const [job, setJob] = useState<ExportJob | null>(null);
  return (
    <div className="export-panel" role="region" aria-label={t('exports.request')}>
      {job ? (
        <p role="status" data-testid="export-requested">
          {t('exports.requested')} <Link to={`/exports?job=${job.id}`}>{t('exports.follow')}</Link>
        </p>
      ) : (
        <ExportForm query={query} onCreated={setJob} />
      )}
      <button type="button" onClick={onClose}>
        {t('drawer.close')}
      </button>
    </div>
  );
}
