import { ReadStoreArgumentError } from '../read-store.errors';
import { databaseName, documentsCollection, indexKey, storedId, toStoredDocument } from './mongo-layout';

describe('MongoDB layout', () => {
  it('keeps each logical collection in its own MongoDB collection, every generation in it', () => {
    expect(documentsCollection('trail')).toBe('docs.trail');
    expect(storedId(12, 'h/1 ü')).toBe('12:h/1 ü');
    expect(storedId(1, '2:x')).not.toBe(storedId(12, ':x'));
  });

  it('indexes the generation, then the fields, then the id', () => {
    const key = indexKey(['agency', 'actor.officer']);
    expect(key).toEqual({ g: 1, 'd.agency': 1, 'd.actor.officer': 1, i: 1 });
    expect(Object.keys(key)).toEqual(['g', 'd.agency', 'd.actor.officer', 'i']);
  });

  it('takes the database from the option, else the URL path, else ledger', () => {
    expect(databaseName('mongodb://localhost:27017/?replicaSet=rs0')).toBe('ledger');
    expect(databaseName('mongodb://localhost:27017')).toBe('ledger');
    expect(databaseName('mongodb://u:p@a:1,b:2/ledger-prod?replicaSet=rs0')).toBe('ledger-prod');
    expect(databaseName('mongodb+srv://cluster.example.org/policy')).toBe('policy');
    expect(databaseName('mongodb://localhost/ledger', 'contract-1')).toBe('contract-1');
  });
});

describe('toStoredDocument', () => {
  it('stores exactly the JSON form: undefined properties vanish instead of becoming null', () => {
    expect(toStoredDocument({ a: 1, b: undefined, c: { d: undefined, e: [null] } }, 'doc')).toEqual({
      a: 1,
      c: { e: [null] },
    });
    expect(Object.keys(toStoredDocument({ a: 1, b: undefined }, 'doc'))).toEqual(['a']);
  });

  it('refuses what JSON would change, as every adapter does, naming the path', () => {
    const error = (() => {
      try {
        toStoredDocument({ n: NaN }, 'writes[1].doc');
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(ReadStoreArgumentError);
    expect((error as ReadStoreArgumentError).argument).toBe('writes[1].doc.n');
  });

  it('refuses field names starting with $, which MongoDB reserves, naming the path', () => {
    const error = (() => {
      try {
        toStoredDocument({ a: { list: [{ $gt: 1 }] } }, 'writes[0].doc');
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(ReadStoreArgumentError);
    expect((error as ReadStoreArgumentError).argument).toBe('writes[0].doc.a.list[0].$gt');
    expect(toStoredDocument({ 'a.b': 1, price$: 2 }, 'doc')).toEqual({ 'a.b': 1, price$: 2 });
  });
});
