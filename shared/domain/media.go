package domain

// Media is the channel an interaction came through. Seed 000 calls it
// "media", seed 004 "channel"; Rastro uses one list for both.
type Media string

const (
	MediaVoice       Media = "voice"
	MediaWhatsApp    Media = "whatsapp"
	MediaChat        Media = "chat"
	MediaEmail       Media = "email"
	MediaSMS         Media = "sms"
	MediaInstagram   Media = "instagram"
	MediaFacebook    Media = "facebook"
	MediaTelegram    Media = "telegram"
	MediaWebchat     Media = "webchat"
	MediaReclameAqui Media = "reclameaqui"
)

// AllMedia lists every media in the order reports show them.
var AllMedia = []Media{
	MediaVoice, MediaWhatsApp, MediaChat, MediaEmail, MediaSMS,
	MediaInstagram, MediaFacebook, MediaTelegram, MediaWebchat, MediaReclameAqui,
}

// Valid reports whether m is one of AllMedia.
func (m Media) Valid() bool {
	for _, x := range AllMedia {
		if m == x {
			return true
		}
	}
	return false
}

// IsText reports whether the media exchanges messages (everything but voice).
func (m Media) IsText() bool { return m.Valid() && m != MediaVoice }

// TextMedia is every media but voice, in AllMedia's order.
var TextMedia = func() []Media {
	var out []Media
	for _, m := range AllMedia {
		if m.IsText() {
			out = append(out, m)
		}
	}
	return out
}()
