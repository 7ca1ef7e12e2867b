import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { trackingLink } from '../../tracking/link';
import { handoverQuery, type BotSession } from './model';

// Handover says whether the session went to a human, linking to the
// interaction it became (the tracking screen opens its history).
export function Handover({ session }: { session: BotSession }) {
  const { t } = useTranslation('reports');
  if (!session.wentToHuman) return <>{t('no')}</>;
  const q = handoverQuery(session);
  if (!q) return <>{t('yes')}</>;
  return (
    <Link to={trackingLink(q)} className="drill" title={t('bot.openInteraction', { id: session.interactionId })}>
      {t('yes')}
    </Link>
  );
}
