/** A botbuilder store item must be a plain object (it carries `eTag`). */
export function assertStoreItem(key: string, item: unknown): asserts item is Record<string, unknown> {
  if (typeof item !== 'object' || item === null || Array.isArray(item)) {
    throw new TypeError(`Storage: item "${key}" must be an object, got ${Array.isArray(item) ? 'array' : typeof item}`);
  }
}
