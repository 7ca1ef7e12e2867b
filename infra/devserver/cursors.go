package devserver

import "github.com/rastro-cc/rastro/shared/cursor"

// devCursorKey signs the local stack's page cursors. A constant is fine
// locally: nothing on a developer's machine is secret, the dev tokens
// already decide who may read what, and cursors stay valid across
// restarts. Deployed stacks read theirs from SSM (CURSOR_KEY_PARAMETER);
// infra/sam/env.json passes this same key to `sam local` as CURSOR_KEY.
const devCursorKey = "rastro-dev-cursor-key-local-only-0000"

// devCursors is the signer of every paging function of the dev server.
func devCursors() cursor.Signer {
	s, err := cursor.NewSigner([]byte(devCursorKey))
	if err != nil {
		panic(err) // the constant is long enough; a shorter one is a programming error
	}
	return s
}
