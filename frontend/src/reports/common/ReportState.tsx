import type { ReactNode } from 'react';
import { isCancellation } from '../../api/client';
import { Empty, ErrorState, Freshness, Loading } from '../../ui/States';

type Props<T extends { generatedAt?: string; dataThrough?: string }> = {
  query: { data?: T; error: unknown; isPending: boolean; isFetching: boolean; refetch: () => unknown };
  isEmpty: (data: T) => boolean;
  emptyText: string;
  children: (data: T) => ReactNode;
};

// ReportState renders a report request's loading, error, empty and loaded
// states the same way on every report screen; the freshness line comes
// from the response's watermark.
export function ReportState<T extends { generatedAt?: string; dataThrough?: string }>({
  query,
  isEmpty,
  emptyText,
  children,
}: Props<T>) {
  // A called-off request is not a failure: the report is still loading as far as anyone can tell.
  if (query.error && !isCancellation(query.error)) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  if (query.isPending || !query.data) return <Loading />;
  const data = query.data;
  return (
    <div className="report-body" aria-busy={query.isFetching || undefined}>
      <Freshness generatedAt={data.generatedAt} dataThrough={data.dataThrough} />
      {isEmpty(data) ? <Empty>{emptyText}</Empty> : children(data)}
    </div>
  );
}
