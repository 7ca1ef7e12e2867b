package exportfile_test

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"github.com/rastro-cc/rastro/shared/domain"
	"github.com/rastro-cc/rastro/shared/exportfile"
)

// A second reader besides excelize: LibreOffice opens the workbook and
// saves each sheet as CSV, its cells as shown. Skipped where LibreOffice
// is not installed.
func TestXLSXOpensInLibreOffice(t *testing.T) {
	soffice, err := exec.LookPath("soffice")
	if err != nil {
		t.Skip("LibreOffice (soffice) is not installed")
	}
	if testing.Short() {
		t.Skip("starts LibreOffice")
	}
	exportfile.SetSheetLimits(t, 3, 1<<40)
	const payload = `=cmd|'/c calc'!A1`
	spaced := sample(domain.MediaVoice)
	spaced.InternalComments = " lead\x01 _x0041_ & <tag> "
	s := spec(exportfile.XLSX, domain.MediaVoice)
	s.Lang = "pt-BR"
	dir := t.TempDir()
	book := filepath.Join(dir, "book.xlsx")
	if err := os.WriteFile(book, MustWrite(t, s, sample(domain.MediaVoice), poisoned(domain.MediaVoice, payload), spaced), 0o600); err != nil {
		t.Fatal(err)
	}

	ctx, cancel := context.WithTimeout(t.Context(), 2*time.Minute)
	defer cancel()
	// Filter options: ',' '"' UTF-8, cells as shown, every sheet to its
	// own file (LibreOffice 7.2 and later).
	cmd := exec.CommandContext(ctx, soffice, "-env:UserInstallation=file://"+filepath.Join(dir, "profile"), "--headless",
		"--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1", "--outdir", dir, book)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("soffice: %v\n%s", err, out)
	}

	head := MustHeader(t, domain.MediaVoice, "pt-BR")
	sheets := map[string][][]string{}
	for name, n := range map[string]int{"Interações": 2, "Interações 2": 1} {
		b, err := os.ReadFile(filepath.Join(dir, "book-"+name+".csv"))
		if err != nil {
			t.Fatalf("sheet %s: %v", name, err)
		}
		rows := MustParseCSV(t, b, ',')
		if len(rows)-1 != n || !slices.Equal(rows[0], head) {
			t.Fatalf("sheet %s: %d rows under %q, want %d", name, len(rows)-1, rows[0], n)
		}
		sheets[name] = rows
	}

	first := sheets["Interações"][1]
	for name, want := range map[string]string{
		"DATA": "2025-03-17", "HORA": "10:20:45", "CRIAÇÃO": "2025-03-17 10:20:45",
		"DATA/HORA FIM CLIENTE": "17-03-2025 11:20:45", "DURAÇÃO": "1:00:02",
		"CONTATO": "João da Silva", "JITTER": "80.5", "Agente 2": "a-2", "Serviço 3": "Retenção",
	} {
		if got := first[column(t, head, name)]; got != want {
			t.Errorf("%s shows %q, want %q", name, got, want)
		}
	}
	carried := 0
	for _, v := range sheets["Interações"][2] {
		if v == payload {
			carried++
		}
	}
	if carried < 15 {
		t.Errorf("only %d cells show the payload as written", carried)
	}
	if got := sheets["Interações 2"][1][column(t, head, "COMENTÁRIOS INTERNOS")]; got != " lead _x0041_ & <tag> " {
		t.Errorf("comment shows %q", got)
	}
}
