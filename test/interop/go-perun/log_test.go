package goperun

import (
	"os"

	"github.com/sirupsen/logrus"
	plogrus "perun.network/go-perun/log/logrus"
)

// GOPERUN_DEBUG=1 shows go-perun's own debug log (watcher, funder, adjudicator) in the output.
func init() {
	if os.Getenv("GOPERUN_DEBUG") != "" {
		plogrus.Set(logrus.DebugLevel, &logrus.TextFormatter{})
	}
}
