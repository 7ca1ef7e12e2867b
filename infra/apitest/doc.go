// Package apitest is what the API functions' tests share: a table and a
// bucket per test binary in the local stand-ins, one function's handler
// served behind the dev server's API Gateway and called with dev tokens,
// and the sample API Gateway events of a function replayed as Lambda
// would hand them over.
package apitest
