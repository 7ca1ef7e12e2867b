package benchrun

import (
	"cmp"
	"fmt"
	"image/color"
	"slices"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
)

var (
	lightBlue = color.RGBA{R: 0x9e, G: 0xc5, B: 0xe6, A: 0xff}
	darkBlue  = color.RGBA{R: 0x1f, G: 0x5f, B: 0x99, A: 0xff}
	red       = color.RGBA{R: 0xc0, G: 0x39, B: 0x2b, A: 0xff}
)

// latencyPlot is p50 and p95 of every request the reports answer, one
// pair of bars a case, with each section's p95 target marked in its label.
func latencyPlot(figs []Figure, path string) error {
	type pair struct {
		label    string
		p50, p95 float64
	}
	var rows []pair
	at := map[string]int{}
	for _, f := range figs {
		if f.Metric != p50.name && f.Metric != p95Name {
			continue
		}
		key := f.Section + ": " + f.Case
		i, ok := at[key]
		if !ok {
			i = len(rows)
			at[key] = i
			rows = append(rows, pair{label: key})
		}
		if f.Metric == p50.name {
			rows[i].p50 = f.Value()
		} else {
			rows[i].p95 = f.Value()
			rows[i].label += fmt.Sprintf(" (%s)", f.Target)
		}
	}
	if len(rows) == 0 {
		return fmt.Errorf("no latency figures to plot")
	}
	// The first row is drawn at the bottom: reverse, to read top down.
	slices.Reverse(rows)
	var v50, v95 plotter.Values
	var labels []string
	longest := 0.0
	for _, r := range rows {
		v50, v95, labels = append(v50, r.p50), append(v95, r.p95), append(labels, r.label)
		longest = max(longest, r.p50, r.p95)
	}
	p := plot.New()
	// The axis is set by hand: offset bars are not in the chart's own data
	// range, and the longest would be cut.
	p.X.Min, p.X.Max = 0, longest*1.08
	p.Title.Text = "Latency by report request (median of runs)"
	p.X.Label.Text = "ms"
	w := vg.Points(6)
	b50, err := plotter.NewBarChart(v50, w)
	if err != nil {
		return err
	}
	b95, err := plotter.NewBarChart(v95, w)
	if err != nil {
		return err
	}
	for _, b := range []*plotter.BarChart{b50, b95} {
		b.Horizontal = true
		b.LineStyle.Width = 0
	}
	b50.Color, b50.Offset = lightBlue, w/2
	b95.Color, b95.Offset = darkBlue, -w/2
	p.Add(b50, b95, plotter.NewGrid())
	p.Legend.Add("p50", b50)
	p.Legend.Add("p95", b95)
	p.Legend.Top = false // bottom right, where the short bars leave room
	p.NominalY(labels...)
	return p.Save(10*vg.Inch, vg.Length(len(rows))*0.28*vg.Inch+1.5*vg.Inch, path)
}

// exportMemoryPlot is the exporter's peak RSS against the rows it wrote,
// with the target: flat means memory does not grow with the file.
func exportMemoryPlot(figs []Figure, path string) error {
	rows, rss := map[string]float64{}, map[string]float64{}
	for _, f := range figs {
		if f.Section != "Exports" {
			continue
		}
		switch f.Metric {
		case "rows":
			rows[f.Case] = f.Value()
		case "peak RSS":
			if f.Unit == "MB" {
				rss[f.Case] = f.Value()
			}
		}
	}
	var pts plotter.XYs
	for c, n := range rows {
		if m, ok := rss[c]; ok {
			pts = append(pts, plotter.XY{X: n, Y: m})
		}
	}
	if len(pts) == 0 {
		return fmt.Errorf("no export figures to plot")
	}
	slices.SortFunc(pts, func(a, b plotter.XY) int { return cmp.Compare(a.X, b.X) })
	p := plot.New()
	p.Title.Text = "Exporter memory against rows exported"
	p.X.Label.Text = "rows"
	p.Y.Label.Text = "peak RSS, MB"
	p.Y.Min, p.X.Min = 0, 0
	p.Y.Max = exportRSS.Value * 1.15
	line, points, err := plotter.NewLinePoints(pts)
	if err != nil {
		return err
	}
	line.Color, points.Color = darkBlue, darkBlue
	target, err := plotter.NewLine(plotter.XYs{{X: 0, Y: exportRSS.Value}, {X: pts[len(pts)-1].X, Y: exportRSS.Value}})
	if err != nil {
		return err
	}
	target.Color, target.Dashes = red, []vg.Length{vg.Points(4), vg.Points(3)}
	p.Add(line, points, target, plotter.NewGrid())
	p.Legend.Add("peak RSS", line, points)
	p.Legend.Add(fmt.Sprintf("target %s MB", exportRSS), target)
	p.Legend.Top, p.Legend.Left = true, true
	return p.Save(6*vg.Inch, 4*vg.Inch, path)
}
