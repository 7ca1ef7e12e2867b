// The media the API knows, in the order it lists them (shared/domain.AllMedia):
// one list for the tracking screen's media choice and the reports' media filters.
export const MEDIA = [
  'voice',
  'whatsapp',
  'chat',
  'email',
  'sms',
  'instagram',
  'facebook',
  'telegram',
  'webchat',
  'reclameaqui',
] as const;

export type Media = (typeof MEDIA)[number];

// Every media but voice: the conversation statistics' and the chatbot's.
export const TEXT_MEDIA: readonly Media[] = MEDIA.filter((m) => m !== 'voice');

export function isMedia(v: unknown): v is Media {
  return typeof v === 'string' && (MEDIA as readonly string[]).includes(v);
}
