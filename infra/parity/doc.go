// Package parity holds the tests that keep the deployment and the code in
// agreement, since the SAM CLI can't run on our machines: template.yaml's
// routes, functions and table against the code's route table
// (httpapi.Routes), docs/openapi.yaml, the function folders and
// store.TableDefinition; every function's `sam build` target (run, unless
// -short); every variable each main reads through shared/config declared
// in the template and valued in infra/sam/env.json; the template's
// references and dependency order; the exporter's stream trigger against
// exporter.FilterPattern; the dashboard behind CloudFront; and
// deploy-frontend.sh against the template's outputs. It has no code of
// its own.
package parity
