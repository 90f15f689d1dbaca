// Package mongodb exercises mongo-driver v1.
package mongodb

import (
	"context"

	"go.mongodb.org/mongo-driver/mongo"
	"go.mongodb.org/mongo-driver/mongo/options"
)

type Doc struct{ ID string }

func all(ctx context.Context, coll *mongo.Collection) ([]Doc, error) {
	cur, err := coll.Find(ctx, map[string]any{}) // want `every document of this Find is decoded into docs by cursor.All \(no SetLimit\)`
	if err != nil {
		return nil, err
	}
	var docs []Doc
	err = cur.All(ctx, &docs)
	return docs, err
}

// Fine: SetLimit in the options.
func limited(ctx context.Context, coll *mongo.Collection) []Doc {
	cur, _ := coll.Find(ctx, map[string]any{}, options.Find().SetSort(map[string]int{"_id": 1}).SetLimit(100))
	var docs []Doc
	cur.All(ctx, &docs)
	return docs
}

// Fine: SetLimit on the options variable before Find.
func limitedVar(ctx context.Context, coll *mongo.Collection) []Doc {
	opts := options.Find()
	opts.SetLimit(100)
	cur, _ := coll.Find(ctx, map[string]any{}, opts)
	var docs []Doc
	cur.All(ctx, &docs)
	return docs
}

func loop(ctx context.Context, coll *mongo.Collection, n int64) []Doc { // want loop:"row bound from param n"
	opts := options.Find().SetSort(map[string]int{"_id": 1})
	if n > 0 {
		opts.SetLimit(n)
	}
	cur, _ := coll.Find(ctx, map[string]any{}, opts) // want `every document of this Find is appended to docs \(no SetLimit on some paths\)`
	var docs []Doc
	for cur.Next(ctx) {
		var d Doc
		cur.Decode(&d)
		docs = append(docs, d)
	}
	return docs
}

func tooBig(ctx context.Context, coll *mongo.Collection) {
	cur, _ := coll.Find(ctx, map[string]any{}, options.Find().SetLimit(17000)) // want `SetLimit\(17000\) exceeds 1000 rows`
	cur.Close(ctx)
}

// Fine: FindOne reads one document.
func one(ctx context.Context, coll *mongo.Collection) {
	coll.FindOne(ctx, map[string]any{})
}
