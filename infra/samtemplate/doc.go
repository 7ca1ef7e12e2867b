// Package samtemplate reads template.yaml the way the parts of Rastro that
// stand in for SAM need it: the functions, how SAM builds them, and the
// environment `sam local` gives each one (every variable the template
// declares for it, valued from an env.json file). The parity tests check
// the template with it and the Lambda emulator runs functions with it, so
// a variable the template does not declare is missing in both, as it would
// be under `sam local` and in AWS.
package samtemplate
