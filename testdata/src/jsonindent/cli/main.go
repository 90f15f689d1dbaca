// Command cli writes indented JSON to the terminal and to config files:
// no request path, so nothing is reported.
package main

import (
	"encoding/json"
	"fmt"
	"os"
)

type Config struct {
	Hosts []string
	Ports map[string]int
}

func main() {
	cfg := Config{Hosts: os.Args[1:]}
	// Fine: command-line output.
	b, _ := json.MarshalIndent(cfg, "", "  ")
	fmt.Println(string(b))

	// Fine: a config file.
	f, _ := os.Create("config.json")
	defer f.Close()
	enc := json.NewEncoder(f)
	enc.SetIndent("", "  ")
	enc.Encode(cfg)

	// Fine: stdout through an Encoder.
	out := json.NewEncoder(os.Stdout)
	out.SetIndent("", "\t")
	out.Encode(cfg.Ports)
}

// Fine: a helper returning indented bytes that only main uses.
func render(v any) ([]byte, error) { // want render:`json.MarshalIndent indents\(0\) intoResult`
	return json.MarshalIndent(v, "", "  ")
}

func save(path string, cfg Config) error {
	b, err := render(cfg)
	if err != nil {
		return err
	}
	return os.WriteFile(path, b, 0o644)
}
