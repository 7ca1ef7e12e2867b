// Package parity holds the tests that keep the deployment and the code in
// agreement: template.yaml's routes, functions and table against the
// code's route table (httpapi.Routes), docs/openapi.yaml, the function
// folders, and store.TableDefinition. It has no code of its own.
package parity
