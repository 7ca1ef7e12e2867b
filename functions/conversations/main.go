// Command conversations is the Lambda behind GET /v1/reports/conversations, seed 001's conversation
// statistics.
package main

import "github.com/rastro-cc/rastro/shared/report/serve"

func main() { serve.Main("conversations") }
