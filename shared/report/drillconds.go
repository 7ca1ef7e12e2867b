package report

import (
	"net/url"
	"slices"
	"strings"

	"github.com/rastro-cc/rastro/shared/domain"
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
// values ("any of"), which the tracking report splits on commas.
type DrillCond struct {
	Param  string
	Values []string
	List   bool
}

// DrillAny is an "any of" condition (finalAgents, services, tags...).
func DrillAny(param string, values ...string) DrillCond {
	return DrillCond{Param: param, Values: values, List: true}
}

// DrillOne is a single-valued condition (channel, queue, from...).
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
		if len(c.Values) > 0 && c.Values[0] != "" {
			out = append(out, c)
		}
	}
	return out
}

// maxDrillValues is how many list values the tracking report takes
// together; one is left for the metric's own (voiceStatus=answered).
const maxDrillValues = 100 - 1

// States reports whether the tracking report can select exactly what the
// conditions say for media m: each applies to m, none has an empty value
// (the tracking report has no "none" value: interactions without an IVR,
// an agent, a service or a channel can't be listed apart), a single-valued
// one has one value, and no list value holds a comma.
func (cs DrillConds) States(m domain.Media) bool {
	n := 0
	for _, c := range cs {
		if !Applies(c.Param, m) || len(c.Values) == 0 || !c.List && len(c.Values) != 1 {
			return false
		}
		for _, v := range c.Values {
			if v == "" || c.List && strings.Contains(v, ",") {
				return false
			}
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
		q.Set(c.Param, strings.Join(c.Values, ","))
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
