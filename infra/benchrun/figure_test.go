package benchrun

import (
	"math"
	"testing"
)

func TestFigureValueAndMet(t *testing.T) {
	tests := []struct {
		name    string
		runs    []float64
		target  Target
		value   float64
		met, ok bool
	}{
		{"odd runs: the middle", []float64{300, 100, 200}, Target{Op: "≤", Value: 200}, 200, true, true},
		{"even runs: the mean of the middle two", []float64{4, 1, 3, 2}, Target{Op: "≥", Value: 3}, 2.5, false, true},
		{"one run", []float64{7}, Target{Op: "≥", Value: 7}, 7, true, true},
		{"no target", []float64{1, 2, 3}, Target{}, 2, false, false},
		{"no runs", nil, Target{Op: "≤", Value: 1}, math.NaN(), false, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			f := Figure{Runs: tc.runs, Target: tc.target}
			if v := f.Value(); v != tc.value && !(math.IsNaN(v) && math.IsNaN(tc.value)) {
				t.Errorf("value %v, want %v", v, tc.value)
			}
			if met, ok := f.Met(); met != tc.met || ok != tc.ok {
				t.Errorf("met %v %v, want %v %v", met, ok, tc.met, tc.ok)
			}
		})
	}
}

func TestNum(t *testing.T) {
	for in, want := range map[float64]string{
		1234567: "1,234,567", -4500: "-4,500", 512: "512", 42.25: "42.2", 95: "95", 0.5312: "0.531", 3: "3", math.NaN(): "n/a",
	} {
		if got := num(in); got != want {
			t.Errorf("num(%v) = %q, want %q", in, got, want)
		}
	}
}
