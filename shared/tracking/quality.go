package tracking

// Call quality from jitter and packet loss (seed 000's JITTER, PACKET LOSS
// and CALL QUALITY columns). The seed's bands leave gaps and overlaps
// ("< 70", "71–150", "≥ 151"; "≤ 1%", "1–5%", "> 5%"); docs/metrics.md
// closes them as below, so every value has exactly one level.

// Level is a quality level; high is good.
type Level string

const (
	LevelHigh   Level = "high"
	LevelMedium Level = "medium"
	LevelLow    Level = "low"
)

// JitterLevel: high up to 70 ms, medium above 70 up to 150 ms, low above.
func JitterLevel(ms float64) Level {
	switch {
	case ms <= 70:
		return LevelHigh
	case ms <= 150:
		return LevelMedium
	}
	return LevelLow
}

// PacketLossLevel: high up to 1 %, medium above 1 up to 5 %, low above.
func PacketLossLevel(pct float64) Level {
	switch {
	case pct <= 1:
		return LevelHigh
	case pct <= 5:
		return LevelMedium
	}
	return LevelLow
}

// CallQuality is low when either measure is low, high when both are high
// and medium otherwise. A call that reported only one measure is rated by
// it; one that reported neither has no rating ("").
func CallQuality(jitterMs, lossPct *float64) Level {
	var levels []Level
	if jitterMs != nil {
		levels = append(levels, JitterLevel(*jitterMs))
	}
	if lossPct != nil {
		levels = append(levels, PacketLossLevel(*lossPct))
	}
	if len(levels) == 0 {
		return ""
	}
	out := LevelHigh
	for _, l := range levels {
		switch {
		case l == LevelLow:
			return LevelLow
		case l == LevelMedium:
			out = LevelMedium
		}
	}
	return out
}
