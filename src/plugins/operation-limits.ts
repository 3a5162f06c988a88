import { blockFieldSuggestionsPlugin } from '@escape.tech/graphql-armor-block-field-suggestions';
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesRule } from '@escape.tech/graphql-armor-max-directives';
import { maxTokensPlugin } from '@escape.tech/graphql-armor-max-tokens';
import { createComplexityRule } from '@pothos/plugin-complexity';
import {
  GraphQLError,
  Kind,
  NoSchemaIntrospectionCustomRule,
  validate,
  type DocumentNode,
  type GraphQLSchema,
  type ValidationContext,
} from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { Limits } from '../limits';

/**
 * Limits on the shape of an operation, checked before it runs (over HTTP, SSE and WebSocket, which
 * share this pipeline). A refused operation gets a GRAPHQL_VALIDATION_FAILED error (HTTP 400)
 * saying which limit it passed and how to stay under it (token limit: GRAPHQL_PARSE_FAILED).
 *
 * graphql-armor counts tokens (while parsing), depth, aliases and directives; the Pothos complexity
 * plugin estimates cost (src/schema/cost.ts) from the request's variables, so `first: $n` costs
 * what `$n` asks for.
 */
export function useOperationLimits(limits: Limits): Plugin[] {
  const advice = {
    depth: 'Select fewer levels of nested fields.',
    aliases: 'Use fewer aliases, or split the operation.',
    directives: 'Use fewer directives.',
  };
  // armor reports "Syntax Error: <limit> exceeded, found <n>." by default; the same, with advice.
  const refuse = (kind: keyof typeof advice) => (context: ValidationContext | null, error: GraphQLError) =>
    context?.reportError(new GraphQLError(`${error.message.replace(/^Syntax Error: /, '')} ${advice[kind]}`));
  const armor = { exposeLimits: true, propagateOnRejection: false } as const;

  const plugins: Plugin[] = [
    useParseErrorCode(),
    maxTokensPlugin({ n: limits.maxTokens }),
    {
      onValidate({ addValidationRule }) {
        // Fragments do not add a level: `... on Doctor { name }` is as deep as `name`.
        addValidationRule(
          maxDepthRule({ ...armor, n: limits.maxDepth, flattenFragments: true, onReject: [refuse('depth')] }),
        );
        addValidationRule(maxAliasesRule({ ...armor, n: limits.maxAliases, onReject: [refuse('aliases')] }));
        addValidationRule(maxDirectivesRule({ ...armor, n: limits.maxDirectives, onReject: [refuse('directives')] }));
        if (!limits.introspection) addValidationRule(NoSchemaIntrospectionCustomRule);
      },
    },
    useValidationAbortedAdvice(),
    useCostLimit(limits.maxCost),
  ];
  // "Did you mean …?" would spell out the schema to a client that cannot introspect it.
  if (!limits.fieldSuggestions) plugins.push(blockFieldSuggestionsPlugin({ mask: '' }));
  return plugins;
}

/**
 * Yoga marks a syntax error GRAPHQL_PARSE_FAILED (HTTP 400) only for HTTP requests, after parsing;
 * but it caches parse errors per document and rethrows them without that step. Marking every one
 * as it is made gives the same error whichever transport saw the document first.
 */
function useParseErrorCode(): Plugin {
  return {
    onParse() {
      return ({ result }) => {
        if (!(result instanceof GraphQLError)) return;
        const extensions = result.extensions as Record<string, unknown>;
        extensions.code ??= 'GRAPHQL_PARSE_FAILED';
        extensions.http ??= { spec: true, status: 400 };
      };
    },
  };
}

/** graphql-js gives up on documents with too many fields to compare, saying only this. */
const VALIDATION_ABORTED = 'Validation aborted.';

/** Says what to do about graphql-js' "Validation aborted.". */
function useValidationAbortedAdvice(): Plugin {
  return {
    onValidate() {
      return ({ valid, result, setResult }) => {
        if (valid || !result.some((error: Error) => error.message === VALIDATION_ABORTED)) return;
        setResult(
          result.map((error: Error) =>
            error.message === VALIDATION_ABORTED
              ? refusal(
                  'The operation selects too many fields to validate. Select fewer fields, or split the operation.',
                )
              : error,
          ),
        );
      };
    },
  };
}

/**
 * The cost limit, checked once the operation has passed validation and just before it runs: not as
 * a validation rule, because Yoga caches validation results per document while the cost depends on
 * each request's variables.
 */
function useCostLimit(maxCost: number): Plugin {
  // The cost depends only on the document and the variables, and computing it walks the whole
  // document with graphql-js' validator (7% of a question page's CPU): remember it for the
  // variable shapes each parsed document (Yoga reuses them) was last run with.
  const costs = new WeakMap<DocumentNode, Map<string, number>>();
  function costOf(args: {
    schema: GraphQLSchema;
    document: DocumentNode;
    variableValues?: unknown;
    operationName?: string | null;
    contextValue: unknown;
  }) {
    const variables =
      typeof args.variableValues === 'object' && args.variableValues !== null
        ? (args.variableValues as Record<string, unknown>)
        : {};
    const key = `${args.operationName ?? ''}\u0000${costShape(args.document, variables)}`;
    let known = costs.get(args.document);
    const cached = known?.get(key);
    if (cached !== undefined) return cached;
    let cost = 0;
    validate(args.schema, args.document, [
      createComplexityRule({
        context: args.contextValue as object,
        variableValues: variables,
        operationName: args.operationName ?? undefined,
        validate: ({ complexity }) => {
          cost = complexity;
        },
      }),
    ]);
    if (!known) {
      known = new Map();
      costs.set(args.document, known);
    }
    if (known.size >= 256) known.delete(known.keys().next().value!); // keep the newest 256
    known.set(key, cost);
    return cost;
  }
  // Only the cost: bad variables or an unknown operation name are left to execution, which
  // reports them as usual.
  function check(args: Parameters<typeof costOf>[0]) {
    const cost = costOf(args);
    if (cost <= maxCost) return [];
    return [
      refusal(
        `Query cost of ${cost} exceeds the limit of ${maxCost}. Ask for smaller pages (first/last) or fewer nested lists.`,
        { cost, maxCost },
      ),
    ];
  }
  return {
    onExecute({ args, setResultAndStopExecution }) {
      const errors = check(args);
      if (errors.length > 0) setResultAndStopExecution({ errors });
    },
    onSubscribe({ args, setResultAndStopExecution }) {
      const errors = check(args);
      if (errors.length > 0) setResultAndStopExecution({ errors });
    },
  };
}

/**
 * What of the variables can change an operation's cost: numbers (page sizes) and the length of
 * lists (`ids`); strings and input objects never do, so pages that differ only by slug share one
 * entry. Only the variables the document declares count, and nothing is walked: the key stays a
 * few bytes per variable however large or deeply nested the values sent.
 */
function costShape(document: DocumentNode, variables: Record<string, unknown>): string {
  const parts: string[] = [];
  for (const definition of document.definitions) {
    if (definition.kind !== Kind.OPERATION_DEFINITION) continue;
    for (const { variable } of definition.variableDefinitions ?? []) {
      const value = variables[variable.name.value];
      parts.push(typeof value === 'number' ? String(value) : Array.isArray(value) ? `[${value.length}]` : typeof value);
    }
  }
  return parts.join(',');
}

/** A validation error as Yoga makes them (code, HTTP 400), for errors Yoga's own hook does not see. */
function refusal(message: string, extensions: Record<string, unknown> = {}) {
  return new GraphQLError(message, {
    extensions: { ...extensions, code: 'GRAPHQL_VALIDATION_FAILED', http: { spec: true, status: 400 } },
  });
}
