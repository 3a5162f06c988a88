import { encodeGlobalID } from '@pothos/plugin-relay';
import { describe, expect } from 'vitest';
import { it } from '../helpers/world';
import { bearer } from '../helpers/http';
import { expectData, graphql } from '../helpers/graphql';
import { asked, editQuestion, questionGid } from './support';

/* Nothing tells who asked a question. Shared setup and documents: support.ts. */

describe('privacy of askers', () => {
  it('no field of Question exposes the asker', async ({ server }) => {
    const data = expectData(
      await server.request(
        graphql(`query AskType {
      __type(name: "Question") { fields(includeDeprecated: true) { name args { name } } }
    }`),
      ),
    );
    expect(data.__type!.fields!.map((field: { name: string }) => field.name).sort()).toEqual([
      'answerCount',
      'answers',
      'askedAnonymously',
      'askedAt',
      'body',
      'id',
      'lastAnsweredAt',
      'latestAnswerCursor',
      'relevantBlogs',
      'slug',
      'title',
      'topics',
    ]);
  });

  it('no type, field or argument of the schema names the asker, except the asker token of askQuestion (given and returned)', async ({
    server,
  }) => {
    const data = expectData(
      await server.request(
        graphql(`query AskSchema {
      __schema {
        types {
          name
          fields(includeDeprecated: true) { name args { name } }
          inputFields { name }
        }
      }
    }`),
      ),
    );
    const names: string[] = [];
    for (const type of data.__schema.types) {
      names.push(type.name!);
      for (const field of type.fields ?? []) {
        names.push(`${type.name}.${field.name}`);
        for (const arg of field.args) names.push(`${type.name}.${field.name}(${arg.name})`);
      }
      for (const field of type.inputFields ?? []) names.push(`${type.name}.${field.name}`);
    }
    // The token an asker passes back to ask again under it (issue 11), and the one they get.
    expect(names.filter((name) => /asker/i.test(name)).sort()).toEqual([
      'AskQuestionInput.askerToken',
      'AskQuestionPayload.askerToken',
    ]);
  });

  it("no error message names an asker's id", async ({ server }) => {
    const mine = await asked(server, 'Can stress cause grey hair?');
    const theirs = await asked(server, 'Can stress cause hair fall?');
    const askerIds = (
      await server.db.question.findMany({ where: { id: { in: [mine.id, theirs.id] } }, select: { askerId: true } })
    ).map((q) => q.askerId);
    const responses = [
      await editQuestion(server, { questionId: theirs.gid, title: 'Someone else’s question' }, bearer(mine.token)),
      await editQuestion(server, { questionId: theirs.gid }, bearer(mine.token)),
      await editQuestion(
        server,
        { questionId: questionGid(theirs.id + 100_000), title: 'A missing question' },
        bearer(mine.token),
      ),
      await server.request(
        graphql(
          `mutation AskPostAnswer($q: ID!) { postAnswer(input: { questionId: $q, body: "x" }) { answer { id } } }`,
        ),
        { q: theirs.gid },
        bearer(mine.token),
      ),
      await server.request(graphql(`query AskNode($id: ID!) { node(id: $id) { id } }`), {
        id: encodeGlobalID('Asker', askerIds[0]!),
      }),
    ];
    for (const response of responses) {
      expect(response.errors?.length).toBeGreaterThan(0);
      for (const error of response.errors!) {
        for (const askerId of askerIds) expect(error.message).not.toMatch(new RegExp(`\\b${askerId}\\b`));
        expect(JSON.stringify(error)).not.toMatch(/asker_?id/i);
      }
    }
  });
});
