package a

import (
	ibm "github.com/IBM/sarama"
)

type kafkaTool struct{ client ibm.Client }

// Fine: the admin's Close closes the shared client it was built from
// (sarama: "underlying client will also be closed on admin's Close()
// call"), so it must not be closed here, and it holds nothing else.
func (k *kafkaTool) topics() ([]string, error) {
	admin, err := ibm.NewClusterAdminFromClient(k.client)
	if err != nil {
		return nil, err
	}
	return listTopics(admin), nil
}

// listTopics stands for the admin's methods: it only uses the admin.
func listTopics(admin ibm.ClusterAdmin) []string { return nil }

// Fine: closing the admin closes the client this function created.
func adminOwnsClient(brokers []string) error {
	client, err := ibm.NewClient(brokers, nil)
	if err != nil {
		return err
	}
	admin, err := ibm.NewClusterAdminFromClient(client)
	if err != nil {
		client.Close()
		return err
	}
	defer admin.Close()
	listTopics(admin)
	return nil
}

// The client leaks when the admin cannot be built, and nothing closes it.
func adminClientLeaks(brokers []string) error {
	client, err := ibm.NewClient(brokers, nil) // want `^sarama\.Client client from sarama\.NewClient is not closed when sarama\.NewClusterAdminFromClient fails`
	if err != nil {
		return err
	}
	admin, err := ibm.NewClusterAdminFromClient(client)
	if err != nil {
		return err
	}
	defer admin.Close()
	listTopics(admin)
	return nil
}

// Fine: the client is closed when the admin cannot be built, unless it is
// closed already (keda's getKafkaClients).
func adminClientClosedGuard(brokers []string) (ibm.Client, ibm.ClusterAdmin, error) {
	client, err := ibm.NewClient(brokers, nil)
	if err != nil {
		return nil, nil, err
	}
	admin, err := ibm.NewClusterAdminFromClient(client)
	if err != nil {
		if !client.Closed() {
			client.Close()
		}
		return nil, nil, err
	}
	return client, admin, nil
}

// The guard is the wrong way round: the client is closed only when it
// already is.
func adminClientClosedInverted(brokers []string) (ibm.Client, ibm.ClusterAdmin, error) {
	client, err := ibm.NewClient(brokers, nil) // want `^sarama\.Client client from sarama\.NewClient is not closed when sarama\.NewClusterAdminFromClient fails`
	if err != nil {
		return nil, nil, err
	}
	admin, err := ibm.NewClusterAdminFromClient(client)
	if err != nil {
		if client.Closed() {
			client.Close()
		}
		return nil, nil, err
	}
	return client, admin, nil
}

// Producers from a client do not close it: their own Close is owed.
func producerFromClient(client ibm.Client) error {
	p, err := ibm.NewSyncProducerFromClient(client) // want `^sarama\.SyncProducer p from sarama\.NewSyncProducerFromClient is never closed`
	if err != nil {
		return err
	}
	_, _, err = p.SendMessage(nil)
	return err
}

// Fine: a consumer from a client holds no goroutine nor connection of its
// own (the client has them) until ConsumePartition, and its Close only
// unregisters metrics; the partition consumers it starts are what must be
// closed (watermill-kafka's subscriber).
func consumerFromClient(client ibm.Client) error {
	c, err := ibm.NewConsumerFromClient(client)
	if err != nil {
		return err
	}
	pc, err := c.ConsumePartition("t", 0, 0) // want `^sarama\.PartitionConsumer pc from sarama\.Consumer\.ConsumePartition is never closed`
	if err != nil {
		return err
	}
	<-pc.Messages()
	return nil
}
