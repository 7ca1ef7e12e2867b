import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../auth/session';
import { DataTable, type DataColumn } from '../../ui/DataTable';
import { cellValue, type AggregateReport, type ReportColumn, type ReportRow } from './aggregate';
import { columnKind, formatCell, headerKey } from './columns';
import { DrillNumber } from './DrillNumber';

type Props = {
  report: AggregateReport;
  caption: string;
  // The row's name as shown (translated "(no agent)", a formatted date…).
  rowLabel: (row: ReportRow) => string;
  // Which columns' numbers link to the tracking list.
  drills: (col: ReportColumn) => boolean;
  // Columns to show, in order; defaults to the response's.
  columns?: ReportColumn[];
  // Extra columns appended after the response's (e.g. pause reasons).
  extra?: DataColumn<ReportRow>[];
  columnChooser?: boolean;
};

// ReportTable is an aggregate report's table: one row per group, the
// response's columns translated, every number formatted by its kind and
// linked to its drill-down, and the totals row computed by the API.
export function ReportTable({ report, caption, rowLabel, drills, columns, extra = NO_EXTRA, columnChooser }: Props) {
  const { t } = useTranslation('reports');
  const { locale } = useSession();
  const cols = useMemo<DataColumn<ReportRow>[]>(() => {
    const src = columns ?? report.columns ?? [];
    const [labelCol, ...rest] = src;
    const out: DataColumn<ReportRow>[] = [];
    if (labelCol) {
      out.push({
        id: labelCol.key,
        header: headerText(t, labelCol),
        value: rowLabel,
        total: t('total'),
      });
    }
    for (const col of rest) {
      const kind = columnKind(col.key);
      const header = headerText(t, col);
      const drill = drills(col);
      const render = (row: ReportRow, isTotal: boolean) => {
        const text = formatCell(kind, cellValue(row, col.key), locale);
        if (!drill || kind === 'text') return kind === 'text' ? translateText(t, col.key, text) : text;
        const who = isTotal ? t('total') : rowLabel(row);
        return (
          <DrillNumber drill={report.drill} row={row} metric={col.key} describe={`${header}, ${who}`}>
            {text}
          </DrillNumber>
        );
      };
      out.push({
        id: col.key,
        header,
        value: (row) => cellValue(row, col.key),
        cell: (row) => render(row, false),
        total: kind === 'text' ? '' : render(report.totals, true),
        align: kind === 'text' ? 'start' : 'end',
      });
    }
    return [...out, ...extra];
  }, [report, columns, rowLabel, drills, extra, t, locale]);

  return (
    <DataTable
      caption={caption}
      columns={cols}
      data={report.rows}
      rowId={(r, i) => String(r.key ?? r.agentId ?? i)}
      showTotals
      columnChooser={columnChooser}
      height={480}
    />
  );
}

// A stable default, so the columns aren't rebuilt on every render.
const NO_EXTRA: DataColumn<ReportRow>[] = [];

type T = (key: string, opts?: Record<string, unknown>) => string;

export function headerText(t: T, col: ReportColumn): string {
  const h = headerKey(col);
  if (!h) return col.header;
  return t(h.key, { ...h.values, defaultValue: col.header });
}

// Text columns with a closed set of values (agent status) are translated.
function translateText(t: T, key: string, text: string): string {
  if (key === 'status' && text) return t(`agentStatus.${text}`, { defaultValue: text });
  return text;
}
