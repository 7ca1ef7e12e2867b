// The report API's shapes the tracking screen reads (docs/openapi.yaml TrackingReport).
export type TrackingRow = {
  id: string;
  media: string;
  contactKey?: string;
  agentId?: string;
  [key: string]: unknown;
};

export type TrackingReport = {
  media: string;
  zone: string;
  from: string;
  to: string;
  sort: 'asc' | 'desc';
  columns: { key: string; header: string }[];
  rows: TrackingRow[];
  nextCursor: string | null;
  itemsRead?: number; // admins only
};
