// Package demodata generates a believable contact center for one tenant:
// interactions of every media, agent status events and chatbot sessions.
// The local dev stack seeds its "demo" tenant with it (20,000 interactions
// over 45 days in America/Sao_Paulo), and benchmarks load a month of a
// million interactions from it.
//
// # Determinism
//
// The same Config gives byte-identical output, on any machine: nothing
// reads the clock or the global random source. Every record draws from its
// own PCG stream seeded from (Seed, record kind, index), so the i-th
// interaction is a pure function of (Seed, i) — Interaction(i) builds it
// alone, and Interactions builds large runs ahead in parallel chunks while
// still yielding them in order. Every record passes its domain validation
// (Normalize, then Validate with now = End) and is already in normalized
// form.
//
// # The business
//
// The tenant is a fictional Brazilian internet provider, "Conecta Fibra"
// (domains under the reserved .example TLD), with seven queues: Vendas,
// Suporte, Financeiro, Cobrança, Retenção, Ouvidoria and Instalação, each
// with its IVR menus, completion tags, dispositions and scripts. Forty
// agents with Brazilian names work 6h20 morning or afternoon shifts, full
// days or nights (tag "night-shift"; only Suporte has a night shift), some
// on weekends; interactions go to an agent of the queue who is on shift.
//
// Arrivals follow business hours in the tenant's zone: peaks at 10h and
// 15h, a lunch dip, quiet nights, light Saturdays and lighter Sundays, and
// a little day-to-day noise. The media mix is voice 35%, WhatsApp 30%, then
// chat, e-mail, Instagram, Facebook, SMS, webchat, Telegram and Reclame
// Aqui. About 60% of contacts come from a pool of repeat customers linked
// in the CRM, so the client history shows several interactions across
// channels; documents are CPFs or CNPJs with valid check digits.
//
// About 12% of handled contacts are transferred (two or three legs, often
// to another queue). Calls end answered, abandoned, in voicemail, with an
// IVR message (after hours for queues without a night shift), or for
// outbound calls not answered, not connected or out of service; the seed
// 000 status and seed 003 status code follow the ending (table in
// voice.go). Text contacts carry 4 to 30 messages from customer, agent and
// bot, with pictures, voice notes, boletos, delivery statuses, a pause on
// hold (AUT), and metrics derived from the messages themselves. Some came
// through the bot first; the bot session that handed them over points at
// them (BotSession.InteractionID).
//
// A contact still running at End is in progress (state active, cut at
// End), and a few text contacts of the last day are left open after their
// last message; e-mail threads and WhatsApp windows may stay open for days.
// Updated is a few minutes after the end (seed 003 delivers its metadata
// after the session), and nothing in any record happens after End.
package demodata
