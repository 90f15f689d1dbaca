module go.vallahaye.net/connect-gateway

go 1.22

require connectrpc.com/connect v1.18.1
