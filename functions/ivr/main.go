// Command ivr is the Lambda behind GET /v1/reports/ivr, the IVR report.
package main

import "github.com/rastro-cc/rastro/shared/report/serve"

func main() { serve.Main("ivr") }
