package namebay

import (
	"net/http"
	"strconv"
	"time"
)

// Paging of record lists.
const (
	defaultPageSize = 100
	maxPageSize     = 500
)

func (r *record) wire() wireRecord {
	return wireRecord{
		Id: r.Id, ZoneId: r.ZoneId, Host: r.Host, Type: r.Type, Data: r.Data, Weight: r.Weight,
		DateCreated: r.DateCreated, NaptrPreference: r.NaptrPreference, NaptrFlag: r.NaptrFlag,
		NaptrService: r.NaptrService, NaptrRegExp: r.NaptrRegExp,
	}
}

// findRecord returns the record of the path's {id} in z.
func (c *call) findRecord(z *zone) (*record, error) {
	raw := c.r.PathValue("id")
	id, err := strconv.ParseInt(raw, 10, 64)
	if r := c.e.records[id]; err == nil && r != nil && r.ZoneId == z.Id {
		return r, nil
	}
	return nil, errNotFound("", "Record %q does not exist in the zone %s.", raw, z.Name)
}

// checkConflicts refuses cand when it repeats a record of z, or when a
// CNAME would share its Host with another record. self is the record being
// replaced, if any.
func (z *zone) checkConflicts(cand record, self *record) error {
	for _, other := range z.byHost[cand.Host] {
		if other != self && other.Type == cand.Type && other.Data == cand.Data {
			return errDuplicate("The zone %s already has the %s record %s %s.", z.Name, cand.Type, cand.Host, cand.Data)
		}
	}
	for _, other := range z.byHost[cand.Host] {
		if other != self && (cand.Type == "CNAME" || other.Type == "CNAME") {
			return errInvalid("Host", "%s already has a %s record: a CNAME cannot share its Host with any other record.", cand.Host, other.Type)
		}
	}
	return nil
}

// listRecords serves one page of a zone's records, in id order.
func (e *Emulator) listRecords(c *call) error {
	z, err := c.findZone()
	if err != nil {
		return err
	}
	start, end, err := c.paginate(len(z.records))
	if err != nil {
		return err
	}
	out := make([]wireRecord, 0, end-start)
	for _, r := range z.records[start:end] {
		out = append(out, r.wire())
	}
	return c.reply(http.StatusOK, out)
}

func (e *Emulator) createRecord(c *call) error {
	z, err := c.findZone()
	if err != nil {
		return err
	}
	var in newRecord
	if err := c.decode(&in); err != nil {
		return err
	}
	r, err := validateRecord(in)
	if err != nil {
		return err
	}
	if err := z.checkConflicts(r, nil); err != nil {
		return err
	}
	r.Id = e.world.Next(c.tx, recordSeq)
	r.ZoneId = z.Id
	r.DateCreated = c.now.Truncate(time.Second)
	e.records[r.Id] = &r
	z.add(&r)
	e.recordChanged(c, z, &r)
	return c.reply(http.StatusCreated, r.wire())
}

func (e *Emulator) getRecord(c *call) error {
	z, err := c.findZone()
	if err != nil {
		return err
	}
	r, err := c.findRecord(z)
	if err != nil {
		return err
	}
	return c.reply(http.StatusOK, r.wire())
}

func (e *Emulator) updateRecord(c *call) error {
	z, err := c.findZone()
	if err != nil {
		return err
	}
	r, err := c.findRecord(z)
	if err != nil {
		return err
	}
	var in newRecord
	if err := c.decode(&in); err != nil {
		return err
	}
	next, err := validateRecord(in)
	if err != nil {
		return err
	}
	if err := z.checkConflicts(next, r); err != nil {
		return err
	}
	next.Id, next.ZoneId, next.DateCreated = r.Id, r.ZoneId, r.DateCreated
	z.replace(r, next)
	e.recordChanged(c, z, r)
	return c.reply(http.StatusOK, r.wire())
}

func (e *Emulator) deleteRecord(c *call) error {
	z, err := c.findZone()
	if err != nil {
		return err
	}
	r, err := c.findRecord(z)
	if err != nil {
		return err
	}
	z.remove(r)
	delete(e.records, r.Id)
	c.tx.Delete(recordsBucket, recordKey(r))
	e.recordChanged(c, z, nil)
	return c.noContent()
}

// recordChanged bumps the zone's serial and saves what changed.
func (e *Emulator) recordChanged(c *call, z *zone, r *record) {
	z.bumpSerial(c.now)
	e.saveZone(c.tx, z)
	if r != nil {
		e.saveRecord(c.tx, r)
	}
}
