package main

import "time"

func main() {
	c := make(chan int) // fine: the process exits with main
	go func() { c <- 1 }()
	select {
	case <-c:
	case <-time.After(time.Second):
	}
}
