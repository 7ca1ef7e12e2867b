// Package sessionmeta reads the session-metadata files a cloud contact-center
// AI platform (seed 003; modelled on CCAI Platform, formerly UJET) writes to
// external storage 15 minutes after each session ends, and maps them onto
// domain.Interaction. The same documents arrive over HTTP at
// /v1/ingest/sessions; both paths go through Decode (files) or
// json.Unmarshal (one document) and then Document.Interaction.
//
// The wire format is docs/schemas/session-metadata.schema.json, with a
// complete example in docs/examples/session-metadata.json.
//
// # Mapping decisions
//
// Identity and time. ID is session_id, written by the platform as a number
// or a string and kept as text. Start is created_at (DESIGN.md places every
// interaction by its start); Updated is updated_at and is required, because
// it orders versions of the same session. queued_at, assigned_at,
// connected_at (Answered), ended_at (Finished), scheduled_at, va_assigned_at
// and va_connected_at map one to one. Instants must carry a UTC offset.
//
// Media and direction come from session_type through domain.SessionTypes.
// voice_outbound, voice_outbound_api, voice_campaign, messaging_sms_outbound
// and messaging_sms_api are outbound; every other type, including the web
// callback the customer asked for, is inbound.
//
// State and outcome come from status (seed 003's numbered table, which the
// domain owns: domain.SessionStatus). A final status (domain's Final: 8, 9,
// 10, 11, 80, 81) closes the interaction and then requires ended_at; any
// other status leaves it active, with no final status, voice status or
// last-leg end. For final statuses, "connected" means connected_at is set:
//
//   - 8 finished, 10 recovered: connected → voice answered; not connected →
//     abandoned on inbound sessions (the customer left before an agent
//     came), not_answered on outbound ones (the customer never picked up).
//   - 9 failed: not_connected, unless an agent had been connected, in which
//     case the customer was served before the failure: answered.
//   - 11 deflected: message, because deflection (after_hours_message_only
//     and the like) plays the caller a message; voicemail when the
//     deflection names voicemail.
//   - 80 voicemail, 81 voicemail received: voicemail.
//
// The seed 000 final status follows the same facts: a connected session is
// service_transferred when transfer_info is not empty, else
// service_completed; an inbound 8 or 10 that was never connected is
// abandoned. Sessions that failed, were deflected, went to voicemail or
// were outbound and never answered get no final status: none of seed 000's
// (abandoned, bad_phone, bad_number, dequeued) is true of them on what the
// document says, and the voice status already tells what happened.
// VoiceStatus and the recording (recording_permission, recording_url) are
// kept for voice sessions only; the recording fields of a messaging session
// are dropped rather than rejected.
//
// Legs. agent_info (agents in assignment order) and transfer_info
// (transfers in order) are zipped: leg i is agent i, from its arrival (the
// first agent's assigned_at, falling back to connected_at then created_at;
// later agents' transfer_info[i-1].transferred_at) to
// transfer_info[i].transferred_at with end reason "transferred". The last
// leg ends at ended_at once the status is final: "completed" when an agent
// was connected, "failed" for an unconnected 9, else "abandoned". A
// transfer to a queue or menu with no agent after it still makes a leg
// (queue, menu, to_agent_* from the transfer). More agents than transfers
// plus one is rejected on the first agent no transfer explains: there is
// no time at which it took over. Transfers whose from_agent_id or
// to_agent_id contradict agent_info's order are rejected too. Agent is the
// last of agent_info.
//
// Queue is menu_path.name, the leaf of the menu the session was routed
// through, which CCAI Platform calls the queue; the first leg carries it
// too. Supervisors are scoped by queue, so this is what lets them see the
// session. session.menuPath is the same name; session.menuPathId is
// menu_path_id.
//
// Contact is end_user (its id as the contact's external id). From, To and
// DID follow direction: inbound sessions go from the end user's phone to
// support_number (also the DID, seed 004's inbound number); outbound ones
// from outbound_number to the end user's phone.
//
// Leniency, each for a reason given where it is done: unknown keys are
// ignored; null and "" instants are absent; status may be a name from the
// table instead of its number; recording_permission "not asked" (the
// seed's spelling) is not_asked; recording_url and out_ticket_url without a
// scheme get https://.
package sessionmeta
