import { formatDate } from '../../ui/format';
import type { ReportRow } from './aggregate';

type T = (key: string, opts?: Record<string, unknown>) => string;

// rowLabel names a report row for the table, the chart and link titles:
// the row without a value (keyed "") gets the report's "(no …)" text in
// the user's language, date rows are formatted for the locale.
export function rowLabel(row: ReportRow, opts: { t: T; noneKey: string; isDate?: boolean; locale: string; zone: string }): string {
  const key = row.key ?? '';
  const label = typeof row.label === 'string' ? row.label : key;
  if (key === '' && label !== 'Total') return opts.t(opts.noneKey);
  if (opts.isDate) return formatDate(key || label, opts.zone, opts.locale);
  return label || key;
}
