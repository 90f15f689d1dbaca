// Package config is a stub of github.com/aws/aws-sdk-go-v2/config v1.33.19
// for memlint's tests: it declares only what memlint's passes inspect, with
// the upstream signatures.
package config

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/aws"
)

// LoadOptions are discrete set of options that are valid for loading the
// configuration.
type LoadOptions struct {
	Region string
}

func LoadDefaultConfig(ctx context.Context, optFns ...func(*LoadOptions) error) (cfg aws.Config, err error) {
	return aws.Config{}, nil
}
