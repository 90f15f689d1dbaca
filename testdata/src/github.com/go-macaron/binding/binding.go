// Package binding is a stub of github.com/go-macaron/binding (v1.2.0)
// with the upstream signatures of the binders memlint matches.
package binding

import macaron "gopkg.in/macaron.v1"

// Bind wraps up the functionality of the Form and Json middleware
// according to the Content-Type and verb of the request.
func Bind(obj interface{}, ifacePtr ...interface{}) macaron.Handler { return nil }

// BindIgnErr will do the exactly same thing as Bind but without any
// error handling.
func BindIgnErr(obj interface{}, ifacePtr ...interface{}) macaron.Handler { return nil }

// Form is middleware to deserialize form-urlencoded data from the request.
func Form(formStruct interface{}, ifacePtr ...interface{}) macaron.Handler { return nil }

// MultipartForm works much like Form, except it can parse multipart forms.
func MultipartForm(formStruct interface{}, ifacePtr ...interface{}) macaron.Handler { return nil }

// Json is middleware to deserialize a JSON payload from the request.
func Json(jsonStruct interface{}, ifacePtr ...interface{}) macaron.Handler { return nil }

// Yaml is middleware to deserialize a YAML payload from the request.
func Yaml(yamlStruct interface{}, ifacePtr ...interface{}) macaron.Handler { return nil }
