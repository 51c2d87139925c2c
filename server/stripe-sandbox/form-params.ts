/**
 * Request parameters as stripe-node sends them (form-encoded with bracket notation:
 * `metadata[k]=v`, `payment_method_types[0]=card`, `expand[]=x`) parsed into nested objects,
 * and typed readers that answer Stripe's 400 errors for malformed values.
 */
import { invalidRequest } from './sandbox-errors.js';

/** A parsed parameter: a string leaf or a nested group. Arrays stay objects keyed '0', '1', …. */
export type ParamValue = string | Params;

/** Parameters of one request. Null-prototype objects, so `__proto__` is just a key. */
export interface Params {
  [key: string]: ParamValue;
}

/** Most parameters one request may carry; Stripe's own requests stay far below. */
export const PARAMETERS_PER_REQUEST_MAX = 1_000;

/** Deepest bracket nesting accepted, e.g. `a[b][c][d]` is 4. */
const NESTING_DEPTH_MAX = 5;

function emptyParams(): Params {
  return Object.create(null) as Params;
}

function keyPath(key: string): string[] | undefined {
  const match = /^([^[\]]+)((?:\[[^[\]]*\])*)$/.exec(key);
  if (!match) {
    return undefined;
  }
  const segments = [match[1] as string];
  for (const bracket of (match[2] ?? '').matchAll(/\[([^[\]]*)\]/g)) {
    segments.push(bracket[1] ?? '');
  }
  return segments;
}

/** Parses `a=1&b[c]=2&d[]=x&d[]=y` into `{ a: '1', b: { c: '2' }, d: { 0: 'x', 1: 'y' } }`. Throws 400 on malformed keys. */
export function parseFormParams(encoded: string): Params {
  const root = emptyParams();
  let count = 0;
  for (const [key, value] of new URLSearchParams(encoded)) {
    count += 1;
    if (count > PARAMETERS_PER_REQUEST_MAX) {
      throw invalidRequest(`Too many parameters: at most ${PARAMETERS_PER_REQUEST_MAX} are accepted.`);
    }
    const path = keyPath(key);
    if (!path || path.length > NESTING_DEPTH_MAX) {
      throw invalidRequest(`Invalid parameter name: ${key}`);
    }
    let node = root;
    for (let index = 0; index < path.length - 1; index += 1) {
      const segment = path[index] as string;
      const existing = node[segment];
      if (typeof existing === 'string') {
        throw invalidRequest(`Invalid parameter: ${key} mixes a value and a hash.`, { param: path[0] });
      }
      const child = existing ?? emptyParams();
      node[segment] = child;
      node = child;
    }
    let last = path[path.length - 1] as string;
    if (last === '' && path.length > 1) {
      // `expand[]=a&expand[]=b` appends, like qs does.
      last = String(Object.keys(node).length);
    }
    if (typeof node[last] === 'object') {
      throw invalidRequest(`Invalid parameter: ${key} mixes a value and a hash.`, { param: path[0] });
    }
    node[last] = value;
  }
  return root;
}

/** Turns a JSON object (the browser-facing endpoints accept JSON) into Params; numbers and booleans become strings. */
export function paramsFromJson(value: unknown): Params {
  const params = emptyParams();
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw invalidRequest('The request body must be a JSON object.');
  }
  for (const [key, field] of Object.entries(value)) {
    if (typeof field === 'string' || typeof field === 'number' || typeof field === 'boolean') {
      params[key] = String(field);
    }
  }
  return params;
}

/** An optional string; `''` counts as given-but-empty. Throws 400 on a hash. */
export function optionalString(params: Params, name: string): string | undefined {
  const value = params[name];
  if (value === undefined || typeof value === 'string') {
    return value;
  }
  throw invalidRequest(`Invalid string: ${name} must be a string, not a hash.`, { param: name });
}

/** A required non-empty string. Throws 400 parameter_missing. */
export function requiredString(params: Params, name: string): string {
  const value = optionalString(params, name);
  if (value === undefined || value === '') {
    throw invalidRequest(`Missing required param: ${name}.`, { param: name, code: 'parameter_missing' });
  }
  return value;
}

/** An optional string where `''` means "unset" (null). */
export function optionalNullableString(params: Params, name: string): string | null | undefined {
  const value = optionalString(params, name);
  return value === '' ? null : value;
}

/** An optional integer. Throws 400 parameter_invalid_integer. */
export function optionalInteger(params: Params, name: string): number | undefined {
  const value = optionalString(params, name);
  if (value === undefined) {
    return undefined;
  }
  const parsed = /^-?\d{1,15}$/.test(value) ? Number(value) : Number.NaN;
  if (!Number.isSafeInteger(parsed)) {
    throw invalidRequest(`Invalid integer: ${value}`, { param: name, code: 'parameter_invalid_integer' });
  }
  return parsed;
}

/** An optional boolean sent as 'true'/'false'. Throws 400 on anything else. */
export function optionalBoolean(params: Params, name: string): boolean | undefined {
  const value = optionalString(params, name);
  if (value === undefined || value === '') {
    return undefined;
  }
  if (value === 'true' || value === 'false') {
    return value === 'true';
  }
  throw invalidRequest(`Invalid boolean: ${value}`, { param: name });
}

/** An optional value from a fixed list; `''` means "unset" (null). Throws 400 on others. */
export function optionalEnum<T extends string>(params: Params, name: string, allowed: readonly T[]): T | null | undefined {
  const value = optionalString(params, name);
  if (value === undefined || value === '') {
    return value === '' ? null : undefined;
  }
  if ((allowed as readonly string[]).includes(value)) {
    return value as T;
  }
  throw invalidRequest(`Invalid ${name}: must be one of ${allowed.join(', ')}`, { param: name });
}

/** An optional hash (`invoice_settings[…]`); `''` counts as an empty hash. Throws 400 on a plain string. */
export function optionalHash(params: Params, name: string): Params | undefined {
  const value = params[name];
  if (value === undefined || typeof value === 'object') {
    return value;
  }
  if (value === '') {
    return emptyParams();
  }
  throw invalidRequest(`Invalid hash: ${name} must be a hash.`, { param: name });
}

/** An optional array (`name[0]=a&name[1]=b` or `name[]=a`) of strings, in index order. */
export function optionalStringArray(params: Params, name: string): string[] | undefined {
  const value = params[name];
  if (value === undefined) {
    return undefined;
  }
  if (typeof value === 'string') {
    if (value === '') {
      return [];
    }
    throw invalidRequest(`Invalid array: ${name} must be an array.`, { param: name });
  }
  const entries = Object.entries(value);
  const items: string[] = [];
  for (const [index, item] of entries.sort(([a], [b]) => Number(a) - Number(b))) {
    if (!/^\d+$/.test(index) || typeof item !== 'string') {
      throw invalidRequest(`Invalid array: ${name} must be an array of strings.`, { param: name });
    }
    items.push(item);
  }
  return items;
}
