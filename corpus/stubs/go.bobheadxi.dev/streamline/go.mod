module go.bobheadxi.dev/streamline

go 1.19
