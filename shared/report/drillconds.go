package report

import (
	"net/url"
	"slices"

	"github.com/rastro-cc/rastro/shared/domain"
	"github.com/rastro-cc/rastro/shared/tracking"
)

// DrillColumn is a column and whether its numbers link to the tracking
// report: counts do; an average doesn't when no tracking filter lists
// exactly the interactions it is over, nor a count of tag applications
// (an interaction with two tags is one row).
type DrillColumn struct {
	Column
	Drill bool `json:"drill"`
}

// DrillCond is one tracking filter a drill-down states: the tracking
// parameter and its values. List marks a parameter that takes several
// values ("any of"), written as a tracking list (tracking.FormatList):
// a value with a comma is quoted, and "" (None) is the row of those
// without a value.
type DrillCond struct {
	Param  string
	Values []string
	List   bool
}

// DrillAny is an "any of" condition (finalAgents, services, tags...);
// a value "" (None) selects the interactions without one.
func DrillAny(param string, values ...string) DrillCond {
	return DrillCond{Param: param, Values: values, List: true}
}

// DrillOne is a single-valued condition (queue, from...).
func DrillOne(param, value string) DrillCond {
	return DrillCond{Param: param, Values: []string{value}}
}

// DrillConds are the conditions a report's filters put on the
// interactions it counts, as tracking parameters.
type DrillConds []DrillCond

// DrillFilters are a report's filters as conditions, leaving out those
// the request didn't set (no values, or an empty single value).
func DrillFilters(cs ...DrillCond) DrillConds {
	var out DrillConds
	for _, c := range cs {
		if len(c.Values) > 0 && (c.List || c.Values[0] != "") {
			out = append(out, c)
		}
	}
	return out
}

// maxDrillValues is how many list values the tracking report takes
// together; one is left for the metric's own (voiceStatus=answered).
const maxDrillValues = 100 - 1

// States reports whether the tracking report can select exactly what the
// conditions say for media m: it takes each of them, values and all, for
// m (a list states a row keyed "" as None, and a value holding a comma
// quoted; see tracking.ParseList), and the lists together are within its
// limit.
func (cs DrillConds) States(m domain.Media) bool {
	n := 0
	for _, c := range cs {
		if !Takes(c.Param, m, c.Values) || !c.List && len(c.Values) != 1 {
			return false
		}
		if c.List {
			n += len(c.Values)
		}
	}
	return n <= maxDrillValues
}

// Narrow adds a row's conditions to the report's. A row's parameter
// replaces the report's of the same name (in the composed query the later
// key wins; see Drill), which is exact only when the row's values are
// among the report's: the tracking report can't AND two lists of one
// parameter. ok is false when they aren't.
func (cs DrillConds) Narrow(row ...DrillCond) (DrillConds, bool) {
	out := slices.Clone(cs)
	for _, r := range row {
		i := slices.IndexFunc(out, func(c DrillCond) bool { return c.Param == r.Param })
		if i < 0 {
			out = append(out, r)
			continue
		}
		for _, v := range r.Values {
			if !slices.Contains(out[i].Values, v) {
				return nil, false
			}
		}
		out[i] = r
	}
	return out, true
}

// Values encodes the conditions as tracking parameters.
func (cs DrillConds) Values() url.Values {
	q := url.Values{}
	for _, c := range cs {
		if c.List {
			q.Set(c.Param, tracking.FormatList(c.Values))
		} else {
			q.Set(c.Param, c.Values[0])
		}
	}
	return q
}

// Base is what NewDrill's base query of media m carries: the conditions m
// can state. A row that needs one m can't state has no drill (RowDrill),
// unless it replaces that condition with one of its own.
func (cs DrillConds) Base(m domain.Media) url.Values {
	var ok DrillConds
	for _, c := range cs {
		if (DrillConds{c}).States(m) {
			ok = append(ok, c)
		}
	}
	return ok.Values()
}

// RowDrill is a row's `drill`: its own conditions, encoded, or nil when
// the tracking report can't list exactly the row's interactions in each of
// its media (base: the report's conditions).
func RowDrill(base DrillConds, media []domain.Media, row ...DrillCond) *string {
	all, ok := base.Narrow(row...)
	if !ok {
		return nil
	}
	for _, m := range media {
		if !all.States(m) {
			return nil
		}
	}
	s := DrillConds(row).Values().Encode()
	return &s
}
