package domain

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"sort"
	"strings"
)

// Normalize puts a valid interaction in its one stored form: instants in
// UTC at millisecond precision, messages in time order, tags sorted and
// unique, state defaulted. Two records that mean the same thing normalize
// to equal values, which is what makes replays byte-identical.
func (in *Interaction) Normalize() {
	in.Updated = Normalize(in.Updated)
	in.Start = Normalize(in.Start)
	in.Queued = normalizePtr(in.Queued)
	in.Assigned = normalizePtr(in.Assigned)
	in.Answered = normalizePtr(in.Answered)
	in.FirstMessage = normalizePtr(in.FirstMessage)
	in.Finished = normalizePtr(in.Finished)
	in.Scheduled = normalizePtr(in.Scheduled)
	in.ClientEnd = normalizePtr(in.ClientEnd)
	in.AgentEnd = normalizePtr(in.AgentEnd)
	in.VAAssigned = normalizePtr(in.VAAssigned)
	in.VAConnected = normalizePtr(in.VAConnected)
	if in.State == "" {
		if in.Finished != nil {
			in.State = StateClosed
		} else {
			in.State = StateActive
		}
	}
	in.Tags = sortedUnique(in.Tags)
	if in.Agent != nil {
		in.Agent.Tags = sortedUnique(in.Agent.Tags)
	}
	if in.Duration == 0 {
		in.Duration = Between(in.Answered, in.Finished)
	}
	for i := range in.Legs {
		in.Legs[i].Start = Normalize(in.Legs[i].Start)
		in.Legs[i].End = normalizePtr(in.Legs[i].End)
	}
	for i := range in.Messages {
		in.Messages[i].At = Normalize(in.Messages[i].At)
		in.Messages[i].StatusUpdatedAt = normalizePtr(in.Messages[i].StatusUpdatedAt)
	}
	sort.SliceStable(in.Messages, func(a, b int) bool {
		ma, mb := in.Messages[a], in.Messages[b]
		if !ma.At.Equal(mb.At) {
			return ma.At.Before(mb.At)
		}
		return ma.ID < mb.ID
	})
	for i := range in.Participants {
		in.Participants[i].Joined = normalizePtr(in.Participants[i].Joined)
		in.Participants[i].Left = normalizePtr(in.Participants[i].Left)
	}
}

func sortedUnique(s []string) []string {
	if len(s) == 0 {
		return nil
	}
	out := append([]string(nil), s...)
	sort.Strings(out)
	w := 1
	for r := 1; r < len(out); r++ {
		if out[r] != out[w-1] {
			out[w] = out[r]
			w++
		}
	}
	return out[:w]
}

// VersionKey orders versions of one interaction: by Updated, then Version,
// then content hash. The hash breaks ties deterministically, so two
// different records claiming the same version end the same way whatever
// order they arrive in. The key is fixed-width and compares as a string.
// Call it on a normalized interaction.
func (in *Interaction) VersionKey() (string, error) {
	b, err := json.Marshal(in)
	if err != nil {
		return "", fmt.Errorf("hash interaction: %w", err)
	}
	return versionKey(in.Updated.UnixMilli(), in.Version, b), nil
}

func versionKey(updatedMs, version int64, canonical []byte) string {
	sum := sha256.Sum256(canonical)
	return fmt.Sprintf("%013d#%019d#%s", updatedMs, version, hex.EncodeToString(sum[:8]))
}

// VersionKeyOf is VersionKey for any record with an updated instant and a
// version number.
func VersionKeyOf(updatedMs, version int64, v any) (string, error) {
	b, err := json.Marshal(v)
	if err != nil {
		return "", fmt.Errorf("hash record: %w", err)
	}
	return versionKey(updatedMs, version, b), nil
}

// ContactKey identifies the client across channels for seed 004's client
// history: the CRM contact when linked, else the phone, else the email,
// else the external id. Empty when the interaction names no client.
func (in *Interaction) ContactKey() string {
	c := in.Contact
	if c == nil {
		return ""
	}
	switch {
	case c.CRMContactID != "":
		return "crm:" + c.CRMContactID
	case c.Phone != "":
		return "tel:" + strings.TrimPrefix(c.Phone, "+")
	case c.Email != "":
		return "email:" + strings.ToLower(c.Email)
	case c.ExternalID != "":
		return "ext:" + c.ExternalID
	}
	return ""
}

// ParseContactKey reads a contact key a client typed or kept, in the form
// ContactKey writes: a phone may keep its "+" and punctuation, an email its
// capitals. It reports false for a string that is no contact key.
func ParseContactKey(s string) (string, bool) {
	kind, v, ok := strings.Cut(s, ":")
	if !ok || v == "" {
		return "", false
	}
	switch kind {
	case "crm", "ext":
		return s, true
	case "tel":
		var b strings.Builder
		for _, r := range v {
			switch {
			case r >= '0' && r <= '9':
				b.WriteRune(r)
			case strings.ContainsRune("+ ()-.", r):
			default:
				return "", false
			}
		}
		if b.Len() == 0 {
			return "", false
		}
		return "tel:" + b.String(), true
	case "email":
		return "email:" + strings.ToLower(v), true
	}
	return "", false
}

// AgentIDs lists every agent who held the interaction (the final agent and
// every leg's), each once, sorted: the keys of the agent history.
func (in *Interaction) AgentIDs() []string {
	var ids []string
	if in.Agent != nil && in.Agent.ID != "" {
		ids = append(ids, in.Agent.ID)
	}
	for _, l := range in.Legs {
		if l.AgentID != "" {
			ids = append(ids, l.AgentID)
		}
	}
	return sortedUnique(ids)
}

// Services are the final service and every leg's, first seen first: the
// services an interaction passed through, which the tracking report's
// services filter and the rollups' services dimension both match.
func (in *Interaction) Services() []string {
	var out []string
	seen := map[string]bool{}
	add := func(s string) {
		if s != "" && !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	add(in.Service)
	for _, l := range in.Legs {
		add(l.Service)
	}
	return out
}
