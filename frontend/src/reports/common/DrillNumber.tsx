import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { trackingLink } from '../../tracking/link';
import { drillMedia, drillQuery, type DrillSpec, type ReportRow } from './aggregate';

type Props = {
  drill: DrillSpec | undefined;
  row: ReportRow;
  metric: string;
  children: ReactNode; // the formatted number
  // What the number is, for the link's accessible name ("Answered, Total").
  describe: string;
};

// DrillNumber makes a report number a link to the Interaction Tracking list
// of the interactions behind it. The tracking screen shows one media at a
// time, so a row of several media offers one link per media.
export function DrillNumber({ drill, row, metric, children, describe }: Props) {
  const { t } = useTranslation('reports');
  const media = drillMedia(drill, row);
  if (media.length === 0) return <>{children}</>;
  const links = media.flatMap((m) => {
    const q = drillQuery(drill, m, row.drill, metric);
    return q ? [{ media: m, href: trackingLink(q) }] : [];
  });
  const first = links[0];
  if (!first) return <>{children}</>;
  if (links.length === 1) {
    return (
      <Link to={first.href} className="drill" title={t('drill.open', { what: describe })}>
        {children}
      </Link>
    );
  }
  return (
    <details className="drill-menu">
      <summary title={t('drill.open', { what: describe })}>{children}</summary>
      <ul aria-label={t('drill.byMedia', { what: describe })}>
        {links.map((l) => (
          <li key={l.media}>
            <Link to={l.href} className="drill">
              {t(`media.${l.media}`)}
            </Link>
          </li>
        ))}
      </ul>
    </details>
  );
}
