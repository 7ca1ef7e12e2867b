package demodata

import (
	"strconv"
	"time"
)

func itoa(n int64) string { return strconv.FormatInt(n, 10) }

// pad writes n in decimal, zero-padded to at least width digits.
func pad(n int64, width int) string {
	var buf [24]byte
	b := strconv.AppendInt(buf[:0], n, 10)
	if len(b) >= width {
		return string(b)
	}
	out := make([]byte, width)
	copy(out[width-len(b):], b)
	for i := range width - len(b) {
		out[i] = '0'
	}
	return string(out)
}

// Protocols follow seed 000 for voice, WhatsApp and chat, and seed 002's
// 17-digit rule for everything else.

// voiceProtocol is the call's start in UTC: YYYY-MM-DD-HH-MM-SS.
func voiceProtocol(start int64) string {
	return time.UnixMilli(start).UTC().Format("2006-01-02-15-04-05")
}

// whatsappProtocol adds ticks to the voice form: 10 ticks are a millisecond,
// so the sub-second part has four digits.
func whatsappProtocol(start int64, tick int) string {
	return voiceProtocol(start) + "-" + pad(start%1000*10+int64(tick), 4)
}

// chatProtocol is the date-time in UTC followed by the epoch milliseconds
// reversed, cut at 30 characters.
func chatProtocol(start int64) string {
	b := time.UnixMilli(start).UTC().AppendFormat(make([]byte, 0, 32), "20060102150405")
	ms := strconv.AppendInt(nil, start, 10)
	for i := len(ms) - 1; i >= 0 && len(b) < 30; i-- {
		b = append(b, ms[i])
	}
	return string(b)
}

// numberProtocol is 17 digits, YYYYMMDDHHMMSS and milliseconds in the
// tenant's zone (seed 002: "protocols always begin with AAAAMMDD").
func numberProtocol(start int64, zone *time.Location) string {
	b := time.UnixMilli(start).In(zone).AppendFormat(make([]byte, 0, 17), "20060102150405")
	ms := start % 1000
	return string(append(b, byte('0'+ms/100), byte('0'+ms/10%10), byte('0'+ms%10)))
}

const hexDigits = "0123456789abcdef"

func hexString(r *rng, n int) string {
	b := make([]byte, n)
	for i := range b {
		b[i] = hexDigits[r.IntN(16)]
	}
	return string(b)
}

// uuid4 is a random RFC 4122 version-4 UUID drawn from r.
func uuid4(r *rng) string {
	var raw [16]byte
	x, y := r.Uint64(), r.Uint64()
	for i := range 8 {
		raw[i] = byte(x >> (8 * i))
		raw[8+i] = byte(y >> (8 * i))
	}
	raw[6] = raw[6]&0x0f | 0x40
	raw[8] = raw[8]&0x3f | 0x80
	out := make([]byte, 0, 36)
	for i, c := range raw {
		if i == 4 || i == 6 || i == 8 || i == 10 {
			out = append(out, '-')
		}
		out = append(out, hexDigits[c>>4], hexDigits[c&15])
	}
	return string(out)
}

// phone is a Brazilian mobile number in E.164: +55, the area code, 9 and
// eight digits.
func phone(r *rng) string {
	b := make([]byte, 0, 14)
	b = append(b, "+55"...)
	b = append(b, pick(r, areaCodes)...)
	b = append(b, '9', byte('6'+r.IntN(4)))
	for range 7 {
		b = append(b, byte('0'+r.IntN(10)))
	}
	return string(b)
}

// cpf is an 11-digit CPF with valid check digits.
func cpf(r *rng) string {
	d := make([]byte, 11)
	for i := range 9 {
		d[i] = byte(r.IntN(10))
	}
	if d[0] == d[1] && d[1] == d[2] && d[2] == d[3] && d[3] == d[4] && d[4] == d[5] && d[5] == d[6] && d[6] == d[7] && d[7] == d[8] {
		d[8] = (d[8] + 1) % 10 // CPFs of one repeated digit are invalid
	}
	d[9] = checkDigit(d[:9], 10)
	d[10] = checkDigit(d[:10], 11)
	for i := range d {
		d[i] += '0'
	}
	return string(d)
}

func checkDigit(d []byte, w0 int) byte {
	sum := 0
	for i, x := range d {
		sum += int(x) * (w0 - i)
	}
	if r := sum % 11; r >= 2 {
		return byte(11 - r)
	}
	return 0
}

// cnpj is a 14-digit CNPJ (a head office, "0001") with valid check digits.
func cnpj(r *rng) string {
	d := make([]byte, 14)
	for i := range 8 {
		d[i] = byte(r.IntN(10))
	}
	d[8], d[9], d[10], d[11] = 0, 0, 0, 1
	d[12] = cnpjDigit(d[:12])
	d[13] = cnpjDigit(d[:13])
	for i := range d {
		d[i] += '0'
	}
	return string(d)
}

func cnpjDigit(d []byte) byte {
	sum := 0
	w := len(d) - 7
	for _, x := range d {
		sum += int(x) * w
		if w--; w < 2 {
			w = 9
		}
	}
	if r := sum % 11; r >= 2 {
		return byte(11 - r)
	}
	return 0
}
