package apimatch

import "testing"

func TestPath(t *testing.T) {
	for in, want := range map[string]string{
		"github.com/segmentio/kafka-go":                        "github.com/segmentio/kafka-go",
		"example.com/app/vendor/github.com/segmentio/kafka-go": "github.com/segmentio/kafka-go",
		"vendor/golang.org/x/net/http2":                        "golang.org/x/net/http2",
		"github.com/labstack/echo/v4":                          "github.com/labstack/echo",
		"github.com/confluentinc/confluent-kafka-go/v2/kafka":  "github.com/confluentinc/confluent-kafka-go/kafka",
		"go.mongodb.org/mongo-driver/v2/mongo":                 "go.mongodb.org/mongo-driver/mongo",
		"google.golang.org/api/storage/v1":                     "google.golang.org/api/storage/v1",
		"github.com/Shopify/sarama":                            "github.com/IBM/sarama",
		"example.com/x/vendor/github.com/Shopify/sarama/mocks": "github.com/IBM/sarama/mocks",
		"github.com/jackc/pgx/v5/pgxpool":                      "github.com/jackc/pgx/pgxpool",
		"github.com/Shopify/saramax":                           "github.com/Shopify/saramax",
		"github.com/go-xorm/xorm":                              "xorm.io/xorm",
		"github.com/xorm-io/xorm":                              "xorm.io/xorm",
		"github.com/xorm-io/xorm/schemas":                      "xorm.io/xorm/schemas",
		"github.com/xorm-io/builder":                           "xorm.io/builder",
		"github.com/astaxie/beego":                             "github.com/beego/beego/server/web",
		"github.com/astaxie/beego/context":                     "github.com/beego/beego/server/web/context",
		"github.com/beego/beego/v2/server/web/context":         "github.com/beego/beego/server/web/context",
		"github.com/astaxie/beegox":                            "github.com/astaxie/beegox",
		"github.com/xorm-io/xormx":                             "github.com/xorm-io/xormx",
		"cloud.google.com/go/storage":                          "cloud.google.com/go/storage",
		"github.com/example/v10/pkg":                           "github.com/example/pkg",
		"github.com/example/v1/pkg":                            "github.com/example/v1/pkg",
	} {
		if got := Path(in); got != want {
			t.Errorf("Path(%q) = %q, want %q", in, got, want)
		}
	}
}
