package lambdaemu

import (
	"path/filepath"

	"github.com/rastro-cc/rastro/infra/samtemplate"
)

// TemplateEnv is the environment `sam local start-api --env-vars
// infra/sam/env.json` gives a function folder's function in root's
// template.yaml, with overrides applied (to the declared variables only,
// as SAM does): a variable the template does not declare is absent here
// too. The AWS credentials and region are the caller's to add, as SAM
// takes them from the caller's profile.
func TemplateEnv(root, function string, overrides map[string]string) ([]string, error) {
	tpl, err := samtemplate.Load(filepath.Join(root, "template.yaml"))
	if err != nil {
		return nil, err
	}
	file, err := samtemplate.LoadEnvFile(filepath.Join(root, "infra", "sam", "env.json"))
	if err != nil {
		return nil, err
	}
	vars, err := tpl.LocalEnv(samtemplate.LogicalID(function), file, overrides)
	if err != nil {
		return nil, err
	}
	return samtemplate.Environ(vars), nil
}
