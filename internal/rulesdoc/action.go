package main

import (
	"fmt"
	"strings"

	"go.yaml.in/yaml/v3"
)

// actionTable writes the README's table of the GitHub Action's inputs and outputs from
// action.yml, in the order the file declares them.
func actionTable(actionYAML []byte) (string, error) {
	var doc struct {
		Inputs  yaml.Node `yaml:"inputs"`
		Outputs yaml.Node `yaml:"outputs"`
	}
	if err := yaml.Unmarshal(actionYAML, &doc); err != nil {
		return "", fmt.Errorf("action.yml: %w", err)
	}
	var b strings.Builder
	b.WriteString("| | name | default | what it is |\n|---|---|---|---|\n")
	for _, part := range []struct {
		kind string
		node *yaml.Node
	}{{"input", &doc.Inputs}, {"output", &doc.Outputs}} {
		if part.node.Kind != yaml.MappingNode || len(part.node.Content) == 0 {
			return "", fmt.Errorf("action.yml: no %ss", part.kind)
		}
		for i := 0; i+1 < len(part.node.Content); i += 2 {
			var field struct {
				Description string `yaml:"description"`
				Default     string `yaml:"default"`
				Required    bool   `yaml:"required"`
			}
			if err := part.node.Content[i+1].Decode(&field); err != nil {
				return "", fmt.Errorf("action.yml: %s %s: %w", part.kind, part.node.Content[i].Value, err)
			}
			def := "`" + field.Default + "`"
			switch {
			case field.Required:
				def = "required"
			case part.kind == "output":
				def = ""
			case field.Default == "":
				def = "none"
			}
			fmt.Fprintf(&b, "| %s | `%s` | %s | %s |\n", part.kind, part.node.Content[i].Value, def,
				strings.ReplaceAll(field.Description, "|", "\\|"))
		}
	}
	return b.String(), nil
}
