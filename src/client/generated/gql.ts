/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "subscription AnswerAdded($questionId: ID!, $after: String) {\n  answerAdded(questionId: $questionId, after: $after) {\n    cursor\n    node {\n      id\n      body\n      answeredAt\n      lastEditedAt\n      editorial\n      author {\n        __typename\n        ... on Doctor {\n          name\n          slug\n          yearsOfExperience\n          profilePictureUrl\n          specialty {\n            name\n          }\n        }\n        ... on StaffMember {\n          name\n        }\n      }\n    }\n  }\n}": typeof types.AnswerAddedDocument,
    "query DoctorList($filter: DoctorFilter, $orderBy: DoctorOrder! = NAME, $first: Int = 20, $after: String) {\n  doctors(filter: $filter, orderBy: $orderBy, first: $first, after: $after) {\n    totalCount\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    edges {\n      node {\n        id\n        slug\n        name\n        yearsOfExperience\n        verified\n        answerCount\n        specialty {\n          slug\n          name\n        }\n        location {\n          country\n          city\n        }\n      }\n    }\n  }\n}": typeof types.DoctorListDocument,
    "query QuestionList($filter: QuestionFilter, $orderBy: QuestionOrder! = NEWEST, $first: Int = 20, $after: String) {\n  questions(filter: $filter, orderBy: $orderBy, first: $first, after: $after) {\n    totalCount\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    edges {\n      node {\n        id\n        slug\n        title\n        askedAt\n        answerCount\n        lastAnsweredAt\n      }\n    }\n  }\n}": typeof types.QuestionListDocument,
    "query QuestionPage($slug: String!, $answers: Int = 20, $blogs: Int! = 5) {\n  question(slug: $slug) {\n    id\n    slug\n    title\n    body\n    askedAt\n    askedAnonymously\n    answerCount\n    latestAnswerCursor\n    topics {\n      slug\n      name\n    }\n    answers(first: $answers) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        cursor\n        node {\n          id\n          body\n          answeredAt\n          lastEditedAt\n          editorial\n          author {\n            __typename\n            ... on Doctor {\n              name\n              slug\n              yearsOfExperience\n              profilePictureUrl\n              specialty {\n                name\n              }\n            }\n            ... on StaffMember {\n              name\n            }\n          }\n        }\n      }\n    }\n    relevantBlogs(first: $blogs) {\n      slug\n      title\n      url\n      publishedAt\n    }\n  }\n}": typeof types.QuestionPageDocument,
};
const documents: Documents = {
    "subscription AnswerAdded($questionId: ID!, $after: String) {\n  answerAdded(questionId: $questionId, after: $after) {\n    cursor\n    node {\n      id\n      body\n      answeredAt\n      lastEditedAt\n      editorial\n      author {\n        __typename\n        ... on Doctor {\n          name\n          slug\n          yearsOfExperience\n          profilePictureUrl\n          specialty {\n            name\n          }\n        }\n        ... on StaffMember {\n          name\n        }\n      }\n    }\n  }\n}": types.AnswerAddedDocument,
    "query DoctorList($filter: DoctorFilter, $orderBy: DoctorOrder! = NAME, $first: Int = 20, $after: String) {\n  doctors(filter: $filter, orderBy: $orderBy, first: $first, after: $after) {\n    totalCount\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    edges {\n      node {\n        id\n        slug\n        name\n        yearsOfExperience\n        verified\n        answerCount\n        specialty {\n          slug\n          name\n        }\n        location {\n          country\n          city\n        }\n      }\n    }\n  }\n}": types.DoctorListDocument,
    "query QuestionList($filter: QuestionFilter, $orderBy: QuestionOrder! = NEWEST, $first: Int = 20, $after: String) {\n  questions(filter: $filter, orderBy: $orderBy, first: $first, after: $after) {\n    totalCount\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    edges {\n      node {\n        id\n        slug\n        title\n        askedAt\n        answerCount\n        lastAnsweredAt\n      }\n    }\n  }\n}": types.QuestionListDocument,
    "query QuestionPage($slug: String!, $answers: Int = 20, $blogs: Int! = 5) {\n  question(slug: $slug) {\n    id\n    slug\n    title\n    body\n    askedAt\n    askedAnonymously\n    answerCount\n    latestAnswerCursor\n    topics {\n      slug\n      name\n    }\n    answers(first: $answers) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        cursor\n        node {\n          id\n          body\n          answeredAt\n          lastEditedAt\n          editorial\n          author {\n            __typename\n            ... on Doctor {\n              name\n              slug\n              yearsOfExperience\n              profilePictureUrl\n              specialty {\n                name\n              }\n            }\n            ... on StaffMember {\n              name\n            }\n          }\n        }\n      }\n    }\n    relevantBlogs(first: $blogs) {\n      slug\n      title\n      url\n      publishedAt\n    }\n  }\n}": types.QuestionPageDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "subscription AnswerAdded($questionId: ID!, $after: String) {\n  answerAdded(questionId: $questionId, after: $after) {\n    cursor\n    node {\n      id\n      body\n      answeredAt\n      lastEditedAt\n      editorial\n      author {\n        __typename\n        ... on Doctor {\n          name\n          slug\n          yearsOfExperience\n          profilePictureUrl\n          specialty {\n            name\n          }\n        }\n        ... on StaffMember {\n          name\n        }\n      }\n    }\n  }\n}"): (typeof documents)["subscription AnswerAdded($questionId: ID!, $after: String) {\n  answerAdded(questionId: $questionId, after: $after) {\n    cursor\n    node {\n      id\n      body\n      answeredAt\n      lastEditedAt\n      editorial\n      author {\n        __typename\n        ... on Doctor {\n          name\n          slug\n          yearsOfExperience\n          profilePictureUrl\n          specialty {\n            name\n          }\n        }\n        ... on StaffMember {\n          name\n        }\n      }\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query DoctorList($filter: DoctorFilter, $orderBy: DoctorOrder! = NAME, $first: Int = 20, $after: String) {\n  doctors(filter: $filter, orderBy: $orderBy, first: $first, after: $after) {\n    totalCount\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    edges {\n      node {\n        id\n        slug\n        name\n        yearsOfExperience\n        verified\n        answerCount\n        specialty {\n          slug\n          name\n        }\n        location {\n          country\n          city\n        }\n      }\n    }\n  }\n}"): (typeof documents)["query DoctorList($filter: DoctorFilter, $orderBy: DoctorOrder! = NAME, $first: Int = 20, $after: String) {\n  doctors(filter: $filter, orderBy: $orderBy, first: $first, after: $after) {\n    totalCount\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    edges {\n      node {\n        id\n        slug\n        name\n        yearsOfExperience\n        verified\n        answerCount\n        specialty {\n          slug\n          name\n        }\n        location {\n          country\n          city\n        }\n      }\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query QuestionList($filter: QuestionFilter, $orderBy: QuestionOrder! = NEWEST, $first: Int = 20, $after: String) {\n  questions(filter: $filter, orderBy: $orderBy, first: $first, after: $after) {\n    totalCount\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    edges {\n      node {\n        id\n        slug\n        title\n        askedAt\n        answerCount\n        lastAnsweredAt\n      }\n    }\n  }\n}"): (typeof documents)["query QuestionList($filter: QuestionFilter, $orderBy: QuestionOrder! = NEWEST, $first: Int = 20, $after: String) {\n  questions(filter: $filter, orderBy: $orderBy, first: $first, after: $after) {\n    totalCount\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    edges {\n      node {\n        id\n        slug\n        title\n        askedAt\n        answerCount\n        lastAnsweredAt\n      }\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query QuestionPage($slug: String!, $answers: Int = 20, $blogs: Int! = 5) {\n  question(slug: $slug) {\n    id\n    slug\n    title\n    body\n    askedAt\n    askedAnonymously\n    answerCount\n    latestAnswerCursor\n    topics {\n      slug\n      name\n    }\n    answers(first: $answers) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        cursor\n        node {\n          id\n          body\n          answeredAt\n          lastEditedAt\n          editorial\n          author {\n            __typename\n            ... on Doctor {\n              name\n              slug\n              yearsOfExperience\n              profilePictureUrl\n              specialty {\n                name\n              }\n            }\n            ... on StaffMember {\n              name\n            }\n          }\n        }\n      }\n    }\n    relevantBlogs(first: $blogs) {\n      slug\n      title\n      url\n      publishedAt\n    }\n  }\n}"): (typeof documents)["query QuestionPage($slug: String!, $answers: Int = 20, $blogs: Int! = 5) {\n  question(slug: $slug) {\n    id\n    slug\n    title\n    body\n    askedAt\n    askedAnonymously\n    answerCount\n    latestAnswerCursor\n    topics {\n      slug\n      name\n    }\n    answers(first: $answers) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        cursor\n        node {\n          id\n          body\n          answeredAt\n          lastEditedAt\n          editorial\n          author {\n            __typename\n            ... on Doctor {\n              name\n              slug\n              yearsOfExperience\n              profilePictureUrl\n              specialty {\n                name\n              }\n            }\n            ... on StaffMember {\n              name\n            }\n          }\n        }\n      }\n    }\n    relevantBlogs(first: $blogs) {\n      slug\n      title\n      url\n      publishedAt\n    }\n  }\n}"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;