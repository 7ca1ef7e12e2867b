package exportfile

import (
	"strconv"

	"github.com/rastro-cc/rastro/shared/domain"
	"github.com/rastro-cc/rastro/shared/tracking"
)

// The transfer path takes a fixed MaxLegs pairs of columns, whatever the
// rows hold: the header is written before the first row, and a streamed
// export can't learn the longest path without reading its range twice.
// Ingest refuses more than MaxLegs legs, so every path fits.
const pathLegs = domain.MaxLegs

var pathHeaders = map[string]struct{ agent, service string }{
	"en":    {"Agent", "Service"},
	"pt-BR": {"Agente", "Serviço"},
}

// header is a CSV or XLSX file's first row: the tracking report's columns
// for the media, then the transfer path.
func header(cols []tracking.Column, lang string) []string {
	out := make([]string, 0, len(cols)+2*pathLegs)
	for _, c := range cols {
		if lang == "pt-BR" {
			out = append(out, c.HeaderPT)
		} else {
			out = append(out, c.Header)
		}
	}
	h := pathHeaders[lang]
	for i := 1; i <= pathLegs; i++ {
		n := strconv.Itoa(i)
		out = append(out, h.agent+" "+n, h.service+" "+n)
	}
	return out
}
