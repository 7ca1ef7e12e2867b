// Package lambdaemu runs a built Lambda `bootstrap` the way Lambda's
// provided.al2023 runtime does, without Docker: it serves the Runtime API
// (version 2018-06-01) on a loopback port, starts the bootstrap with
// AWS_LAMBDA_RUNTIME_API pointing at it and the function's environment,
// and hands it one invocation at a time.
//
// The contract followed (docs.aws.amazon.com/lambda/latest/dg/runtimes-api.html
// and aws-lambda-go's runtime client):
//
//   - GET  /2018-06-01/runtime/invocation/next blocks until there is an
//     invocation, then answers 200 with the event and the headers
//     Lambda-Runtime-Aws-Request-Id, -Deadline-Ms, -Invoked-Function-Arn
//     and -Trace-Id. The first call ends the init phase.
//   - POST /2018-06-01/runtime/invocation/{id}/response and …/{id}/error
//     answer 202; an id that is not the invocation in progress is 400, a
//     second answer to it 403, a response over 6 MB 413 (and the
//     invocation fails with Function.ResponseSizeTooLarge).
//     A response cut off by a Lambda-Runtime-Function-Error-Type trailer
//     (aws-lambda-go's streaming failure) counts as an error.
//   - POST /2018-06-01/runtime/init/error answers 202 during init and 403
//     after it.
//
// Invocations come through Emulator.Invoke or, like the official Runtime
// Interface Emulator, POST /2015-03-31/functions/function/invocations
// (Emulator.Handler): the function's response is answered 200 with its
// body. Errors follow the official emulator where it matches Lambda and
// Lambda where the emulator is known to differ:
//
//   - a function error (…/error) is 200 with the error document, plus
//     Lambda's X-Amz-Function-Error: Unhandled header, which the official
//     emulator omits;
//   - an init failure (/init/error, or the process exiting before its
//     first /next) is 502 with the error document, as the official
//     emulator answers a failed init; the process is stopped and the next
//     invocation starts a fresh one (Lambda's and the emulator's
//     "suppressed init");
//   - the process exiting during an invocation is 502 with Lambda's
//     Runtime.ExitError document (the official emulator answers it with an
//     empty body);
//   - a timeout kills the process and is 200 with
//     {"errorType":"Sandbox.Timedout", …} and X-Amz-Function-Error.
//
// What it does not emulate: concurrency (one execution environment, so
// invocations queue), response streaming, extensions and the Telemetry
// API, memory limits, and the /var/task file system: the bootstrap runs
// in its own folder with the host's libraries.
package lambdaemu
