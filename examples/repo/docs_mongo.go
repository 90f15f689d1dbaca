package repo

import (
	"context"

	bson1 "go.mongodb.org/mongo-driver/bson"
	mongo1 "go.mongodb.org/mongo-driver/mongo"
	options1 "go.mongodb.org/mongo-driver/mongo/options"
	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo"
	"go.mongodb.org/mongo-driver/v2/mongo/options"
)

// Doc is a document of the docs collection.
type Doc struct {
	ID    string `bson:"_id" json:"id"`
	Title string `bson:"title" json:"title"`
}

// DocsV1 is the mongo-driver v1 repository.
type DocsV1 struct{ Coll *mongo1.Collection }

// All decodes the whole collection. LEAK: no SetLimit.
func (d *DocsV1) All(ctx context.Context) ([]Doc, error) {
	cur, err := d.Coll.Find(ctx, bson1.M{})
	if err != nil {
		return nil, err
	}
	var out []Doc
	err = cur.All(ctx, &out)
	return out, err
}

// Latest decodes 50 documents. OK: SetLimit.
func (d *DocsV1) Latest(ctx context.Context) ([]Doc, error) {
	cur, err := d.Coll.Find(ctx, bson1.M{}, options1.Find().SetSort(bson1.D{{Key: "_id", Value: -1}}).SetLimit(50))
	if err != nil {
		return nil, err
	}
	var out []Doc
	err = cur.All(ctx, &out)
	return out, err
}

// DocsV2 is the mongo-driver v2 repository.
type DocsV2 struct{ Coll *mongo.Collection }

// ByTitle appends every match. LEAK: no SetLimit.
func (d *DocsV2) ByTitle(ctx context.Context, title string) ([]Doc, error) {
	cur, err := d.Coll.Find(ctx, bson.M{"title": title}, options.Find().SetSort(bson.D{{Key: "_id", Value: 1}}))
	if err != nil {
		return nil, err
	}
	defer cur.Close(ctx)
	var out []Doc
	for cur.Next(ctx) {
		var x Doc
		if err := cur.Decode(&x); err != nil {
			return nil, err
		}
		out = append(out, x)
	}
	return out, cur.Err()
}

// ByTitlePage decodes one page. OK: SetLimit.
func (d *DocsV2) ByTitlePage(ctx context.Context, title string) ([]Doc, error) {
	cur, err := d.Coll.Find(ctx, bson.M{"title": title}, options.Find().SetLimit(100))
	if err != nil {
		return nil, err
	}
	var out []Doc
	err = cur.All(ctx, &out)
	return out, err
}
