package report

import (
	"github.com/rastro-cc/rastro/shared/domain"
	"github.com/rastro-cc/rastro/shared/tracking"
)

// Applies reports whether the tracking report takes a parameter for a
// media: a drill-down never sends a filter it would refuse.
func Applies(name string, m domain.Media) bool { return tracking.Applies(name, m) }
