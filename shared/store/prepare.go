package store

import "github.com/rastro-cc/rastro/shared/domain"

// A record is prepared once: normalized, given its version key, turned
// into the items that store it, and checked against DynamoDB's item and
// transaction limits. The ingest service prepares a whole batch before
// writing any of it (a record that can't fit is a 422, found up front) and
// then writes the very items it checked.

// PreparedInteraction is an interaction ready to write for one tenant.
type PreparedInteraction struct {
	tenant Tenant
	in     domain.Interaction
	items  *interactionItems
}

// PrepareInteraction readies an interaction for PutPrepared or LoadNew.
func PrepareInteraction(t Tenant, in domain.Interaction) (*PreparedInteraction, error) {
	in.Normalize()
	ver, err := in.VersionKey()
	if err != nil {
		return nil, err
	}
	items, err := buildInteractionItems(t, &in, ver)
	if err != nil {
		return nil, err
	}
	if err := fits(items.all()); err != nil {
		return nil, err
	}
	return &PreparedInteraction{tenant: t, in: in, items: items}, nil
}

// PreparedBotSession is a bot session ready to write for one tenant.
type PreparedBotSession struct {
	tenant Tenant
	id     string
	items  *botItems
}

// PrepareBotSession readies a bot session for PutPreparedBotSession or
// LoadNewBotSessions.
func PrepareBotSession(t Tenant, b domain.BotSession) (*PreparedBotSession, error) {
	b.Normalize()
	ver, err := domain.VersionKeyOf(b.Updated.UnixMilli(), b.Version, b)
	if err != nil {
		return nil, err
	}
	items, err := buildBotItems(t, &b, ver)
	if err != nil {
		return nil, err
	}
	if err := fits(items.all()); err != nil {
		return nil, err
	}
	return &PreparedBotSession{tenant: t, id: b.ID, items: items}, nil
}
