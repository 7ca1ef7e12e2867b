import type { ExportOptions, Params } from './types';

// toParams turns the report query into the export's params: one value a string, a
// parameter given several times an array (as POST /v1/exports takes them). Paging is
// the file's business, never the request's.
export function toParams(query: URLSearchParams): Params {
  const out: Params = {};
  for (const key of new Set(query.keys())) {
    if (key === 'cursor' || key === 'limit') continue;
    const all = query.getAll(key);
    out[key] = all.length === 1 ? all[0]! : all;
  }
  return out;
}

export function fromParams(params: Params): URLSearchParams {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) for (const x of Array.isArray(v) ? v : [v]) q.append(k, x);
  return q;
}

// The defaults follow the language: pt-BR spreadsheets want ';' and a byte-order mark.
export function defaultOptions(language: string): ExportOptions {
  const pt = language.startsWith('pt');
  return { format: 'csv', delimiter: pt ? ';' : ',', bom: pt, language: pt ? 'pt-BR' : 'en', gzip: false };
}

// exportBody is the POST /v1/exports body: CSV options only for CSV, gzip never for XLSX
// (the API refuses both combinations).
export function exportBody(query: URLSearchParams, o: ExportOptions) {
  return {
    report: 'interactions' as const,
    params: toParams(query),
    format: o.format,
    ...(o.format === 'csv' ? { csv: { delimiter: o.delimiter, bom: o.bom, language: o.language } } : {}),
    ...(o.format !== 'xlsx' ? { gzip: o.gzip } : {}),
  };
}

// isLive says whether the list must keep polling.
export function isLive(status: string): boolean {
  return status === 'queued' || status === 'running';
}
