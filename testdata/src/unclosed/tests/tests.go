// Package tests exercises unclosed on test code that discards values.
package tests

import "github.com/IBM/sarama"

// NewClient is a constructor wrapper under test.
func NewClient(addrs []string) (sarama.Client, error) { // want NewClient:"constructs\\(github.com/IBM/sarama.NewClient\\)"
	return sarama.NewClient(addrs, nil)
}
