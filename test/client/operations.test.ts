import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { Kind, print, type OperationDefinitionNode } from 'graphql';
import { describe, expect, expectTypeOf } from 'vitest';
import {
  AnswerAddedDocument,
  DoctorListDocument,
  QuestionListDocument,
  QuestionPageDocument,
  type AnswerAddedSubscriptionVariables,
  type DoctorListQueryVariables,
  type DoctorOrder,
  type QuestionListQueryVariables,
  type QuestionOrder,
  type QuestionPageQueryVariables,
} from '../../src/client/generated/graphql';
import { issueCredential } from '../../src/auth/tokens';
import { bearer, errorsOf } from '../helpers/http';
import { eventually, subscribe, wsClient } from '../helpers/live';
import { graphql } from '../helpers/graphql';
import { it } from '../helpers/world';

// The example operations' variables are typed so that a client can send exactly what the server
// accepts: what the generated types allow is run here against the server, and what they refuse
// is refused by the server too.

const SLUG = 'is-scalp-micropigmentation-permanent';

/** Each operation with the values its required variables need. */
const queries: [string, TypedDocumentNode<unknown, Record<string, unknown>>, Record<string, unknown>][] = [
  ['QuestionList', QuestionListDocument as TypedDocumentNode<unknown, Record<string, unknown>>, {}],
  ['DoctorList', DoctorListDocument as TypedDocumentNode<unknown, Record<string, unknown>>, {}],
  ['QuestionPage', QuestionPageDocument as TypedDocumentNode<unknown, Record<string, unknown>>, { slug: SLUG }],
];

function variablesOf(document: TypedDocumentNode<unknown, Record<string, unknown>>) {
  const operation = document.definitions[0] as OperationDefinitionNode;
  return (operation.variableDefinitions ?? []).map((definition) => ({
    name: definition.variable.name.value,
    type: print(definition.type),
    nullable: definition.type.kind !== Kind.NON_NULL_TYPE,
    hasDefault: definition.defaultValue !== undefined,
  }));
}

describe.each(queries)('%s', (_name, document, required) => {
  it('runs with only its required variables', async ({ server }) => {
    const response = await server.request(document, required);
    expect(errorsOf(response)).toBeUndefined();
    expect(response.data).not.toBeNull();
  });

  it('runs with null for every variable its types let be null', async ({ server }) => {
    const nullable = variablesOf(document).filter((variable) => variable.nullable);
    expect(nullable.length).toBeGreaterThan(0);
    const response = await server.request(document, {
      ...required,
      ...Object.fromEntries(nullable.map((v) => [v.name, null])),
    });
    expect(errorsOf(response)).toBeUndefined();
  });

  it('declares non-null, with a default, every variable the server refuses as null', async ({ server }) => {
    for (const variable of variablesOf(document).filter((v) => !v.nullable && !(v.name in required))) {
      expect(variable.hasDefault).toBe(true);
      const response = await server.request(document, { ...required, [variable.name]: null });
      expect(errorsOf(response)).toEqual([
        {
          message: `Variable "$${variable.name}" of non-null type "${variable.type}" must not be null.`,
          path: undefined,
          extensions: { code: 'BAD_USER_INPUT' },
        },
      ]);
    }
  });
});

it('types the variables as the server takes them', () => {
  expectTypeOf<QuestionListQueryVariables['orderBy']>().toEqualTypeOf<QuestionOrder | undefined>();
  expectTypeOf<DoctorListQueryVariables['orderBy']>().toEqualTypeOf<DoctorOrder | undefined>();
  expectTypeOf<QuestionPageQueryVariables['blogs']>().toEqualTypeOf<number | undefined>();
  expectTypeOf<AnswerAddedSubscriptionVariables['questionId']>().toEqualTypeOf<string>();
  // @ts-expect-error the server refuses `orderBy: null`, so the type does too
  const listWithNullOrder: QuestionListQueryVariables = { orderBy: null };
  // @ts-expect-error the same for doctors
  const doctorsWithNullOrder: DoctorListQueryVariables = { orderBy: null };
  expect([listWithNullOrder, doctorsWithNullOrder]).toHaveLength(2);
});

it('has a typed answerAdded document that the server runs, with `after: null` as without it', async ({ server }) => {
  const page = await server.request(QuestionPageDocument, { slug: SLUG });
  const questionId = page.data!.question!.id;
  const client = wsClient(server.url);
  try {
    const live = subscribe(client, AnswerAddedDocument, {
      questionId,
      after: null,
    } satisfies AnswerAddedSubscriptionVariables);
    const fromFirst = subscribe(client, AnswerAddedDocument, {
      questionId,
      after: page.data!.question!.answers.edges.at(-1)!.cursor,
    } satisfies AnswerAddedSubscriptionVariables);
    // From the oldest answer on: the four after it, oldest first, with every field the page shows.
    const replayed = await fromFirst.waitFor(4);
    const shown = page.data!.question!.answers.edges.slice(0, 4).reverse();
    expect(replayed.map((event) => event.answerAdded)).toEqual(shown.map(({ cursor, node }) => ({ cursor, node })));
    // Without `after`, from now: the next answer is the first event.
    await eventually(() => server.pubSub.listenerCount() === 2, 5000, 'both subscriptions listening');
    const doctor = await server.db.doctor.findUniqueOrThrow({ where: { slug: 'harish-kumar-kabilan' } });
    const token = await issueCredential(server.db, { role: 'doctor', doctorId: doctor.id });
    const posted = await server.request(
      graphql(
        `mutation OperationsPostAnswer($input: PostAnswerInput!) { postAnswer(input: $input) { answer { id } } }`,
      ),
      { input: { questionId, body: 'A new answer.' } },
      bearer(token),
    );
    const [event] = await live.waitFor(1);
    expect(event!.answerAdded.node).toMatchObject({
      id: posted.data!.postAnswer.answer.id,
      body: 'A new answer.',
      editorial: false,
    });
    expect((await fromFirst.waitFor(5))[4]).toEqual(event);
    expect([live.errors, fromFirst.errors]).toEqual([[], []]);
  } finally {
    await client.dispose();
  }
});
