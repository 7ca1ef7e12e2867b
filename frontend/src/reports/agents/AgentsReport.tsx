import '../reports.css';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useSession } from '../../auth/session';
import { Chart } from '../../ui/Chart';
import type { DataColumn } from '../../ui/DataTable';
import { DateRange, useDateRange } from '../../ui/DateRange';
import { formatDuration, formatNumber } from '../../ui/format';
import { KpiCard, KpiGrid } from '../../ui/KpiCard';
import type { AggregateReport, ReportRow } from '../common/aggregate';
import { categoryChart } from '../common/chartOptions';
import { columnKind, formatCell } from '../common/columns';
import { DrillNumber } from '../common/DrillNumber';
import { FilterForm } from '../common/FilterForm';
import { apiParams, timeWindowProblem } from '../common/filters';
import { ReportState } from '../common/ReportState';
import { ReportTable } from '../common/ReportTable';
import { useReport } from '../common/useReport';
import { AGENT_KPIS, agentLabel, AGENTS_FIELDS, AGENTS_PARAMS, AGENTS_PATH, agentsDrills, pauseReasons, pauseTimeFor } from './model';

// AgentsReport is seed 000's Agents report with seed 001's working time.
export default function AgentsReport() {
  const { t } = useTranslation('reports');
  const [search] = useSearchParams();
  const range = useDateRange('last7');
  const params = apiParams(search, AGENTS_PARAMS, range);
  const query = useReport<AggregateReport>(AGENTS_PATH, params);

  return (
    <section className="report" aria-labelledby="agents-title">
      <h1 id="agents-title">{t('agents.title')}</h1>
      <div className="report-controls">
        <DateRange fallback="last7" />
        <FilterForm
          fields={AGENTS_FIELDS}
          validate={(v) => {
            const p = timeWindowProblem(v.timeFrom ?? '', v.timeTo ?? '');
            return p ? { field: p.field, message: t(`filters.window.${p.reason}`) } : null;
          }}
        />
      </div>
      <ReportState query={query} isEmpty={(d) => d.rows.length === 0} emptyText={t('agents.empty')}>
        {(data) => <AgentsBody data={data} />}
      </ReportState>
    </section>
  );
}

function AgentsBody({ data }: { data: AggregateReport }) {
  const { t } = useTranslation('reports');
  const { locale } = useSession();
  const reasons = useMemo(() => pauseReasons(data.rows, data.totals), [data]);
  const extra = useMemo<DataColumn<ReportRow>[]>(
    () =>
      reasons.map((reason) => ({
        id: `pause:${reason}`,
        header: t('agents.pauseReason', { reason }),
        value: (r: ReportRow) => pauseTimeFor(r, reason),
        cell: (r: ReportRow) => formatDuration(pauseTimeFor(r, reason)),
        total: formatDuration(pauseTimeFor(data.totals, reason)),
        align: 'end' as const,
      })),
    [reasons, data, t],
  );
  const option = useMemo(
    () =>
      categoryChart({
        categories: data.rows.map(agentLabel),
        series: (['handled', 'completed', 'transferred'] as const).map((m) => ({
          name: t(`col.${m}`),
          values: data.rows.map((r) => Number(r[m] ?? 0)),
        })),
        type: 'bar',
        format: (v) => formatNumber(v, locale, 0),
      }),
    [data, t, locale],
  );

  return (
    <>
      <KpiGrid label={t('kpis')}>
        {AGENT_KPIS.map((k) => {
          const text = formatCell(columnKind(k), data.totals[k], locale);
          return (
            <KpiCard
              key={k}
              label={t(`col.${k}`)}
              value={
                agentsDrills({ key: k, header: k }) ? (
                  <DrillNumber drill={data.drill} row={data.totals} metric={k} describe={`${t(`col.${k}`)}, ${t('total')}`}>
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
      <Chart option={option} label={t('agents.chart')} height={360} />
      <ReportTable
        report={data}
        caption={t('agents.table')}
        rowLabel={agentLabel}
        drills={agentsDrills}
        extra={extra}
        columnChooser
      />
    </>
  );
}
