// The exports API's shapes (docs/openapi.yaml ExportJob, ExportRequest).
export type Params = Record<string, string | string[]>;

export type ExportJob = {
  id: string;
  status: 'queued' | 'running' | 'succeeded' | 'failed';
  report: string;
  params: Params;
  format: 'csv' | 'xlsx' | 'jsonl';
  options: { delimiter?: ',' | ';'; bom: boolean; language: 'en' | 'pt-BR'; gzip: boolean };
  createdBy: string;
  rows: number;
  bytes: number;
  reason?: string;
  created: string;
  started?: string;
  finished?: string;
  fileName?: string;
  url?: string;
  urlExpires?: string;
  fileExpires?: string;
  fileExpired: boolean;
};

export type ExportJobPage = { items: ExportJob[]; nextCursor: string | null };

export type ExportOptions = {
  format: 'csv' | 'xlsx' | 'jsonl';
  delimiter: ',' | ';';
  bom: boolean;
  language: 'en' | 'pt-BR';
  gzip: boolean;
};
