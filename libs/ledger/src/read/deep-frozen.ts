// Values frozen all the way down, and a way to know one: an answer kept while the projections rest is frozen
// once and handed to every caller as it is, so what is worked out from it on the way out (whether it holds
// sealed personal data, its copy without actor fields for the public) can be worked out once and remembered
// against it. A value only frozen at the top could still change inside, so only deepFreeze vouches for one.

const frozenThrough = new WeakSet<object>();

/** Freezes a plain JSON-like value and everything in it, and remembers it as such. */
export function deepFreeze<T>(value: T): T {
  if (typeof value !== 'object' || value === null || frozenThrough.has(value)) return value;
  // Into objects already frozen too: their insides may not be.
  for (const item of Object.values(value)) deepFreeze(item);
  Object.freeze(value);
  frozenThrough.add(value);
  return value;
}

/** Whether deepFreeze froze this object (so that nothing in it can change); false for anything else. */
export function isDeepFrozen(value: unknown): value is object {
  return typeof value === 'object' && value !== null && frozenThrough.has(value);
}
