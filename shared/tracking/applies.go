package tracking

import (
	"slices"

	"github.com/rastro-cc/rastro/shared/domain"
)

// Applies reports whether the report takes the named parameter for media
// m: aggregate reports build drill-down queries with it, and must not
// send a filter the report would refuse.
func Applies(name string, m domain.Media) bool {
	p, ok := paramByName(name)
	return ok && (p.media == nil || slices.Contains(p.media, m))
}
