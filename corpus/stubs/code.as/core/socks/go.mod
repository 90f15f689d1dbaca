module code.as/core/socks

go 1.13
