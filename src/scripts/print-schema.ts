import { writeFileSync } from 'node:fs';
import { printedSchema, SCHEMA_FILE } from '../schema/print';

// Writes schema.graphql from the Pothos schema. `npm run check:drift` checks it is up to date.
writeFileSync(SCHEMA_FILE, printedSchema());
console.log(`wrote ${SCHEMA_FILE.pathname}`);
