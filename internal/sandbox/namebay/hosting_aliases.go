package namebay

import "net/http"

func (a *alias) wire() wireAlias { return wireAlias{Domain: a.Domain, Path: a.Path} }

func (e *Emulator) listAliases(c *call) error {
	p, err := c.findReadyPack()
	if err != nil {
		return err
	}
	out := make([]wireAlias, 0, len(p.aliases))
	for _, a := range p.aliases {
		out = append(out, a.wire())
	}
	return c.reply(http.StatusOK, out)
}

func (e *Emulator) createAlias(c *call) error {
	p, err := c.findReadyPack()
	if err != nil {
		return err
	}
	var in wireAlias
	if err := c.decode(&in); err != nil {
		return err
	}
	name := normalizeHostName(in.Domain)
	if !isDomainName(name) {
		return errInvalid("Domain", "Domain %q is not a domain name of letters, digits and hyphens (send internationalised names in their xn-- form).", in.Domain)
	}
	path, err := validateDir("Path", in.Path)
	if err != nil {
		return err
	}
	switch {
	case name == p.Domain:
		return errExists("%s is the domain of the hosting pack %s itself.", name, p.Handle)
	case e.aliasOwners[name] != nil:
		return errExists("%s is already an alias of a hosting pack.", name)
	case e.packsByDomain[name] != nil:
		return errExists("%s already has a hosting pack of its own.", name)
	case len(p.aliases) >= p.offer().MaxAliases:
		return quotaExceeded(p, aliasesLimit)
	}
	a := &alias{Pack: p.Handle, Domain: name, Path: path}
	e.addAlias(p, a)
	e.saveAlias(c.tx, a)
	return c.reply(http.StatusCreated, a.wire())
}

func (e *Emulator) deleteAlias(c *call) error {
	p, err := c.findReadyPack()
	if err != nil {
		return err
	}
	name := normalizeHostName(c.r.PathValue("domain"))
	a := p.alias(name)
	if a == nil {
		return errNotFound("", "The hosting pack %s has no alias %q.", p.Handle, name)
	}
	e.removeAlias(c.tx, p, a)
	return c.noContent()
}
