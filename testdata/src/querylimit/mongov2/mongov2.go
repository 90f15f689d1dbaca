// Package mongov2 exercises mongo-driver v2.
package mongov2

import (
	"context"

	"go.mongodb.org/mongo-driver/v2/mongo"
	"go.mongodb.org/mongo-driver/v2/mongo/options"
)

type Doc struct{ ID string }

func all(ctx context.Context, coll *mongo.Collection) []Doc {
	cur, _ := coll.Find(ctx, map[string]any{}, options.Find().SetSort(map[string]int{"_id": 1})) // want `decoded into docs by cursor.All \(no SetLimit\)`
	var docs []Doc
	cur.All(ctx, &docs)
	return docs
}

// Fine: SetLimit in the builder.
func limited(ctx context.Context, coll *mongo.Collection) []Doc {
	cur, _ := coll.Find(ctx, map[string]any{}, options.Find().SetLimit(50))
	var docs []Doc
	cur.All(ctx, &docs)
	return docs
}

// Fine: documents are streamed.
func stream(ctx context.Context, coll *mongo.Collection, emit func(Doc)) {
	cur, _ := coll.Find(ctx, map[string]any{})
	for cur.Next(ctx) {
		var d Doc
		cur.Decode(&d)
		emit(d)
	}
}
