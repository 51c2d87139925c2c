// Goal: every type, field, argument, enum value and input field of the public schema is described for integrators.
// Method: walk the schema the server builds and the committed schema/schema.graphql, and list everything without a description.
import fs from 'node:fs/promises';
import path from 'node:path';
import {
  buildSchema,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isObjectType,
  isSpecifiedScalarType,
  type GraphQLSchema,
} from 'graphql';
import { describe, expect, it } from 'vitest';
import { createSchema } from '../../server/graphql/schema.js';

/** Every schema element without a description, as `Type`, `Type.field`, `Type.field(argument)` or `Enum.VALUE`. */
function undescribed(schema: GraphQLSchema): string[] {
  const missing: string[] = [];
  const lacks = (description: string | null | undefined) => description === undefined || description === null || description.trim() === '';
  for (const type of Object.values(schema.getTypeMap())) {
    if (type.name.startsWith('__') || isSpecifiedScalarType(type)) continue;
    if (lacks(type.description)) missing.push(type.name);
    if (isObjectType(type) || isInterfaceType(type) || isInputObjectType(type)) {
      for (const field of Object.values(type.getFields())) {
        if (lacks(field.description)) missing.push(`${type.name}.${field.name}`);
        for (const argument of 'args' in field ? field.args : []) {
          if (lacks(argument.description)) missing.push(`${type.name}.${field.name}(${argument.name})`);
        }
      }
    }
    if (isEnumType(type)) {
      for (const value of type.getValues()) if (lacks(value.description)) missing.push(`${type.name}.${value.name}`);
    }
  }
  return missing;
}

describe('schema descriptions', () => {
  it('describes everything in the schema the server builds', async () => {
    expect(undescribed(await createSchema())).toEqual([]);
  });

  it('describes everything in the committed schema/schema.graphql', async () => {
    const committed = await fs.readFile(path.resolve('schema/schema.graphql'), 'utf8');
    expect(undescribed(buildSchema(committed))).toEqual([]);
  });

  it('names no specification document ("seed 000" … "seed 004"): descriptions say the behaviour itself', async () => {
    const committed = await fs.readFile(path.resolve('schema/schema.graphql'), 'utf8');
    expect(committed.match(/seed\s*0\d\d/gi) ?? []).toEqual([]);
  });
});
