package lint

// planJSON is the part of "terraform show -json" that package check reads, written for
// a plan that creates every resource of a module.
type planJSON struct {
	FormatVersion   string           `json:"format_version"`
	ResourceChanges []resourceChange `json:"resource_changes"`
	Configuration   configuration    `json:"configuration"`
}

type resourceChange struct {
	Address string `json:"address"`
	Mode    string `json:"mode"`
	Type    string `json:"type"`
	Name    string `json:"name"`
	Index   any    `json:"index,omitempty"`
	Change  change `json:"change"`
}

type change struct {
	Actions      []string       `json:"actions"`
	After        map[string]any `json:"after"`
	AfterUnknown map[string]any `json:"after_unknown"`
}

type configuration struct {
	ProviderConfig map[string]providerConfig `json:"provider_config"`
	RootModule     configModule              `json:"root_module"`
}

type providerConfig struct {
	Name        string                 `json:"name"`
	Alias       string                 `json:"alias,omitempty"`
	Expressions map[string]*expression `json:"expressions,omitempty"`
}

type configModule struct {
	Resources []configResource `json:"resources"`
}

type configResource struct {
	Address           string                 `json:"address"`
	Mode              string                 `json:"mode"`
	Type              string                 `json:"type"`
	Name              string                 `json:"name"`
	ProviderConfigKey string                 `json:"provider_config_key,omitempty"`
	Expressions       map[string]*expression `json:"expressions"`
	DependsOn         []string               `json:"depends_on,omitempty"`
}

// An expression is a constant or the references of a value known only after apply.
type expression struct {
	ConstantValue any      `json:"constant_value,omitempty"`
	References    []string `json:"references,omitempty"`
}
