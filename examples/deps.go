//go:build deps

// This file only pins the real libraries memlint's examples exercise, so that
// "go mod tidy" keeps them while examples are being written. It is never built.
package examples

import (
	_ "cloud.google.com/go/longrunning/autogen/longrunningpb"
	_ "cloud.google.com/go/storage"
	_ "github.com/IBM/sarama"
	_ "github.com/Masterminds/squirrel"
	_ "github.com/confluentinc/confluent-kafka-go/v2/kafka"
	_ "github.com/docker/docker/client"
	_ "github.com/gin-gonic/gin"
	_ "github.com/go-chi/chi/v5"
	_ "github.com/go-macaron/binding"
	_ "github.com/goccy/go-json"
	_ "github.com/gofiber/fiber/v2"
	_ "github.com/gorilla/mux"
	_ "github.com/gorilla/websocket"
	_ "github.com/jackc/pgx/v5"
	_ "github.com/jackc/pgx/v5/pgxpool"
	_ "github.com/jinzhu/gorm"
	_ "github.com/jmoiron/sqlx"
	_ "github.com/json-iterator/go"
	_ "github.com/labstack/echo/v4"
	_ "github.com/labstack/echo/v5"
	_ "github.com/segmentio/kafka-go"
	_ "github.com/twmb/franz-go/pkg/kgo"
	_ "go.mongodb.org/mongo-driver/mongo"
	_ "go.mongodb.org/mongo-driver/v2/mongo"
	_ "google.golang.org/api/googleapi"
	_ "google.golang.org/api/storage/v1"
	_ "google.golang.org/grpc"
	_ "gopkg.in/macaron.v1"
	_ "gorm.io/gorm"
)
