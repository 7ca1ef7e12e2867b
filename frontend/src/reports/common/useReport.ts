import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { apiGet } from '../../api/client';
import { withTotalsDrill, type AggregateReport } from './aggregate';

// useReport fetches one report for the request the URL describes. The
// previous figures stay on screen while a changed filter loads, so the
// table doesn't flash empty between two views. The totals row gets its
// drill-down here, once, so the KPI cards and the table's totals link alike.
export function useReport<T extends AggregateReport = AggregateReport>(path: string, params: URLSearchParams) {
  const qs = params.toString();
  return useQuery({
    queryKey: ['report', path, qs],
    queryFn: ({ signal }) => apiGet<T>(path, params, signal),
    placeholderData: keepPreviousData,
    select: withTotalsDrill<T>,
  });
}
