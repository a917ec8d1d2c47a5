package platform

import (
	"encoding/json"
	"fmt"
	"time"

	bolt "go.etcd.io/bbolt"
)

// Store is the embedded, crash-safe copy of the world: one bucket per kind
// of object, JSON values keyed by the object's id. Every commit is fsynced.
type Store struct {
	db *bolt.DB
}

// OpenStore opens (or creates) the store in path.
func OpenStore(path string) (*Store, error) {
	db, err := bolt.Open(path, 0o600, &bolt.Options{Timeout: 2 * time.Second})
	if err != nil {
		return nil, fmt.Errorf("opening the store %s: %w", path, err)
	}
	return &Store{db: db}, nil
}

// Get returns the value under key, or nil when there is none.
func (s *Store) Get(bucket, key string) ([]byte, error) {
	var out []byte
	err := s.db.View(func(tx *bolt.Tx) error {
		if b := tx.Bucket([]byte(bucket)); b != nil {
			if v := b.Get([]byte(key)); v != nil {
				out = append([]byte(nil), v...)
			}
		}
		return nil
	})
	return out, err
}

// Each calls fn for every value of bucket, in key order.
func (s *Store) Each(bucket string, fn func(key string, value []byte) error) error {
	return s.db.View(func(tx *bolt.Tx) error {
		b := tx.Bucket([]byte(bucket))
		if b == nil {
			return nil
		}
		return b.ForEach(func(k, v []byte) error { return fn(string(k), v) })
	})
}

func (s *Store) apply(ops []op) error {
	return s.db.Update(func(tx *bolt.Tx) error {
		for _, o := range ops {
			b, err := tx.CreateBucketIfNotExists([]byte(o.bucket))
			if err != nil {
				return err
			}
			if o.delete {
				err = b.Delete([]byte(o.key))
			} else {
				err = b.Put([]byte(o.key), o.value)
			}
			if err != nil {
				return fmt.Errorf("%s/%s: %w", o.bucket, o.key, err)
			}
		}
		return nil
	})
}

// Close closes the store file.
func (s *Store) Close() error { return s.db.Close() }

// Load decodes every value of bucket into a T and hands it to fn. It does
// nothing when the world lives in memory only.
func Load[T any](w *World, bucket string, fn func(key string, v T) error) error {
	if w.store == nil {
		return nil
	}
	return w.store.Each(bucket, func(key string, value []byte) error {
		var v T
		if err := json.Unmarshal(value, &v); err != nil {
			return fmt.Errorf("%s/%s: %w", bucket, key, err)
		}
		return fn(key, v)
	})
}

// Tx records the changes of one unit of work; World.Do commits them in one
// store transaction. In a memory-only world it records nothing.
type Tx struct {
	persist bool
	ops     []op
}

type op struct {
	bucket, key string
	value       []byte
	delete      bool
}

// Put records v (encoded as JSON) under bucket/key. Values are encoded at
// once, so later changes to v need another Put.
func (tx *Tx) Put(bucket, key string, v any) {
	if !tx.persist {
		return
	}
	raw, err := json.Marshal(v)
	if err != nil {
		// Only values of the sandbox's own types are stored: failing to
		// encode one is a programming error.
		panic(fmt.Sprintf("platform: encoding %s/%s: %v", bucket, key, err))
	}
	tx.putRaw(bucket, key, raw)
}

func (tx *Tx) putRaw(bucket, key string, raw []byte) {
	if tx.persist {
		tx.ops = append(tx.ops, op{bucket: bucket, key: key, value: raw})
	}
}

// Delete records the removal of bucket/key.
func (tx *Tx) Delete(bucket, key string) {
	if tx.persist {
		tx.ops = append(tx.ops, op{bucket: bucket, key: key, delete: true})
	}
}

// Key formats a numeric id as a store key that sorts in numeric order.
func Key(id int64) string { return fmt.Sprintf("%012d", id) }
