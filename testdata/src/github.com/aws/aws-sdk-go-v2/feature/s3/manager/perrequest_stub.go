// Package manager is a stub of
// github.com/aws/aws-sdk-go-v2/feature/s3/manager v1.23.25 for memlint's
// tests: it declares only what memlint's passes inspect, with the upstream
// signatures.
package manager

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/service/s3"
)

// UploadAPIClient is an S3 API client that can be used by the Uploader.
type UploadAPIClient interface {
	PutObject(context.Context, *s3.PutObjectInput, ...func(*s3.Options)) (*s3.PutObjectOutput, error)
}

// Uploader uploads objects to S3 in parts.
type Uploader struct {
	PartSize    int64
	Concurrency int
}

// UploadOutput represents a response from the Upload() call.
type UploadOutput struct{}

func NewUploader(client UploadAPIClient, options ...func(*Uploader)) *Uploader { return nil }

func (u Uploader) Upload(ctx context.Context, input *s3.PutObjectInput, opts ...func(*Uploader)) (
	*UploadOutput, error,
) {
	return nil, nil
}
