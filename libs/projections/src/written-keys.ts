// Which documents a rebuild has written to its generation, as a Bloom filter of fixed size: "no" is certain
// (the document does not exist, no need to ask the store), "maybe" costs one read of the store. A rebuild
// creates most documents it touches (a trail entry, a figure change per event), so without it every new
// document would be looked up in an ever larger generation. Fixed size keeps memory flat whatever the log's
// length; a larger log only makes "maybe" more frequent (about 2% at 7.5 million documents with the default).
const HASHES = 3;

export class WrittenKeys {
  private readonly bits: Uint32Array;
  private readonly mask: number;

  /** `log2Bits`: the filter holds 2^log2Bits bits (default 2^26, 8 MiB). */
  constructor(log2Bits = 26) {
    this.bits = new Uint32Array(2 ** (log2Bits - 5));
    this.mask = 2 ** log2Bits - 1;
  }

  add(key: string): void {
    const [h1, h2] = hashes(key);
    for (let i = 0; i < HASHES; i++) {
      const bit = (h1 + i * h2) & this.mask;
      this.bits[bit >>> 5] |= 1 << (bit & 31);
    }
  }

  mayHave(key: string): boolean {
    const [h1, h2] = hashes(key);
    for (let i = 0; i < HASHES; i++) {
      const bit = (h1 + i * h2) & this.mask;
      if ((this.bits[bit >>> 5] & (1 << (bit & 31))) === 0) return false;
    }
    return true;
  }
}

/** Two independent 32-bit FNV-1a hashes of the UTF-16 code units (the second odd, for double hashing). */
function hashes(key: string): [number, number] {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ 0x5bd1e995;
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
    b ^= b >>> 15;
  }
  return [a >>> 0, (b | 1) >>> 0];
}
