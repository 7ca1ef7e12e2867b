import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { apiGet } from '../../api/client';

// useReport fetches one report for the request the URL describes. The
// previous figures stay on screen while a changed filter loads, so the
// table doesn't flash empty between two views.
export function useReport<T>(path: string, params: URLSearchParams) {
  const qs = params.toString();
  return useQuery({
    queryKey: ['report', path, qs],
    queryFn: ({ signal }) => apiGet<T>(path, params, signal),
    placeholderData: keepPreviousData,
  });
}
