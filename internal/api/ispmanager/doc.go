package ispmanager

import (
	"encoding/json"
	"strings"
)

// node is one element of a BILLmanager JSON document: {"$": "text"} for an
// element's text, "$name" keys for its attributes, other keys for its
// children. A repeated child is an array, a single one an object, and a
// scalar sometimes an array: every accessor copes with all three.
type node map[string]any

func decodeDoc(body []byte) (node, error) {
	var top struct {
		Doc node `json:"doc"`
	}
	if err := json.Unmarshal(body, &top); err != nil {
		return nil, err
	}
	if top.Doc == nil {
		return node{}, nil
	}
	return top.Doc, nil
}

// child returns the first element named name.
func (n node) child(name string) node {
	return asNode(first(n[name]))
}

// children returns every element named name.
func (n node) children(name string) []node {
	switch v := n[name].(type) {
	case []any:
		out := make([]node, 0, len(v))
		for _, e := range v {
			if m := asNode(e); m != nil {
				out = append(out, m)
			}
		}
		return out
	case map[string]any:
		return []node{v}
	}
	return nil
}

// text returns the text of the element named name ("" when absent).
func (n node) text(name string) string {
	return textOf(first(n[name]))
}

// attr returns the attribute name (written without its "$").
func (n node) attr(name string) string {
	return textOf(n["$"+name])
}

// own returns the node's own text.
func (n node) own() string { return textOf(n["$"]) }

func (n node) has(name string) bool {
	_, ok := n[name]
	return ok
}

func first(v any) any {
	if list, ok := v.([]any); ok {
		if len(list) == 0 {
			return nil
		}
		return list[0]
	}
	return v
}

func asNode(v any) node {
	if m, ok := v.(map[string]any); ok {
		return m
	}
	return nil
}

func textOf(v any) string {
	switch t := first(v).(type) {
	case string:
		return strings.TrimSpace(t)
	case json.Number:
		return t.String()
	case float64:
		return strings.TrimSuffix(strings.TrimRight(jsonNumber(t), "0"), ".")
	case map[string]any:
		return textOf(t["$"])
	}
	return ""
}

func jsonNumber(f float64) string {
	b, _ := json.Marshal(f)
	s := string(b)
	if !strings.Contains(s, ".") {
		s += "."
	}
	return s
}
