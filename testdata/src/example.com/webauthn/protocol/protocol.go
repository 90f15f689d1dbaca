// Package protocol stands for a library of another module that decodes a
// stream it is given (go-webauthn's protocol.ParseCredentialRequestResponseBody).
package protocol

import (
	"encoding/json"
	"io"
)

type Response struct {
	ID string `json:"id"`
}

func ParseBody(body io.Reader) (*Response, error) { // want ParseBody:`drains\(0:json.Decoder.Decode\)`
	var r Response
	return &r, decodeBody(body, &r)
}

func decodeBody(body io.Reader, v any) error { // want decodeBody:`drains\(0:json.Decoder.Decode\)`
	return json.NewDecoder(body).Decode(v)
}
