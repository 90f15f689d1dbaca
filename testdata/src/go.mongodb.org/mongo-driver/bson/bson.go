// Package bson is a stub of go.mongodb.org/mongo-driver/bson v1.17.10 for
// memlint's tests: it declares only what memlint's passes inspect, with the
// upstream declarations.
package bson

import "go.mongodb.org/mongo-driver/bson/primitive"

type D = primitive.D

type E = primitive.E

type M = primitive.M

type A = primitive.A
