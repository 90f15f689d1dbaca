package pipeline

import "github.com/IBM/sarama"

// newAuditClient is a thin constructor wrapper, the shape services use
// to keep their sarama configuration in one place.
func newAuditClient() (sarama.Client, error) {
	cfg := sarama.NewConfig()
	cfg.ClientID = "audit"
	return sarama.NewClient(Brokers, cfg)
}

// AuditTopicsLeaky builds a client per call through the wrapper and
// never closes it.
func AuditTopicsLeaky() ([]string, error) {
	c, err := newAuditClient() // want "sarama.Client c from pipeline.newAuditClient is never closed"
	if err != nil {
		return nil, err
	}
	return c.Topics()
}

// AuditTopics closes the client the wrapper returns.
func AuditTopics() ([]string, error) {
	c, err := newAuditClient()
	if err != nil {
		return nil, err
	}
	defer c.Close()
	return c.Topics()
}
