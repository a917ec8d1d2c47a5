package ispmanager

import (
	"encoding/json"
	"encoding/xml"
	"net/http"
	"strings"
)

// elem is one element of a BILLmanager answer. One tree renders to each
// output format, so xml, json and bjson always say the same thing.
type elem struct {
	name  string
	attrs [][2]string
	text  string
	kids  []*elem
	// item marks an entry of a list, which json renders as an array even
	// when it is alone.
	item bool
}

func newDoc() *elem { return &elem{name: "doc"} }

// add appends a child and returns it.
func (e *elem) add(name string) *elem {
	k := &elem{name: name}
	e.kids = append(e.kids, k)
	return k
}

// addItem appends an entry of a list.
func (e *elem) addItem(name string) *elem {
	k := e.add(name)
	k.item = true
	return k
}

// set appends a child holding text.
func (e *elem) set(name, text string) *elem {
	e.add(name).text = text
	return e
}

// attr sets an attribute.
func (e *elem) attr(name, value string) *elem {
	e.attrs = append(e.attrs, [2]string{name, value})
	return e
}

// jsonValue renders e the mechanical way: "$" for text, "$name" for
// attributes, arrays for repeated children.
func (e *elem) jsonValue() map[string]any {
	out := map[string]any{}
	for _, a := range e.attrs {
		out["$"+a[0]] = a[1]
	}
	if e.text != "" {
		out["$"] = e.text
	}
	groups := map[string][]any{}
	items := map[string]bool{}
	var order []string
	for _, k := range e.kids {
		if _, seen := groups[k.name]; !seen {
			order = append(order, k.name)
		}
		groups[k.name] = append(groups[k.name], k.jsonValue())
		items[k.name] = items[k.name] || k.item
	}
	for _, name := range order {
		if len(groups[name]) == 1 && !items[name] {
			out[name] = groups[name][0]
		} else {
			out[name] = groups[name]
		}
	}
	return out
}

func (e *elem) writeXML(b *strings.Builder) {
	b.WriteString("<" + e.name)
	for _, a := range e.attrs {
		b.WriteString(" " + a[0] + `="`)
		xml.EscapeText(b, []byte(a[1])) //nolint:errcheck // a strings.Builder does not fail
		b.WriteString(`"`)
	}
	if e.text == "" && len(e.kids) == 0 {
		b.WriteString("/>")
		return
	}
	b.WriteString(">")
	xml.EscapeText(b, []byte(e.text)) //nolint:errcheck // a strings.Builder does not fail
	for _, k := range e.kids {
		k.writeXML(b)
	}
	b.WriteString("</" + e.name + ">")
}

// bjsonValue renders the newer "model" format: no doc wrapper, a form's
// scalars as plain strings under model, a list under list, an id as
// {"v": ...}, an error as plain strings.
func (e *elem) bjsonValue() map[string]any {
	if err := e.child("error"); err != nil {
		out := map[string]any{"msg": err.childText("msg")}
		for _, a := range err.attrs {
			out[a[0]] = a[1]
		}
		return map[string]any{"error": out}
	}
	if e.child("elem") != nil || e.child("p_elems") != nil {
		list := []any{}
		for _, k := range e.kids {
			if k.name == "elem" {
				row := map[string]any{}
				for _, c := range k.kids {
					row[c.name] = c.text
				}
				list = append(list, row)
			}
		}
		return map[string]any{"list": list, "p_elems": e.childText("p_elems")}
	}
	if len(e.kids) == 1 && e.kids[0].name == "id" {
		return map[string]any{"id": map[string]any{"v": e.kids[0].text}}
	}
	if ok := e.child("ok"); ok != nil {
		return map[string]any{"ok": map[string]any{"v": ok.text}}
	}
	model := map[string]any{}
	for _, k := range e.kids {
		if len(k.kids) == 0 && len(k.attrs) == 0 {
			model[k.name] = k.text
		} else {
			model[k.name] = k.jsonValue()
		}
	}
	return map[string]any{"model": model}
}

func (e *elem) child(name string) *elem {
	for _, k := range e.kids {
		if k.name == name {
			return k
		}
	}
	return nil
}

func (e *elem) childText(name string) string {
	if k := e.child(name); k != nil {
		return k.text
	}
	return ""
}

// write answers doc with status in the format out asks for (xml when empty
// or unknown).
func write(w http.ResponseWriter, status int, out string, doc *elem) {
	var body []byte
	switch out {
	case "json", "sjson":
		w.Header().Set("Content-Type", "application/json; charset=utf-8")
		body, _ = json.Marshal(map[string]any{"doc": doc.jsonValue()})
	case "bjson":
		w.Header().Set("Content-Type", "application/json; charset=utf-8")
		body, _ = json.Marshal(doc.bjsonValue())
	default:
		w.Header().Set("Content-Type", "text/xml; charset=utf-8")
		var b strings.Builder
		b.WriteString(`<?xml version="1.0" encoding="UTF-8"?>` + "\n")
		doc.writeXML(&b)
		body = []byte(b.String())
	}
	w.WriteHeader(status)
	_, _ = w.Write(append(body, '\n')) // a client gone away is no one's error
}
