// The history API's shapes (docs/openapi.yaml InteractionHistory, InteractionPage).
import type { TrackingRow } from '../tracking/types';

export type TransferLeg = {
  seq: number;
  agentId?: string;
  agentName?: string;
  queue?: string;
  service?: string;
  menu?: string;
  start: string;
  end?: string;
  endReason?: string;
  duration: number;
};

// A message as the API gives it (shared/domain.Message): the history's thread and a
// chatbot session's.
export type Message = {
  id: string;
  at: string;
  direction: 'in' | 'out';
  sender: 'agent' | 'customer' | 'bot';
  initiatedBy?: string;
  agentId?: string;
  from?: string;
  to?: string;
  contentType: string;
  content?: string;
  templateId?: string;
  templateName?: string;
  mediaUrl?: string;
  status?: string;
  statusUpdatedAt?: string;
};

export type Participant = { type: string; id?: string; name?: string; joined?: string; left?: string };

export type VoiceDetails = {
  jitterMs?: number;
  packetLossPct?: number;
  server?: string;
  dialedNumber?: string;
  externalChannel?: string;
  internalChannel?: string;
  recordingPermission?: string;
  recordingUrl?: string;
  recordingExpiresAt?: string;
  transcriptionUrl?: string;
};

export type InteractionHistory = {
  zone: string;
  order: 'asc' | 'desc';
  row: TrackingRow;
  legs: TransferLeg[];
  messages: Message[];
  participants: Participant[];
  voice?: VoiceDetails;
};

export type HistoryItem = {
  id: string;
  media: string;
  source: 'active' | 'closed';
  state: string;
  start: string;
  finished?: string;
  queue?: string;
  service?: string;
  agentId?: string;
  agentName?: string;
  did?: string;
  disposition?: string;
  duration: number;
  acw: number;
  status?: string;
  contactName?: string;
  contactKey?: string;
  protocol?: string;
  preview?: string;
  recordingUrl?: string;
  transcriptionUrl?: string;
};

export type InteractionPage = { order: 'asc' | 'desc'; items: HistoryItem[]; nextCursor: string | null };
