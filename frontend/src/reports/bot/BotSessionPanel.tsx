import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { apiGet } from '../../api/client';
import { useSession } from '../../auth/session';
import { formatDateTime } from '../../ui/format';
import { ErrorState, Freshness, Loading } from '../../ui/States';
import { useDialogFocus } from '../../ui/useDialogFocus';
import { Handover } from './Handover';
import { stamp } from './stamp';
import { statusKey, type BotSessionDetail } from './model';

// BotSessionPanel is one session's detail (GET /v1/bot-sessions/{id}): its
// fields, its conversations (each with its status, e.g. cancelled for
// inactivity when WhatsApp closed the 24-hour window) and its messages.
export function BotSessionPanel({ id, onClose }: { id: string; onClose: () => void }) {
  const { t } = useTranslation('reports');
  const { zone, locale } = useSession();
  const heading = useRef<HTMLHeadingElement>(null);
  const query = useQuery({
    queryKey: ['bot-session', id],
    queryFn: ({ signal }) => apiGet<BotSessionDetail>(`/v1/bot-sessions/${encodeURIComponent(id)}`, undefined, signal),
  });

  // Keyboard users land on the panel's title, Tab stays in the panel, Escape closes it and
  // focus goes back to the session button that opened it.
  const panel = useRef<HTMLElement>(null);
  useDialogFocus(panel, { onClose, initialFocus: heading });
  // Back/forward can switch the open session without closing the panel: start over at its title.
  useEffect(() => heading.current?.focus(), [id]);

  const s = query.data?.session;
  return (
    // The backdrop closes the panel like Escape; clicks inside the panel stay there.
    <div className="drawer-backdrop" onClick={onClose}>
      <aside
        ref={panel}
        tabIndex={-1}
        className="drawer drawer-wide bot-session"
        role="dialog"
        aria-modal="true"
        aria-labelledby="bot-session-title"
        onClick={(e) => e.stopPropagation()}
      >
        <div className="drawer-head">
          <h2 id="bot-session-title" tabIndex={-1} ref={heading}>
            {t('bot.session.title', { id })}
          </h2>
          <button type="button" onClick={onClose}>
            {t('bot.session.close')}
          </button>
        </div>
        <div className="drawer-body">
          {query.error ? (
            <ErrorState error={query.error} onRetry={() => void query.refetch()} />
          ) : !s ? (
            <Loading />
          ) : (
            <>
              <Freshness generatedAt={query.data?.generatedAt} dataThrough={query.data?.dataThrough} />
              <dl className="summary">
                <Pair name={t('bot.col.channel')}>{t(`media.${s.channel}`, { defaultValue: s.channel })}</Pair>
                <Pair name={t('bot.col.phone')}>{s.phone || '–'}</Pair>
                <Pair name={t('bot.col.name')}>{s.name || '–'}</Pair>
                <Pair name={t('bot.col.contact')}>{s.contact || '–'}</Pair>
                <Pair name={t('bot.col.start')}>{stamp(s.start, locale)}</Pair>
                <Pair name={t('bot.col.end')}>{s.end ? stamp(s.end, locale) : t('bot.status.open')}</Pair>
                <Pair name={t('bot.col.protocol')}>{s.protocol || '–'}</Pair>
                <Pair name={t('bot.col.labels')}>{s.labels.length ? s.labels.join(', ') : '–'}</Pair>
                <Pair name={t('bot.col.wentToHuman')}>
                  <Handover session={s} />
                </Pair>
                <Pair name={t('bot.col.queue')}>{s.queue || '–'}</Pair>
                <Pair name={t('bot.col.status')}>{t(statusKey(s.endReason))}</Pair>
                {Object.entries(s.info ?? {}).map(([k, v]) => (
                  <Pair key={k} name={<code>{k}</code>}>
                    {v}
                  </Pair>
                ))}
              </dl>

              <h3>{t('bot.session.conversations', { count: s.conversations.length })}</h3>
              <table className="plain-table">
                <caption className="visually-hidden">{t('bot.session.conversationsCaption')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('bot.col.conversation')}</th>
                    <th scope="col">{t('bot.col.start')}</th>
                    <th scope="col">{t('bot.col.end')}</th>
                    <th scope="col">{t('bot.col.wentToHuman')}</th>
                    <th scope="col">{t('bot.col.status')}</th>
                  </tr>
                </thead>
                <tbody>
                  {s.conversations.map((c) => (
                    <tr key={c.id}>
                      <td>{c.id}</td>
                      <td>{stamp(c.start, locale)}</td>
                      <td>{c.end ? stamp(c.end, locale) : t('bot.status.open')}</td>
                      <td>{c.wentToHuman ? t('yes') : t('no')}</td>
                      <td>{t(statusKey(c.endReason))}</td>
                    </tr>
                  ))}
                </tbody>
              </table>

              <h3>{t('bot.session.messages', { count: s.messages.length })}</h3>
              <ol className="thread">
                {s.messages.map((m) => (
                  <li key={m.id} className={`msg msg-${m.sender}`}>
                    <div className="msg-meta">
                      <strong>{t(`bot.sender.${m.sender}`, { defaultValue: m.sender })}</strong>{' '}
                      <time dateTime={m.at}>{formatDateTime(m.at, zone, locale)}</time>
                      {m.status ? ` · ${m.status}` : ''}
                    </div>
                    <div className="msg-body">
                      {m.content ? m.content : m.mediaUrl ? <a href={m.mediaUrl}>{m.contentType}</a> : `[${m.contentType}]`}
                    </div>
                  </li>
                ))}
              </ol>
            </>
          )}
        </div>
      </aside>
    </div>
  );
}

// Pair is one name and value of the summary; the wrapping div keeps them
// together in the summary's grid.
function Pair({ name, children }: { name: ReactNode; children: ReactNode }) {
  return (
    <div>
      <dt>{name}</dt>
      <dd>{children}</dd>
    </div>
  );
}
