package codegen

// The C# language options the bridge writes into the schema's `language.csharp` (pkg/tfgen/generate_schema.go);
// JSON names as in the provider's schema.json.
type CSharpPackageInfo struct {
	Compatibility                string            `json:"compatibility,omitempty"`
	PackageReferences            map[string]string `json:"packageReferences,omitempty"`
	Namespaces                   map[string]string `json:"namespaces,omitempty"`
	RootNamespace                string            `json:"rootNamespace,omitempty"`
	DictionaryConstructors       bool              `json:"dictionaryConstructors,omitempty"`
	ProjectReferences            []string          `json:"projectReferences,omitempty"`
	LiftSingleValueMethodReturns bool              `json:"liftSingleValueMethodReturns,omitempty"`
	RespectSchemaVersion         bool              `json:"respectSchemaVersion,omitempty"`
}

type CSharpPropertyInfo struct {
	Name string `json:"name,omitempty"`
}

type CSharpResourceInfo struct {
	Name string `json:"name,omitempty"`
}
