// Package botreport is seed 002's chatbot conversation report: the bot
// sessions of a period of at most 31 days, filtered by session, protocol,
// labels, additional information, channel and contact, newest first and
// paged with a signed cursor (GET /v1/reports/bot-conversations), and one
// session with its conversations and messages (GET /v1/bot-sessions/{id}).
// Admins see every session; a supervisor only those handed over to one of
// their queues.
package botreport
