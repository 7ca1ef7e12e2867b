import '../reports.css';
import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useSession } from '../../auth/session';
import { Chart } from '../../ui/Chart';
import { DateRange, useDateRange } from '../../ui/DateRange';
import { formatNumber } from '../../ui/format';
import { KpiCard, KpiGrid } from '../../ui/KpiCard';
import type { AggregateReport, ReportColumn, ReportRow } from '../common/aggregate';
import { categoryChart } from '../common/chartOptions';
import { columnKind, formatCell } from '../common/columns';
import { DrillNumber } from '../common/DrillNumber';
import { FilterForm } from '../common/FilterForm';
import { apiParams, choice } from '../common/filters';
import { rowLabel } from '../common/labels';
import { ReportState } from '../common/ReportState';
import { headerText, ReportTable } from '../common/ReportTable';
import { useReport } from '../common/useReport';
import { ViewSwitch } from '../common/ViewSwitch';
import { HourWeekday } from './HourWeekday';
import {
  chartSeries,
  CONVERSATIONS_FIELDS,
  CONVERSATIONS_PARAMS,
  CONVERSATIONS_PATH,
  conversationsDrills,
  noneKey,
  overviewKpis,
  VIEWS,
  type View,
} from './model';

// ConversationsReport is seed 001's conversation statistics over text media.
export default function ConversationsReport() {
  const { t } = useTranslation('reports');
  const { locale, zone } = useSession();
  const [search] = useSearchParams();
  const range = useDateRange('last7');
  const view = choice(search, 'view', VIEWS, 'overview');
  const params = apiParams(search, CONVERSATIONS_PARAMS, range);
  params.set('view', view);
  const query = useReport<AggregateReport>(CONVERSATIONS_PATH, params);
  const label = useCallback(
    (r: ReportRow) => {
      if (view === 'overview' && r.key) return t(`media.${r.key}`, { defaultValue: String(r.label ?? r.key) });
      return rowLabel(r, { t, noneKey: noneKey(view), isDate: view === 'date', locale, zone });
    },
    [t, view, locale, zone],
  );

  return (
    <section className="report" aria-labelledby="conversations-title">
      <h1 id="conversations-title">{t('conversations.title')}</h1>
      <div className="report-controls">
        <DateRange fallback="last7" />
        <ViewSwitch name="view" labelKey="conversations.viewBy" values={VIEWS} current={view} optionKey={(v) => `conversations.view.${v}`} />
        <FilterForm fields={CONVERSATIONS_FIELDS} />
      </div>
      <ReportState query={query} isEmpty={(d) => Number(d.totals.conversations ?? 0) === 0} emptyText={t('conversations.empty')}>
        {(data) => <ConversationsBody data={data} view={view} label={label} params={params} />}
      </ReportState>
    </section>
  );
}

type BodyProps = { data: AggregateReport; view: View; label: (r: ReportRow) => string; params: URLSearchParams };

function ConversationsBody({ data, view, label, params }: BodyProps) {
  const { t } = useTranslation('reports');
  const { locale } = useSession();
  const columns = data.columns ?? [];
  const drills = useCallback((col: ReportColumn) => conversationsDrills(col, data.drill), [data.drill]);
  const option = useMemo(() => {
    const header = (key: string) => {
      const col = columns.find((c) => c.key === key);
      return col ? headerText(t, col) : t(`col.${key}`);
    };
    return categoryChart({
      categories: data.rows.map(label),
      series: chartSeries(view, data.rows, columns, header),
      type: view === 'hour' || view === 'date' ? 'line' : 'bar',
      format: (v) => formatNumber(v, locale, 0),
    });
  }, [data, view, label, columns, t, locale]);

  return (
    <>
      {view === 'overview' && (
        <KpiGrid label={t('kpis')}>
          {overviewKpis(data.totals).map((k) => {
            const text = formatCell(columnKind(k.key), k.value, locale);
            const name = t(`col.${k.key}`);
            return (
              <KpiCard
                key={k.key}
                label={name}
                value={
                  k.drill ? (
                    <DrillNumber drill={data.drill} row={data.totals} metric={k.key} describe={`${name}, ${t('total')}`}>
                      {text}
                    </DrillNumber>
                  ) : (
                    text
                  )
                }
              />
            );
          })}
        </KpiGrid>
      )}
      <Chart option={option} label={t('conversations.chart', { view: t(`conversations.view.${view}`) })} />
      {view === 'hour' && <HourWeekday params={params} />}
      <ReportTable
        report={data}
        caption={t('conversations.table', { view: t(`conversations.view.${view}`) })}
        rowLabel={label}
        drills={drills}
        columnChooser={view !== 'overview'}
      />
    </>
  );
}
