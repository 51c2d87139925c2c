/**
 * SQL that adds values to a text column's list of allowed values (`check (column in (…))` or, for
 * an array column, `check (column <@ array[…])`), whatever the list already holds: the constraint
 * `constraintName` is read back, every quoted literal of it kept, the new ones added, and the
 * constraint replaced by one over the union. Used instead of restating a whole list so that
 * migrations written in parallel, each adding its own kinds, compose in any order.
 */
export function allowValuesSql(options: {
  table: string;
  column: string;
  constraintName: string;
  values: readonly string[];
  /** `text[]` columns: every element must be allowed (and `extraSql` is and-ed, e.g. a cardinality rule). */
  array?: boolean;
  extraSql?: string;
}): string {
  for (const name of [options.table, options.column, options.constraintName]) {
    if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`Assertion failed: bad identifier ${name}`);
  }
  for (const value of options.values) {
    if (!/^[A-Z_]+$/.test(value)) throw new Error(`Assertion failed: bad value ${value}`);
  }
  const added = options.values.map((value) => `'${value}'`).join(', ');
  const rule = options.array
    ? `format('%s <@ array[%s]::text[]', '${options.column}', (select string_agg(quote_literal(v), ', ') from unnest(allowed) v))`
    : `format('%s in (%s)', '${options.column}', (select string_agg(quote_literal(v), ', ') from unnest(allowed) v))`;
  const extra = options.extraSql ? ` || ' and ${options.extraSql.replaceAll("'", "''")}'` : '';
  return `
do $$
declare
  definition text;
  allowed text[];
begin
  select pg_get_constraintdef(c.oid) into definition
    from pg_constraint c where c.conrelid = '${options.table}'::regclass and c.conname = '${options.constraintName}';
  allowed := array(
    select distinct v from (
      select (regexp_matches(coalesce(definition, ''), '''([A-Z_]+)''', 'g'))[1] as v
      union select unnest(array[${added}]::text[])
    ) values_ order by v);
  execute format('alter table ${options.table} drop constraint if exists ${options.constraintName}');
  execute format('alter table ${options.table} add constraint ${options.constraintName} check (%s)', ${rule}${extra});
end $$;
`;
}
