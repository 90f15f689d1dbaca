// Package s3 is a stub of github.com/aws/aws-sdk-go-v2/service/s3 v1.114.10
// for memlint's tests: it declares only what memlint's passes inspect, with
// the upstream signatures.
package s3

import (
	"context"
	"io"

	"github.com/aws/aws-sdk-go-v2/aws"
)

// Client provides the API client to make operations call for Amazon Simple
// Storage Service.
type Client struct{}

// Options are the client options.
type Options struct {
	Region string
}

// PutObjectInput is the input of PutObject.
type PutObjectInput struct {
	Bucket *string
	Key    *string
	Body   io.Reader
}

// PutObjectOutput is the output of PutObject.
type PutObjectOutput struct{}

func NewFromConfig(cfg aws.Config, optFns ...func(*Options)) *Client { return nil }

func (c *Client) PutObject(ctx context.Context, params *PutObjectInput, optFns ...func(*Options)) (*PutObjectOutput, error) {
	return nil, nil
}
