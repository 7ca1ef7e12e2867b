package rollup

// DecodeTuple exposes decodeTuple to the external tests.
var DecodeTuple = decodeTuple
