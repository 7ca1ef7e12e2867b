package report

import (
	"github.com/rastro-cc/rastro/shared/domain"
)

// Scope ends reading: the 400 listing every problem (a bad queue name
// among them), then the caller's queue scope as Queues gives it, 403 for
// a supervisor naming a queue that isn't theirs.
func (p *Params) Scope(id domain.Identity) (queues []string, queue string, err error) {
	queues, queue, scopeErr := p.Queues(id)
	if err := p.Err(); err != nil {
		return nil, "", err
	}
	return queues, queue, scopeErr
}
