import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { apiGet } from '../api/client';
import { useSession } from '../auth/session';
import { formatCell } from '../tracking/columns';
import { Drawer } from '../ui/Drawer';
import { formatDateTime, formatDuration, formatNumber } from '../ui/format';
import { Empty, ErrorState, Loading } from '../ui/States';
import type { InteractionHistory, Message, TransferLeg, VoiceDetails } from './types';

// The row fields the drawer's summary shows first, when the media has them.
const SUMMARY_KEYS = ['protocol', 'created', 'closed', 'queue', 'service', 'agent', 'contact', 'client', 'status', 'duration', 'tags'];

// HistoryDrawer is seed 000's history screen: the transfer path, the message thread
// (newest or oldest first) and, for voice, the call's details with the recording.
export function HistoryDrawer({ id, onClose }: { id: string; onClose: () => void }) {
  const { t } = useTranslation();
  const [order, setOrder] = useState<'asc' | 'desc'>('asc');
  const [, setParams] = useSearchParams();
  const q = useQuery({
    queryKey: ['history', id, order],
    queryFn: ({ signal }) =>
      apiGet<InteractionHistory>(`/v1/interactions/${encodeURIComponent(id)}/history`, new URLSearchParams({ order }), signal),
    // A presigned recording link lasts 15 minutes; don't reuse one older than that.
    staleTime: 60_000,
    // Switching the order keeps the thread on screen (and focus on the switch) meanwhile.
    placeholderData: keepPreviousData,
  });

  function openWindow(spec: string) {
    setParams((p) => {
      const n = new URLSearchParams(p);
      n.delete('h');
      n.set('hv', spec);
      return n;
    });
  }

  return (
    <Drawer title={t('history.title', { id })} onClose={onClose} testId="history-drawer">
      {q.isPending && <Loading />}
      {q.isError && <ErrorState error={q.error} onRetry={() => void q.refetch()} />}
      {q.data && (
        <>
          <Summary h={q.data} />
          <div className="drawer-actions">
            {q.data.row.contactKey && (
              <button type="button" className="badge badge-c" onClick={() => openWindow(`c:${q.data.row.contactKey}`)}>
                C · {t('tracking.clientHistory')}
              </button>
            )}
            {q.data.row.agentId && (
              <button type="button" className="badge badge-a" onClick={() => openWindow(`a:${q.data.row.agentId}`)}>
                A · {t('tracking.agentHistory')}
              </button>
            )}
          </div>
          <div className="order-switch" role="group" aria-label={t('history.order')}>
            <span>{t('history.order')}:</span>
            <button type="button" aria-pressed={order === 'asc'} onClick={() => setOrder('asc')}>
              {t('history.oldest')}
            </button>
            <button type="button" aria-pressed={order === 'desc'} onClick={() => setOrder('desc')} data-testid="order-newest">
              {t('history.newest')}
            </button>
          </div>
          <Legs legs={q.data.legs} zone={q.data.zone} />
          {q.data.voice && <Voice v={q.data.voice} />}
          {q.data.row.media !== 'voice' && <Thread messages={q.data.messages} zone={q.data.zone} />}
          {q.data.participants.length > 0 && <Participants h={q.data} />}
        </>
      )}
    </Drawer>
  );
}

function Summary({ h }: { h: InteractionHistory }) {
  const { t } = useTranslation();
  const { locale } = useSession();
  const keys = SUMMARY_KEYS.filter((k) => formatCell(k, h.row[k], locale) !== '');
  return (
    <dl className="summary">
      <div>
        <dt>{t('history.media')}</dt>
        <dd>{t(`media.${h.row.media}`, { defaultValue: h.row.media })}</dd>
      </div>
      {keys.map((k) => (
        <div key={k}>
          <dt>{t(`columns.${k}`)}</dt>
          <dd>{formatCell(k, h.row[k], locale)}</dd>
        </div>
      ))}
    </dl>
  );
}

function Legs({ legs, zone }: { legs: TransferLeg[]; zone: string }) {
  const { t } = useTranslation();
  const { locale } = useSession();
  return (
    <section aria-labelledby="legs-h">
      <h3 id="legs-h">{t('history.path')}</h3>
      {legs.length === 0 ? (
        <Empty>{t('history.noLegs')}</Empty>
      ) : (
        <ol className="legs" data-testid="legs">
          {legs.map((l) => (
            <li key={`${l.seq}-${l.start}`}>
              <strong>{l.agentName || l.menu || l.queue || l.service || '–'}</strong>
              {l.queue && <span> · {t('columns.queue')}: {l.queue}</span>}
              {l.service && <span> · {t('columns.service')}: {l.service}</span>}
              {l.menu && <span> · {t('history.menu')}: {l.menu}</span>}
              <div className="muted">
                {formatDateTime(l.start, zone, locale)}
                {l.end && ` → ${formatDateTime(l.end, zone, locale)}`} · {formatDuration(l.duration)}
                {l.endReason && ` · ${t(`history.endReason.${l.endReason}`, { defaultValue: l.endReason })}`}
              </div>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

function Thread({ messages, zone }: { messages: Message[]; zone: string }) {
  const { t } = useTranslation();
  const { locale } = useSession();
  return (
    <section aria-labelledby="thread-h">
      <h3 id="thread-h">{t('history.messages')}</h3>
      {messages.length === 0 ? (
        <Empty>{t('history.noMessages')}</Empty>
      ) : (
        <ol className="thread" data-testid="thread">
          {messages.map((m) => (
            <li key={m.id} className={`msg msg-${m.sender}`}>
              <div className="muted">
                {t(`history.sender.${m.sender}`)} · <time dateTime={m.at}>{formatDateTime(m.at, zone, locale)}</time>
                {m.status && ` · ${m.status}`}
              </div>
              {m.content ? (
                <p>{m.content}</p>
              ) : (
                <p className="muted">
                  [{m.contentType}
                  {m.templateName && `: ${m.templateName}`}]
                </p>
              )}
              {m.mediaUrl && (
                <a href={m.mediaUrl} target="_blank" rel="noreferrer">
                  {t('history.openMedia')}
                </a>
              )}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

function Voice({ v }: { v: VoiceDetails }) {
  const { t } = useTranslation();
  const { locale } = useSession();
  const rows: [string, string | undefined][] = [
    ['history.voice.server', v.server],
    ['history.voice.dialed', v.dialedNumber],
    ['history.voice.external', v.externalChannel],
    ['history.voice.internal', v.internalChannel],
    ['history.voice.jitter', v.jitterMs === undefined ? undefined : `${formatNumber(v.jitterMs, locale)} ms`],
    ['history.voice.loss', v.packetLossPct === undefined ? undefined : `${formatNumber(v.packetLossPct, locale)} %`],
    ['history.voice.permission', v.recordingPermission && t(`history.voice.perm.${v.recordingPermission}`)],
  ];
  return (
    <section aria-labelledby="voice-h" data-testid="voice">
      <h3 id="voice-h">{t('history.voice.title')}</h3>
      <dl className="summary">
        {rows
          .filter(([, val]) => val)
          .map(([k, val]) => (
            <div key={k}>
              <dt>{t(k)}</dt>
              <dd>{val}</dd>
            </div>
          ))}
      </dl>
      {v.recordingUrl ? (
        <figure>
          <figcaption>{t('history.voice.recording')}</figcaption>
          <audio controls preload="none" src={v.recordingUrl} aria-label={t('history.voice.recording')} />
          <div>
            <a href={v.recordingUrl} target="_blank" rel="noreferrer">
              {t('history.voice.download')}
            </a>
          </div>
        </figure>
      ) : (
        <p className="muted">{t('history.voice.noRecording')}</p>
      )}
      {v.transcriptionUrl && (
        <a href={v.transcriptionUrl} target="_blank" rel="noreferrer" data-testid="transcription">
          {t('history.voice.transcription')}
        </a>
      )}
    </section>
  );
}

function Participants({ h }: { h: InteractionHistory }) {
  const { t } = useTranslation();
  const { locale } = useSession();
  return (
    <section aria-labelledby="parts-h">
      <h3 id="parts-h">{t('history.participants')}</h3>
      <ul>
        {h.participants.map((p, i) => (
          <li key={`${p.id ?? p.name ?? ''}-${i}`}>
            {p.name || p.id || '–'} · {t(`history.participant.${p.type}`, { defaultValue: p.type })}
            {p.joined && ` · ${formatDateTime(p.joined, h.zone, locale)}`}
          </li>
        ))}
      </ul>
    </section>
  );
}
