import '../reports.css';
import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useSession } from '../../auth/session';
import { Chart } from '../../ui/Chart';
import { DateRange, useDateRange } from '../../ui/DateRange';
import { formatNumber } from '../../ui/format';
import { KpiCard, KpiGrid } from '../../ui/KpiCard';
import type { AggregateReport, ReportRow } from '../common/aggregate';
import { categoryChart } from '../common/chartOptions';
import { columnKind, formatCell } from '../common/columns';
import { DrillNumber } from '../common/DrillNumber';
import { FilterForm } from '../common/FilterForm';
import { apiParams, choice } from '../common/filters';
import { rowLabel } from '../common/labels';
import { ReportState } from '../common/ReportState';
import { ReportTable } from '../common/ReportTable';
import { useReport } from '../common/useReport';
import { ViewSwitch } from '../common/ViewSwitch';
import { CHART_METRICS, chartKind, chartSeries, GROUPS, IVR_FIELDS, IVR_KPIS, IVR_PARAMS, IVR_PATH, ivrDrills, noneKey } from './model';

// IvrReport is seed 000's IVR report over voice calls.
export default function IvrReport() {
  const { t } = useTranslation('reports');
  const { locale, zone } = useSession();
  const [search] = useSearchParams();
  const range = useDateRange('last7');
  const group = choice(search, 'group', GROUPS, 'ivr');
  const params = apiParams(search, IVR_PARAMS, range);
  params.set('group', group);
  const query = useReport<AggregateReport>(IVR_PATH, params);
  const label = useCallback(
    (r: ReportRow) => rowLabel(r, { t, noneKey: noneKey(group), isDate: group === 'day', locale, zone }),
    [t, group, locale, zone],
  );

  return (
    <section className="report" aria-labelledby="ivr-title">
      <h1 id="ivr-title">{t('ivr.title')}</h1>
      <div className="report-controls">
        <DateRange fallback="last7" />
        <ViewSwitch name="group" labelKey="ivr.groupBy" values={GROUPS} current={group} optionKey={(g) => `ivr.group.${g}`} />
        <FilterForm fields={IVR_FIELDS} />
      </div>
      <ReportState query={query} isEmpty={(d) => (d.totals.received as number) === 0} emptyText={t('ivr.empty')}>
        {(data) => <IvrBody data={data} group={group} label={label} />}
      </ReportState>
    </section>
  );
}

function IvrBody({ data, group, label }: { data: AggregateReport; group: (typeof GROUPS)[number]; label: (r: ReportRow) => string }) {
  const { t } = useTranslation('reports');
  const { locale } = useSession();
  const option = useMemo(() => {
    const s = chartSeries(data.rows);
    return categoryChart({
      categories: data.rows.map(label),
      series: CHART_METRICS.map((m) => ({ name: t(`col.${m}`), values: s[m] })),
      type: chartKind(group),
      format: (v) => formatNumber(v, locale, 0),
    });
  }, [data, group, label, t, locale]);

  return (
    <>
      <KpiGrid label={t('kpis')}>
        {IVR_KPIS.map((k) => (
          <KpiCard
            key={k}
            label={t(`col.${k}`)}
            value={
              <DrillNumber drill={data.drill} row={data.totals} metric={k} describe={`${t(`col.${k}`)}, ${t('total')}`}>
                {formatCell(columnKind(k), data.totals[k], locale)}
              </DrillNumber>
            }
          />
        ))}
      </KpiGrid>
      <Chart option={option} label={t('ivr.chart', { group: t(`ivr.group.${group}`) })} />
      <ReportTable report={data} caption={t('ivr.table', { group: t(`ivr.group.${group}`) })} rowLabel={label} drills={ivrDrills} />
    </>
  );
}
