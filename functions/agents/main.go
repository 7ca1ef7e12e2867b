// Command agents is the Lambda behind GET /v1/reports/agents, the Agents report.
package main

import "github.com/rastro-cc/rastro/shared/report/serve"

func main() { serve.Main("agents") }
