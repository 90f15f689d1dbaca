// Package jsoniter is a stub of github.com/json-iterator/go v1.1.12 for
// memlint's tests: it declares only what memlint's passes inspect, with the
// upstream signatures (API lists a subset of the upstream interface's
// methods). Passes may add declarations in files of their own.
package jsoniter

import "io"

// API is the public interface of a frozen Config.
type API interface {
	Marshal(v interface{}) ([]byte, error)
	MarshalIndent(v interface{}, prefix, indent string) ([]byte, error)
	NewEncoder(writer io.Writer) *Encoder
}

var ConfigDefault API
var ConfigCompatibleWithStandardLibrary API
var ConfigFastest API

func Marshal(v interface{}) ([]byte, error)                              { return nil, nil }
func MarshalIndent(v interface{}, prefix, indent string) ([]byte, error) { return nil, nil }

type Encoder struct{ w io.Writer }

func NewEncoder(writer io.Writer) *Encoder               { return &Encoder{w: writer} }
func (adapter *Encoder) Encode(val interface{}) error    { return nil }
func (adapter *Encoder) SetIndent(prefix, indent string) {}
