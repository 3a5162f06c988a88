import { PothosValidationError } from '@pothos/core';
import { GraphQLError } from 'graphql';
import { handleStreamOrSingleExecutionResult, type Plugin } from 'graphql-yoga';
import type { Context } from '../context';
import { databaseFailure } from '../db/failures';

/**
 * Sorts the errors of an execution result into the two kinds clients see:
 * - expected: GraphQLErrors we throw (with `extensions.code`) pass through unchanged, and Pothos'
 *   own argument errors (bad cursor, malformed global ID, …) become BAD_USER_INPUT;
 * - database failures (down, pool busy, timeouts, a locked row) get their own codes (src/db/failures.ts);
 * - unexpected: anything else is logged with its stack and the request id, and the client gets
 *   "Unexpected error." with that request id, so a report can be matched to the log line.
 * Yoga's own masking stays on behind this as a safety net for other phases.
 */
export function useErrorClassification(): Plugin<Context> {
  return {
    onExecute({ args }) {
      const ctx = args.contextValue;
      return {
        onExecuteDone(payload) {
          return handleStreamOrSingleExecutionResult(payload, ({ result, setResult }) => {
            if (!result.errors?.length) return;
            setResult({ ...result, errors: result.errors.map((error) => classify(error, ctx)) });
          });
        },
      };
    },
  };
}

function classify(error: GraphQLError, ctx: Context): GraphQLError {
  const original = error.originalError;
  const options = { nodes: error.nodes, source: error.source, positions: error.positions, path: error.path };
  // Checked first: PothosValidationError is itself a GraphQLError, but without a code.
  if (original instanceof PothosValidationError) {
    return new GraphQLError(original.message, { ...options, extensions: { code: 'BAD_USER_INPUT' } });
  }
  // A variable of the wrong type, or missing: graphql-js says which; the code says whose fault.
  // (Its `extensions.http` asks Yoga for status 400; kept.)
  if (!error.path && error.extensions.code === undefined && error.message.startsWith('Variable "$')) {
    return new GraphQLError(error.message, { ...options, extensions: { ...error.extensions, code: 'BAD_USER_INPUT' } });
  }
  // PostgreSQL cannot store or compare text with NUL characters ("invalid byte sequence", 22021):
  // a slug or filter argument that has one is the client's mistake, not ours.
  if (driverErrorCode(original) === '22021') {
    return new GraphQLError('Text arguments must not contain NUL characters (U+0000).', {
      ...options,
      extensions: { code: 'BAD_USER_INPUT' },
    });
  }
  if (!original || original instanceof GraphQLError) return error;
  // Database down, pool busy, statement or lock timeout: a 503 (409) the client can retry.
  const failure = databaseFailure(original, ctx.requestId, options);
  if (failure) {
    ctx.logger.warn({ err: original, path: error.path?.join('.'), code: failure.extensions.code }, 'database failure');
    return failure;
  }
  ctx.logger.error({ err: original, path: error.path?.join('.') }, 'unexpected error');
  return new GraphQLError('Unexpected error.', {
    ...options,
    extensions: { code: 'INTERNAL_SERVER_ERROR', requestId: ctx.requestId },
  });
}

/** The PostgreSQL error code behind a Prisma error, if there is one. */
function driverErrorCode(error: unknown): string | undefined {
  const meta = (error as { meta?: { driverAdapterError?: { cause?: { code?: unknown } } } } | undefined)?.meta;
  const code = meta?.driverAdapterError?.cause?.code;
  return typeof code === 'string' ? code : undefined;
}
