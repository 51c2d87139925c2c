import fs from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  astFromValue,
  buildSchema,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  isUnionType,
  Kind,
  parse,
  print,
  type GraphQLField,
  type GraphQLInputField,
  type GraphQLNamedType,
  type GraphQLType,
} from 'graphql';

/** The contract the client is generated from, relative to the working directory. */
export const SCHEMA_FILE = 'schema/schema.graphql';

/** Where {@link generateClientTypes}' output is committed, relative to the working directory. */
export const CLIENT_TYPES_FILE = 'client/src/apollo/generated/schema-types.ts';

/** TypeScript of GraphQL's built-in scalars. */
const BUILT_IN_SCALARS: Readonly<Record<string, string>> = {
  ID: 'string',
  String: 'string',
  Int: 'number',
  Float: 'number',
  Boolean: 'boolean',
};

/**
 * TypeScript of the schema's custom scalars, each emitted as an alias of that name with a note
 * added to the schema's description. A scalar missing here stops the generator: map it on purpose.
 */
const CUSTOM_SCALARS: Readonly<Record<string, { type: string; note: string }>> = {
  Money: {
    type: 'string',
    note: 'A decimal string, never a number: parse and format it with utils/money.ts, never with parseFloat.',
  },
  DateTime: { type: 'string', note: 'An RFC 3339 string at UTC, e.g. "2026-11-22T01:37:12.932Z".' },
};

/** Longest line {@link generateClientTypes} writes an enum's values on before it gives each value its own line. */
const LINE_WIDTH_MAX = 130;

/**
 * The TypeScript module of `client/src/apollo/generated/schema-types.ts` for an SDL document: for
 * every enum a `const` array of its values in schema order and a union type of them, for every
 * object, interface and input type an interface with its fields (arguments left out), for every
 * union a union type, for every custom scalar an alias. Declarations follow the SDL's order and
 * carry its descriptions as JSDoc; the same SDL always gives the same text.
 * @throws Error on a custom scalar without a mapping, or two enums whose value arrays would share a name.
 */
export function generateClientTypes(sdl: string): string {
  const schema = buildSchema(sdl);
  const constNames = new Map<string, string>();
  const blocks: string[] = [];
  for (const definition of parse(sdl).definitions) {
    if (definition.kind === Kind.SCHEMA_DEFINITION || definition.kind === Kind.DIRECTIVE_DEFINITION) continue;
    if (!('name' in definition) || definition.name === undefined) continue;
    if (definition.kind.endsWith('Extension')) {
      throw new Error(`generateClientTypes: type extensions are not supported (${definition.name.value})`);
    }
    const type = schema.getType(definition.name.value);
    if (!type) throw new Error(`generateClientTypes: ${definition.name.value} is not in the built schema`);
    if (isEnumType(type)) {
      const constName = enumValuesConstName(type.name);
      const other = constNames.get(constName);
      if (other !== undefined) throw new Error(`generateClientTypes: enums ${other} and ${type.name} both give ${constName}`);
      constNames.set(constName, type.name);
    }
    blocks.push(declarationOf(type));
  }
  const header = [
    '// Generated from schema/schema.graphql by `npm run codegen` (server/scripts/generate-client-types.ts);',
    '// `npm run schema:emit` runs it too. Do not edit: change the schema and generate again.',
    '// Nullable fields are `| null` (and optional in inputs); fields\' arguments are left out.',
    '// test/client/generated-types.test.ts fails while this file is stale.',
  ].join('\n');
  return `${header}\n\n${blocks.join('\n\n')}\n`;
}

/** One exported declaration (with its JSDoc) for a named type. */
function declarationOf(type: GraphQLNamedType): string {
  if (isScalarType(type)) {
    if (type.name in BUILT_IN_SCALARS) throw new Error(`generateClientTypes: ${type.name} is built in and cannot be redefined`);
    const mapping = CUSTOM_SCALARS[type.name];
    if (!mapping) {
      throw new Error(`generateClientTypes: no TypeScript type for scalar ${type.name}; add it to CUSTOM_SCALARS`);
    }
    const description = type.description ? `\`${type.name}\`: ${type.description}\n\n${mapping.note}` : `\`${type.name}\`: ${mapping.note}`;
    return `${jsDoc(description, '')}export type ${type.name} = ${mapping.type};`;
  }
  if (isEnumType(type)) {
    const constName = enumValuesConstName(type.name);
    const values = type.getValues();
    const quoted = values.map((value) => `'${value.name}'`);
    const documented = values.some((value) => value.description || value.deprecationReason);
    const oneLine = `export const ${constName} = [${quoted.join(', ')}] as const;`;
    const array =
      !documented && oneLine.length <= LINE_WIDTH_MAX
        ? oneLine
        : [
            `export const ${constName} = [`,
            ...values.map(
              (value, index) => `${jsDoc(docOf(value.description, value.deprecationReason), '  ')}  ${quoted[index]},`,
            ),
            '] as const;',
          ].join('\n');
    return [
      `${jsDoc(`Values of \`${type.name}\`, in schema order.`, '')}${array}`,
      `${jsDoc(docOf(type.description, undefined) ?? `\`${type.name}\`.`, '')}export type ${type.name} = (typeof ${constName})[number];`,
    ].join('\n');
  }
  if (isUnionType(type)) {
    const members = type.getTypes().map((member) => member.name);
    return `${jsDoc(type.description, '')}export type ${type.name} = ${members.join(' | ')};`;
  }
  if (isObjectType(type) || isInterfaceType(type)) {
    const fields = Object.values(type.getFields()).map((field) => fieldLine(field));
    return interfaceOf(type.name, type.description, fields);
  }
  if (isInputObjectType(type)) {
    const fields = Object.values(type.getFields()).map((field) => inputFieldLine(field));
    return interfaceOf(type.name, type.description, fields);
  }
  throw new Error(`generateClientTypes: unsupported type ${String(type)}`);
}

/** `export interface Name { … }` with one line (and its JSDoc) per field. */
function interfaceOf(name: string, description: string | null | undefined, fields: string[]): string {
  return `${jsDoc(description, '')}export interface ${name} {\n${fields.join('\n')}\n}`;
}

/** An output field: present always, `| null` when nullable. */
function fieldLine(field: GraphQLField<unknown, unknown>): string {
  return `${jsDoc(docOf(field.description, field.deprecationReason), '  ')}  ${field.name}: ${typeScriptOf(field.type)};`;
}

/** An input field: optional (`?`) when nullable or defaulted, `| null` when nullable. */
function inputFieldLine(field: GraphQLInputField): string {
  let description = docOf(field.description, field.deprecationReason);
  if (field.defaultValue !== undefined) {
    const literal = astFromValue(field.defaultValue, field.type);
    if (literal) description = `${description ? `${description}\n` : ''}@default ${print(literal)}`;
  }
  const optional = !isNonNullType(field.type) || field.defaultValue !== undefined;
  return `${jsDoc(description, '  ')}  ${field.name}${optional ? '?' : ''}: ${typeScriptOf(field.type)};`;
}

/** The TypeScript of a field's type: nullable adds `| null`, a list is an array. */
function typeScriptOf(type: GraphQLType): string {
  if (isNonNullType(type)) return nonNullTypeScriptOf(type.ofType);
  return `${nonNullTypeScriptOf(type)} | null`;
}

/** {@link typeScriptOf} without the outer `| null`. */
function nonNullTypeScriptOf(type: GraphQLType): string {
  if (isNonNullType(type)) return nonNullTypeScriptOf(type.ofType);
  if (isListType(type)) {
    const item = typeScriptOf(type.ofType);
    return item.includes(' ') ? `(${item})[]` : `${item}[]`;
  }
  if (isScalarType(type)) return BUILT_IN_SCALARS[type.name] ?? type.name;
  return type.name;
}

/** A description with its deprecation as a `@deprecated` tag; undefined when there is neither. */
function docOf(description: string | null | undefined, deprecationReason: string | null | undefined): string | undefined {
  const parts = [description, deprecationReason === undefined || deprecationReason === null ? undefined : `@deprecated ${deprecationReason}`];
  const text = parts.filter((part): part is string => Boolean(part)).join('\n');
  return text === '' ? undefined : text;
}

/** A JSDoc block indented by `indent`, ending in a newline; empty for no text. */
function jsDoc(text: string | null | undefined, indent: string): string {
  if (!text) return '';
  const lines = text
    .replaceAll('*/', '*\\/')
    .split('\n')
    .map((line) => line.trimEnd());
  if (lines.length === 1) return `${indent}/** ${lines[0]} */\n`;
  return `${indent}/**\n${lines.map((line) => (line === '' ? `${indent} *` : `${indent} * ${line}`)).join('\n')}\n${indent} */\n`;
}

/**
 * The name of an enum's values array: SCREAMING_SNAKE_CASE, plural (`TransactionKind` →
 * `TRANSACTION_KINDS`, `TopUpStatus` → `TOP_UP_STATUSES`).
 */
export function enumValuesConstName(enumName: string): string {
  const snake = enumName
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1_$2')
    .toUpperCase();
  if (/(S|X|Z|CH|SH)$/.test(snake)) return `${snake}ES`;
  if (/[^AEIOU]Y$/.test(snake)) return `${snake.slice(0, -1)}IES`;
  return `${snake}S`;
}

/** `npm run codegen`: writes client/src/apollo/generated/schema-types.ts from schema/schema.graphql. */
async function main(): Promise<void> {
  const sdl = await fs.readFile(path.resolve(process.cwd(), SCHEMA_FILE), 'utf8');
  const file = path.resolve(process.cwd(), CLIENT_TYPES_FILE);
  await fs.mkdir(path.dirname(file), { recursive: true });
  await fs.writeFile(file, generateClientTypes(sdl));
  console.log(`Wrote ${path.relative(process.cwd(), file)}`);
}

// Run only as a script: the staleness test imports generateClientTypes and must write nothing.
if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  await main();
}
