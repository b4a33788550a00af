import { WrittenKeys } from './written-keys';

describe('WrittenKeys', () => {
  const key = (collection: string, n: number): string =>
    `${collection}\u0000b-${n.toString(16).padStart(32, '0')}`;

  it('never says no for a key it holds', () => {
    const keys = new WrittenKeys(16);
    for (let n = 0; n < 10_000; n++) keys.add(key('trail', n));
    let no = 0;
    for (let n = 0; n < 10_000; n++) if (!keys.mayHave(key('trail', n))) no++;
    expect(no).toBe(0);
  });

  it('says no for most keys it does not hold, more often the fewer it holds', () => {
    const falsePositives = (held: number): number => {
      const keys = new WrittenKeys(16);
      for (let n = 0; n < held; n++) keys.add(key('figure-changes', n));
      let maybe = 0;
      for (let n = 0; n < 5000; n++) if (keys.mayHave(key('figure-changes', 1_000_000 + n))) maybe++;
      return maybe / 5000;
    };
    // 2^16 bits, 3 hashes: about 0.1% at 3,125 keys and 2.4% at 9,375 (the Bloom filter's (1 - e^(-3n/m))^3).
    const few = falsePositives(3125);
    const many = falsePositives(9375);
    expect(few).toBeLessThan(0.005);
    expect(many).toBeLessThan(0.05);
    expect(many).toBeGreaterThan(few);
  });
});
