// Package schema is the ent schema of the entrepo example: the generated
// code under ../ is `go generate ./entrepo/ent` (ent v0.14.6) of it.
package schema

import (
	"entgo.io/ent"
	"entgo.io/ent/schema/edge"
	"entgo.io/ent/schema/field"
)

// Item holds the schema definition for the Item entity.
type Item struct {
	ent.Schema
}

// Fields of the Item.
func (Item) Fields() []ent.Field {
	return []ent.Field{
		field.Int("owner_id"),
		field.String("status"),
		field.Time("created_at"),
	}
}

// Edges of the Item.
func (Item) Edges() []ent.Edge {
	return []ent.Edge{
		edge.From("household", Household.Type).Ref("items").Unique(),
	}
}
