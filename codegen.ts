import type { CodegenConfig } from '@graphql-codegen/cli';

/**
 * Typed documents for the example client operations in src/client/operations, generated from the
 * committed schema.graphql. `npm run codegen` writes them; `npm run check:drift` fails when stale.
 */
const config: CodegenConfig = {
  schema: 'schema.graphql',
  documents: ['src/client/operations/*.graphql'],
  generates: {
    'src/client/generated/': {
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: {
        useTypeImports: true,
        enumsAsTypes: true,
        // IDs are opaque Relay global IDs: strings, never numbers (which the server would refuse).
        scalars: { DateTime: 'string', ID: 'string' },
      },
    },
  },
  ignoreNoDocuments: false,
  silent: true,
};

export default config;
