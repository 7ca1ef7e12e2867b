// Command tags is the Lambda behind GET /v1/reports/tags, the tag report.
package main

import "github.com/rastro-cc/rastro/shared/report/serve"

func main() { serve.Main("tags") }
