const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Returns true when `id` is a UUID in canonical text form: every id Spendwire issues is one. */
export function isUuid(id: string): boolean {
  return UUID_PATTERN.test(id);
}
