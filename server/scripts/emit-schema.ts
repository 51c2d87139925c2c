import 'reflect-metadata';
import fs from 'node:fs/promises';
import path from 'node:path';
import { createSchema, printSchemaFile } from '../graphql/schema.js';

/** `npm run schema:emit`: writes schema/schema.graphql from the type-graphql resolvers. */
const file = path.resolve(process.cwd(), 'schema/schema.graphql');
await fs.mkdir(path.dirname(file), { recursive: true });
await fs.writeFile(file, printSchemaFile(await createSchema()));
console.log(`Wrote ${path.relative(process.cwd(), file)}`);
