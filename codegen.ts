import type { CodegenConfig } from '@graphql-codegen/cli';

/** Both targets read the committed schema.graphql; IDs are opaque Relay global IDs: strings, never numbers. */
const typesConfig = {
  useTypeImports: true,
  enumsAsTypes: true,
  scalars: { DateTime: 'string', ID: 'string' },
};

/**
 * Typed documents, generated from the committed schema.graphql: for the example client operations
 * in src/client/operations (src/client/generated/), and for the operations the tests write inline
 * as graphql(`…`) (test/generated/: its graphql() returns a typed document string for a known source).
 * `npm run codegen` writes them; `npm run check:drift` fails when stale.
 */
const config: CodegenConfig = {
  schema: 'schema.graphql',
  generates: {
    'src/client/generated/': {
      documents: ['src/client/operations/*.graphql'],
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: typesConfig,
    },
    'test/generated/': {
      documents: ['test/**/*.ts', '!test/generated/**'],
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      // Documents are typed strings (String objects): they print as their source wherever tests
      // send them raw (JSON bodies, URLs, graphql-ws), and carry their result and variables types.
      config: { ...typesConfig, documentMode: 'string' },
    },
  },
  // Only graphql(`…`) calls are test documents: strings a test sends as they are (invalid on purpose,
  // or built at run time) stay plain strings, whatever comment precedes them.
  pluckConfig: { gqlMagicComment: 'graphql(' },
  ignoreNoDocuments: false,
  silent: true,
};

export default config;
