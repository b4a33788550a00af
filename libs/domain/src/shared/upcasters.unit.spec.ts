import {
  checkUpcasterRegistry,
  findUpcasterGaps,
  upcast,
  upcasters,
  UpcastError,
  type UpcasterRegistry,
} from './upcasters';

// A made-up history: HouseHandedOver went to v3 (v1 had no handover date, v2 named the recipient).
const versions = { HouseHandedOver: 3, SubsidyPaid: 2, RemainsRecovered: 1 };
const complete: UpcasterRegistry = {
  HouseHandedOver: {
    1: (data) => ({ ...(data as object), handedOverTo: null }),
    2: (data) => ({ ...(data as object), ceremony: false }),
  },
  SubsidyPaid: {
    1: (data) => ({ ...(data as { amount: number }), amountVnd: (data as { amount: number }).amount }),
  },
};

describe('upcasters', () => {
  it('the registry of this version has no gaps', () => {
    expect(findUpcasterGaps(upcasters)).toEqual([]);
    expect(() => checkUpcasterRegistry()).not.toThrow();
  });

  it('leaves an event at the current version as it is, the very same object', () => {
    const event = { type: 'HouseHandedOver', schemaVersion: 1, data: { caseId: 'HC-1' } };
    expect(upcast(event)).toBe(event);
  });

  it('leaves event types that no aggregate knows alone', () => {
    const event = { type: 'ForeignThingHappened', schemaVersion: 7, data: {} };
    expect(upcast(event)).toBe(event);
  });

  it('knows the plan events, so refuses one from a newer version of the code', () => {
    expect(() => upcast({ type: 'PlanAdopted', schemaVersion: 7, data: {} })).toThrow(
      expect.objectContaining({ code: 'SCHEMA_VERSION_UNKNOWN' }),
    );
  });

  it('brings an old event to the current version one step at a time, keeping the other fields', () => {
    const stored = { id: 'e1', type: 'HouseHandedOver', schemaVersion: 1, data: { caseId: 'HC-1' } };
    expect(upcast(stored, complete, versions)).toEqual({
      id: 'e1',
      type: 'HouseHandedOver',
      schemaVersion: 3,
      data: { caseId: 'HC-1', handedOverTo: null, ceremony: false },
    });
    expect(stored.schemaVersion).toBe(1);
  });

  it('refuses a version newer than the code', () => {
    expect(() =>
      upcast({ type: 'RemainsRecovered', schemaVersion: 2, data: {} }, complete, versions),
    ).toThrow(expect.objectContaining({ code: 'SCHEMA_VERSION_UNKNOWN' }));
  });

  it('says which step is missing', () => {
    expect(() => upcast({ type: 'SubsidyPaid', schemaVersion: 1, data: {} }, {}, versions)).toThrow(
      'SubsidyPaid: no upcaster from v1 to v2',
    );
  });

  it('finds no gap in a complete registry', () => {
    expect(findUpcasterGaps(complete, versions)).toEqual([]);
    expect(() => checkUpcasterRegistry(complete, versions)).not.toThrow();
  });

  it('lists every gap and every upcaster that cannot belong', () => {
    const broken: UpcasterRegistry = {
      HouseHandedOver: { 2: (d) => d, 3: (d) => d },
      RemainsRecovered: { 1: (d) => d },
      Unheard: { 1: (d) => d },
    };
    expect(findUpcasterGaps(broken, versions)).toEqual([
      'HouseHandedOver: no upcaster from v1 to v2',
      'SubsidyPaid: no upcaster from v1 to v2',
      'HouseHandedOver: upcaster from v3 but the current version is v3',
      'RemainsRecovered: upcaster from v1 but the current version is v1',
      'Unheard: upcaster from v1 for an event type no aggregate has',
    ]);
    expect(() => checkUpcasterRegistry(broken, versions)).toThrow(UpcastError);
    expect(() => checkUpcasterRegistry(broken, versions)).toThrow(
      /HouseHandedOver: no upcaster from v1 to v2/,
    );
  });
});
