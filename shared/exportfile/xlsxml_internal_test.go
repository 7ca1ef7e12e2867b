package exportfile

import "testing"

// The cell XML itself, for what no reader at hand checks: Excel, unlike
// excelize and LibreOffice, trims a string's white space without
// xml:space="preserve".
func TestAppendCell(t *testing.T) {
	cases := []struct {
		name string
		got  []byte
		want string
	}{
		{"text", appendString(nil, "B", 7, styleDefault, "a&b"), `<c r="B7" t="inlineStr"><is><t>a&amp;b</t></is></c>`},
		{"leading space", appendString(nil, "B", 7, styleDefault, " a"), `<c r="B7" t="inlineStr"><is><t xml:space="preserve"> a</t></is></c>`},
		{"trailing line break", appendString(nil, "B", 7, styleDefault, "a\r\n"), `<c r="B7" t="inlineStr"><is><t xml:space="preserve">a&#xD;
</t></is></c>`},
		{"space inside", appendString(nil, "B", 7, styleDefault, "a b"), `<c r="B7" t="inlineStr"><is><t>a b</t></is></c>`},
		{"header", appendString(nil, "AA", 1, styleHeader, "DATE"), `<c r="AA1" s="1" t="inlineStr"><is><t>DATE</t></is></c>`},
		{"empty", appendString(nil, "B", 7, styleDefault, ""), ``},
		{"number", appendNumber(nil, "C", 2, styleNumFmt, 45733.5), `<c r="C2" s="2"><v>45733.5</v></c>`},
		{"measure", appendNumber(nil, "C", 2, styleDefault, 0.25), `<c r="C2"><v>0.25</v></c>`},
	}
	for _, c := range cases {
		if string(c.got) != c.want {
			t.Errorf("%s: %s, want %s", c.name, c.got, c.want)
		}
	}
}

func TestColumnName(t *testing.T) {
	for i, want := range map[int]string{0: "A", 25: "Z", 26: "AA", 51: "AZ", 52: "BA", 701: "ZZ", 702: "AAA"} {
		if got := columnName(i); got != want {
			t.Errorf("columnName(%d) = %s, want %s", i, got, want)
		}
	}
}
