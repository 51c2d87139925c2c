/**
 * A GraphQL enum value as words for people: "TOP_UP" → "Top up", "CREDIT" → "Credit".
 * Works for values added to the schema after this client was written (later kinds such as
 * "CALL_CHARGE"), so an unknown value still reads well.
 */
export function enumLabel(value: string): string {
  const words = value.toLowerCase().split('_').filter(Boolean).join(' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}
