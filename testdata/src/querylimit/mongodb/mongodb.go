// Package mongodb exercises mongo-driver v1.
package mongodb

import (
	"context"

	"go.mongodb.org/mongo-driver/bson"
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

func loop(ctx context.Context, coll *mongo.Collection, n int64) []Doc { // want loop:`rowBound\(2\)`
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

// Fine: the documents of the caller's keys, at most one per key (dapr's
// BulkGet): a $in over a list the caller gives, nested in an $and.
func bulkGet(ctx context.Context, coll *mongo.Collection, reqKeys []string) []Doc {
	keys := make(bson.A, len(reqKeys))
	for i, k := range reqKeys {
		keys[i] = k
	}
	filter := bson.D{{Key: "$and", Value: bson.A{
		bson.D{{Key: "_id", Value: bson.M{"$in": keys}}},
		bson.M{"expireAt": bson.M{"$gt": 0}},
	}}}
	cur, _ := coll.Find(ctx, filter)
	var docs []Doc
	cur.All(ctx, &docs)
	return docs
}

// Fine: the same with $in as a bson.E.
func byIDs(ctx context.Context, coll *mongo.Collection, ids []string) []Doc {
	cur, _ := coll.Find(ctx, bson.M{"_id": bson.D{{Key: "$in", Value: ids}}})
	var docs []Doc
	cur.All(ctx, &docs)
	return docs
}

// A $in over constants selects values, not keys: every open or pending
// document.
func byStatus(ctx context.Context, coll *mongo.Collection) []Doc {
	cur, _ := coll.Find(ctx, bson.M{"status": bson.M{"$in": bson.A{"open", "pending"}}}) // want `every document of this Find is decoded into docs by cursor.All \(no SetLimit\)`
	var docs []Doc
	cur.All(ctx, &docs)
	return docs
}

// Fine: the documents of one user, as SQL's WHERE user_id = $1
// (open-im-server's userCommands): small by construction.
func byUser(ctx context.Context, coll *mongo.Collection, userID string, typ int32) []Doc {
	cur, _ := coll.Find(ctx, bson.M{"userID": userID, "type": typ})
	var docs []Doc
	for cur.Next(ctx) {
		var d Doc
		cur.Decode(&d)
		docs = append(docs, d)
	}
	return docs
}

// Fine: the same in a bson.D.
func byOwner(ctx context.Context, coll *mongo.Collection, owner string) []Doc {
	cur, _ := coll.Find(ctx, bson.D{{Key: "owner_id", Value: owner}})
	var docs []Doc
	cur.All(ctx, &docs)
	return docs
}

// A tenant is no parent: every document of one tenant grows like the
// collection.
func byTenant(ctx context.Context, coll *mongo.Collection, tenant string) []Doc {
	cur, _ := coll.Find(ctx, bson.M{"tenant_id": tenant}) // want `every document of this Find is decoded into docs by cursor.All \(no SetLimit\)`
	var docs []Doc
	cur.All(ctx, &docs)
	return docs
}

// A range on a key-named field is no parent: every document after a
// given id.
func afterID(ctx context.Context, coll *mongo.Collection, id string) []Doc {
	cur, _ := coll.Find(ctx, bson.M{"_id": bson.M{"$gt": id}}) // want `every document of this Find is decoded into docs by cursor.All \(no SetLimit\)`
	var docs []Doc
	cur.All(ctx, &docs)
	return docs
}
