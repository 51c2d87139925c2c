/**
 * PostgreSQL's text form of a one-dimensional array (`{a,NULL,"b c"}`), written for the array
 * parameters of the batched statements (statement-batcher.ts): one parameter per column, 500 values
 * each for a 500-event recordUsage. pg's own conversion quotes and escapes every element (two regular
 * expression replacements each, and a string built by concatenation), about 8,000 elements per such
 * statement; most of them (ids, amounts, kinds, nulls) need no quotes, which also makes the parameter
 * shorter for the socket and for PostgreSQL's array parser.
 */

/**
 * Characters an element may hold and still go unquoted: none of the array syntax (braces, the comma,
 * quotes, the backslash), no white space (PostgreSQL trims it around unquoted elements), nothing else.
 */
const UNQUOTED_ELEMENT = /^[0-9A-Za-z_.:+-]+$/;

/** The element as it goes into the literal: bare when nothing in it is syntax (and it is not the word NULL), else quoted. */
function element(value: string): string {
  if (UNQUOTED_ELEMENT.test(value) && !(value.length === 4 && value.toLowerCase() === 'null')) return value;
  return `"${value.replace(/[\\"]/g, '\\$&')}"`;
}

/**
 * The text form of `values` as one PostgreSQL array parameter (null and undefined are NULL), or
 * undefined when a value is not a string or null (that column is left to pg's own conversion).
 * The statement's cast (`$1::uuid[]`) gives the elements their type, as with pg's form.
 */
export function arrayLiteral(values: readonly unknown[]): string | undefined {
  const parts = new Array<string>(values.length);
  // Most columns of a batch repeat one value in every element (the kind, the actor, the scope, the
  // balance cap, the time of a recordUsage call): an element equal to the one before is written as it
  // was, without testing it again.
  let previous: unknown;
  let previousPart = '';
  for (let index = 0; index < values.length; index += 1) {
    const value = values[index];
    if (value === null || value === undefined) parts[index] = 'NULL';
    else if (typeof value !== 'string') return undefined;
    else if (value === previous) parts[index] = previousPart;
    else {
      previous = value;
      previousPart = element(value);
      parts[index] = previousPart;
    }
  }
  return `{${parts.join(',')}}`;
}
