package rollup

// DecodeTuple exposes decodeTuple to the external tests.
var DecodeTuple = decodeTuple

// PlannedQueries lists the queries a read would run, as "<family or view>
// <grain> <prefix>".
func PlannedQueries(q Read) ([]string, error) {
	ps, err := plans(q)
	var out []string
	for _, p := range ps {
		for _, pq := range p.queries {
			out = append(out, pq.Family+" "+string(pq.Grain)+" "+pq.Prefix)
		}
	}
	return out, err
}

// MaxSplit is how many values a split view keeps an interaction under.
const MaxSplit = maxSplit
