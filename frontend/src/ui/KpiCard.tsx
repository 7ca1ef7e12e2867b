import type { ReactNode } from 'react';

type Props = {
  label: string;
  value: ReactNode; // already formatted (and possibly a drill-down link)
  hint?: string;
};

// KpiCard is one headline figure of a report. A <dl> pairs the label with
// its value for screen readers.
export function KpiCard({ label, value, hint }: Props) {
  return (
    <dl className="kpi-card">
      <dt className="kpi-label">{label}</dt>
      <dd className="kpi-value">{value}</dd>
      {hint && <dd className="kpi-hint">{hint}</dd>}
    </dl>
  );
}

// KpiGrid lays the cards out in a responsive row.
export function KpiGrid({ children, label }: { children: ReactNode; label: string }) {
  return (
    <section className="kpi-grid" aria-label={label}>
      {children}
    </section>
  );
}
