package namebay

import (
	"net/http"
	"slices"
	"strings"
	"time"
)

// newDatabaseSizeMb is what a new database uses.
const newDatabaseSizeMb = 1

func (db *database) wire(p *hostingPack) wireDb {
	return wireDb{
		Name: db.Name, HostingHandle: p.Handle, User: db.User, Type: db.Type, Size: db.Size,
		MaxSize: db.MaxSize, Server: p.dbServer(), DateCre: db.Created, Etat: "active",
	}
}

// findDatabase returns the pack of the path's {hosting} and its database
// {name}.
func (c *call) findDatabase() (*hostingPack, *database, error) {
	p, err := c.findReadyPack()
	if err != nil {
		return nil, nil, err
	}
	name := c.r.PathValue("name")
	db := p.database(name)
	if db == nil {
		return nil, nil, errNotFound("", "The hosting pack %s has no database %q.", p.Handle, name)
	}
	return p, db, nil
}

// checkMaxSize refuses a MaxSize outside what the pack's offer allows.
func checkMaxSize(p *hostingPack, maxSize int) error {
	if o := p.offer(); maxSize < 1 || maxSize > o.DatabaseMaxSizeMb {
		return errPolicy("MaxSize", "MaxSize must be from 1 to %d MB on the %s offer of %s.", o.DatabaseMaxSizeMb, o.Name, p.Handle)
	}
	return nil
}

func (e *Emulator) listDatabases(c *call) error {
	p, err := c.findReadyPack()
	if err != nil {
		return err
	}
	out := make([]wireDb, 0, len(p.databases))
	for _, db := range p.databases {
		out = append(out, db.wire(p))
	}
	return c.reply(http.StatusOK, out)
}

func (e *Emulator) createDatabase(c *call) error {
	p, err := c.findReadyPack()
	if err != nil {
		return err
	}
	var in newDb
	if err := c.decode(&in); err != nil {
		return err
	}
	if err := checkHostingHandle(in.HostingHandle, p); err != nil {
		return err
	}
	o := p.offer()
	for _, f := range []struct{ name, value string }{{"Name", in.Name}, {"User", in.User}} {
		if !dbNamePattern.MatchString(f.value) {
			return errInvalid(f.name, "%s %q must be 3 to 16 lower-case letters, digits and _, starting with a letter.", f.name, f.value)
		}
	}
	if err := validatePassword(in.Pwd); err != nil {
		return err
	}
	types := strings.Join(o.DatabaseTypes, ", ")
	switch {
	case in.Type == "":
		in.Type = o.DatabaseTypes[0]
	case slices.Contains(o.DatabaseTypes, in.Type):
	case in.Type == windowsDatabaseType:
		return errTld("Type", "%s is a Windows database type, which the %s offer does not have: use %s.", in.Type, o.Name, types)
	default:
		return errInvalid("Type", "Type %q is not a database type of the %s offer: use %s.", in.Type, o.Name, types)
	}
	maxSize := o.DatabaseMaxSizeMb
	if in.MaxSize != nil {
		maxSize = *in.MaxSize
	}
	if err := checkMaxSize(p, maxSize); err != nil {
		return err
	}
	switch {
	case p.database(in.Name) != nil:
		return errExists("The hosting pack %s already has a database %s.", p.Handle, in.Name)
	case len(p.databases) >= o.MaxDatabases:
		return quotaExceeded(p, databasesLimit)
	}
	db := &database{
		Pack: p.Handle, Name: in.Name, User: in.User, Type: in.Type, Size: newDatabaseSizeMb,
		MaxSize: maxSize, Created: c.now.Truncate(time.Second), Password: hashPassword(in.Pwd, c.now),
	}
	p.addDatabase(db)
	e.saveDatabase(c.tx, db)
	return c.reply(http.StatusCreated, db.wire(p))
}

func (e *Emulator) getDatabase(c *call) error {
	p, db, err := c.findDatabase()
	if err != nil {
		return err
	}
	return c.reply(http.StatusOK, db.wire(p))
}

// updateDatabase changes a database's MaxSize, the one setting that can
// change.
func (e *Emulator) updateDatabase(c *call) error {
	p, db, err := c.findDatabase()
	if err != nil {
		return err
	}
	var in editDb
	if err := c.decode(&in); err != nil {
		return err
	}
	if in.MaxSize != nil {
		if err := checkMaxSize(p, *in.MaxSize); err != nil {
			return err
		}
		db.MaxSize = *in.MaxSize
		e.saveDatabase(c.tx, db)
	}
	return c.reply(http.StatusOK, db.wire(p))
}

func (e *Emulator) deleteDatabase(c *call) error {
	p, db, err := c.findDatabase()
	if err != nil {
		return err
	}
	p.databases = deleteItem(p.databases, db)
	c.tx.Delete(dbsBucket, databaseKey(db))
	return c.noContent()
}

func (e *Emulator) setDatabasePassword(c *call) error {
	_, db, err := c.findDatabase()
	if err != nil {
		return err
	}
	var in passwordRequest
	if err := c.decode(&in); err != nil {
		return err
	}
	if err := validatePassword(in.Pwd); err != nil {
		return err
	}
	db.Password = hashPassword(in.Pwd, c.now)
	e.saveDatabase(c.tx, db)
	return c.noContent()
}
