package report

import (
	"github.com/rastro-cc/rastro/shared/domain"
	"github.com/rastro-cc/rastro/shared/tracking"
)

// Applies reports whether the tracking report takes a parameter for a
// media: a drill-down never sends a filter it would refuse.
func Applies(name string, m domain.Media) bool { return tracking.Applies(name, m) }

// Takes reports whether the tracking report takes a parameter with these
// values for a media, as its parser decides: a drill-down states a
// condition only when it does.
func Takes(name string, m domain.Media, values []string) bool {
	return tracking.Takes(name, m, values)
}

// None is the list value that selects interactions without a value: the
// drill-down of a row keyed "" (no IVR, no agent, no service, no channel).
const None = tracking.None
