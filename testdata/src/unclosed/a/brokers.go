package a

import (
	"context"
	"log"
	"time"

	ibm "github.com/IBM/sarama"
	"github.com/Shopify/sarama"
	ck1 "github.com/confluentinc/confluent-kafka-go/kafka"
	ck2 "github.com/confluentinc/confluent-kafka-go/v2/kafka"
	"github.com/twmb/franz-go/pkg/kgo"
)

// A sync producer per message; the fix goes after the error check.
func sendOnce(msg *ibm.ProducerMessage) error {
	p, err := ibm.NewSyncProducer(brokers, ibm.NewConfig()) // want `^sarama\.SyncProducer p from sarama\.NewSyncProducer is never closed \(leaks its goroutines, broker connections and any buffered messages\)$`
	if err != nil {
		return err
	}
	_, _, err = p.SendMessage(msg)
	return err
}

// Fine: the old import path, AsyncClose releases an async producer.
func asyncOld(msg *sarama.ProducerMessage) error {
	p, err := sarama.NewAsyncProducer(brokers, sarama.NewConfig())
	if err != nil {
		return err
	}
	defer p.AsyncClose()
	p.Input() <- msg
	return nil
}

// The old import path is matched by the same rule line.
func asyncOldLeak(msg *sarama.ProducerMessage) {
	p, err := sarama.NewAsyncProducer(brokers, nil) // want `^sarama\.AsyncProducer p from sarama\.NewAsyncProducer is never closed`
	if err != nil {
		log.Fatal(err)
	}
	p.Input() <- msg
}

// The client is used by the producer but not closed by it.
func fromClient() error {
	client, err := ibm.NewClient(brokers, nil) // want `^sarama\.Client client from sarama\.NewClient is never closed`
	if err != nil {
		return err
	}
	p, err := ibm.NewSyncProducerFromClient(client)
	if err != nil {
		return err
	}
	return p.Close()
}

// A partition consumer closed on one path only.
func consumePartition(c ibm.Consumer, handle func(*ibm.ConsumerMessage) bool) error {
	pc, err := c.ConsumePartition("t", 0, 0) // want `^sarama\.PartitionConsumer pc from sarama\.Consumer\.ConsumePartition is not closed on every path \(leaks its fetch goroutines and message buffer\)$`
	if err != nil {
		return err
	}
	for m := range pc.Messages() {
		if !handle(m) {
			return nil
		}
	}
	pc.AsyncClose()
	return nil
}

// Fine: consumer group, cluster admin and consumer closed.
func saramaClosed() {
	g, err := ibm.NewConsumerGroup(brokers, "g", nil)
	if err != nil {
		return
	}
	defer g.Close()
	admin, err := ibm.NewClusterAdmin(brokers, nil)
	if err != nil {
		return
	}
	defer admin.Close()
	consumer, err := sarama.NewConsumer(brokers, nil)
	if err != nil {
		return
	}
	consumer.Close()
}

// confluent-kafka-go v1 and v2.
func confluentV1(topic string) error {
	p, err := ck1.NewProducer(&ck1.ConfigMap{"bootstrap.servers": "localhost"}) // want `^kafka\.Producer p from kafka\.NewProducer is never closed \(leaks its librdkafka handle with its threads and broker connections, and any queued messages\)$`
	if err != nil {
		return err
	}
	return p.Produce(&ck1.Message{TopicPartition: ck1.TopicPartition{Topic: &topic}}, nil)
}

func confluentV2(topic string) error {
	c, err := ck2.NewConsumer(&ck2.ConfigMap{"group.id": "g"}) // want `^kafka\.Consumer c from kafka\.NewConsumer is not closed when c\.SubscribeTopics fails`
	if err != nil {
		return err
	}
	if err := c.SubscribeTopics([]string{topic}, nil); err != nil {
		return err
	}
	_, err = c.ReadMessage(time.Second)
	c.Close()
	return err
}

// The constructor's err is reused for the next call and checked once
// (bulker's FailedHandler): when Assign fails, c is open and dropped.
func confluentAssignFails(topic string) error {
	c, err := ck2.NewConsumer(&ck2.ConfigMap{}) // want `^kafka\.Consumer c from kafka\.NewConsumer is not closed when c\.Assign fails`
	if err == nil {
		err = c.Assign([]ck2.TopicPartition{{Topic: &topic}})
	}
	if err != nil {
		return err
	}
	defer c.Close()
	_, err = c.ReadMessage(time.Second)
	return err
}

// Fine: the same shape, with c closed when Assign fails; the check's
// edge from the constructor is its failure, with nothing open.
func confluentAssignClosed(topic string) error {
	c, err := ck2.NewConsumer(&ck2.ConfigMap{})
	if err == nil {
		if err = c.Assign([]ck2.TopicPartition{{Topic: &topic}}); err != nil {
			c.Close()
		}
	}
	if err != nil {
		return err
	}
	defer c.Close()
	_, err = c.ReadMessage(time.Second)
	return err
}

// Fine: admin client closed, producer flushed and closed.
func confluentClosed() {
	a, err := ck2.NewAdminClient(&ck2.ConfigMap{})
	if err != nil {
		return
	}
	defer a.Close()
	p, err := ck2.NewProducer(&ck2.ConfigMap{})
	if err != nil {
		return
	}
	defer p.Close()
	p.Flush(1000)
}

// franz-go: a client per call.
func franz(ctx context.Context, rec *kgo.Record) error {
	cl, err := kgo.NewClient(kgo.SeedBrokers("localhost:9092")) // want `^kgo\.Client cl from kgo\.NewClient is never closed \(leaks its goroutines, connections and any buffered records\)$`
	if err != nil {
		return err
	}
	return cl.ProduceSync(ctx, rec).FirstErr()
}

// Fine: franz-go client closed.
func franzClosed(ctx context.Context, rec *kgo.Record) error {
	cl, err := kgo.NewClient(kgo.SeedBrokers("localhost:9092"))
	if err != nil {
		return err
	}
	defer cl.Close()
	return cl.ProduceSync(ctx, rec).FirstErr()
}

// Fine: the constructor's error is checked through a named result.
func namedResult(msg *ibm.ProducerMessage) (err error) {
	p, err := ibm.NewSyncProducer(brokers, nil)
	if err != nil {
		return err
	}
	defer func() {
		if cerr := p.Close(); err == nil {
			err = cerr
		}
	}()
	_, _, err = p.SendMessage(msg)
	return err
}

// The failing call is a func value parameter, named in the message.
func handlerFails(ctx context.Context, c ibm.Consumer, handle func(*ibm.ConsumerMessage) error) error {
	pc, err := c.ConsumePartition("t", 0, 0) // want `^sarama\.PartitionConsumer pc from sarama\.Consumer\.ConsumePartition is not closed when handle fails`
	if err != nil {
		return err
	}
	for m := range pc.Messages() {
		if err := handle(m); err != nil {
			return err
		}
	}
	return pc.Close()
}
