package perrequest_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/memlint/memlint/internal/testdataroot"
	"github.com/memlint/memlint/passes/perrequest"
)

func TestPerRequest(t *testing.T) {
	analysistest.Run(t, testdataroot.Dir(), perrequest.Analyzer,
		"perrequest/handlers", "perrequest/loops", "perrequest/escape",
		"perrequest/crosspkg", "perrequest/builders", "perrequest/cmd", "perrequest/creds", "perrequest/grpcsrv", "perrequest/percall", "perrequest/reach")
}
