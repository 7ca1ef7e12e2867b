package tags_test

import (
	"testing"

	"github.com/rastro-cc/rastro/infra/localaws"
)

func TestMain(m *testing.M) { localaws.Main(m) }
