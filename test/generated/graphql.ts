/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
export type AgreeWithAnswerInput = {
  answerId: string;
  /** Any unique string (16 to 128 letters, digits, "-" or "_"). Retrying with the same key within 24 hours returns the first result and writes nothing more. Keys are per credential; without one (an anonymous askQuestion) the key is the secret that gives the asker token back on a retry: at least 32 characters with 128 random bits, e.g. 16 random bytes in hex. */
  idempotencyKey?: string | null | undefined;
};

export type AnswerUpdateKind =
  /** The body changed; `answer` has the new one. */
  | 'EDITED'
  /** Staff hid the answer: remove it; `answer` is null. */
  | 'HIDDEN'
  /** Its agreeCount or thankCount changed; `answer` has the new counts. */
  | 'VOTED';

export type AskQuestionInput = {
  /** The asker token of an earlier question, to ask under it: one token then holds every question (see `viewer`). */
  askerToken?: string | null | undefined;
  /** 10 to 5000 characters, plain text. */
  body: string;
  /** Any unique string (16 to 128 letters, digits, "-" or "_"). Retrying with the same key within 24 hours returns the first result and writes nothing more. Keys are per credential; without one (an anonymous askQuestion) the key is the secret that gives the asker token back on a retry: at least 32 characters with 128 random bits, e.g. 16 random bytes in hex. */
  idempotencyKey?: string | null | undefined;
  /** 10 to 200 characters. */
  title: string;
  /** Slugs of up to 5 topics. */
  topics?: Array<string> | null | undefined;
};

export type EditAnswerInput = {
  answerId: string;
  /** The new text, 1 to 10000 characters. */
  body: string;
};

export type EditQuestionInput = {
  body?: string | null | undefined;
  questionId: string;
  title?: string | null | undefined;
};

export type FollowTopicInput = {
  /** Any unique string (16 to 128 letters, digits, "-" or "_"). Retrying with the same key within 24 hours returns the first result and writes nothing more. Keys are per credential; without one (an anonymous askQuestion) the key is the secret that gives the asker token back on a retry: at least 32 characters with 128 random bits, e.g. 16 random bytes in hex. */
  idempotencyKey?: string | null | undefined;
  /** The slug of the topic. */
  topic: string;
};

export type HideAnswerInput = {
  answerId: string;
};

export type MarkNotificationsReadInput = {
  /** Any unique string (16 to 128 letters, digits, "-" or "_"). Retrying with the same key within 24 hours returns the first result and writes nothing more. Keys are per credential; without one (an anonymous askQuestion) the key is the secret that gives the asker token back on a retry: at least 32 characters with 128 random bits, e.g. 16 random bytes in hex. */
  idempotencyKey?: string | null | undefined;
  /** Cursor of the newest notification read: it and every older one become read. */
  upTo: string;
};

export type NotificationKind =
  /** A doctor or the site's team answered one of your questions. */
  | 'ANSWER_ADDED'
  /** An answer you have seen was edited. */
  | 'ANSWER_EDITED'
  /** An answer you have seen was hidden by the site's team. */
  | 'ANSWER_HIDDEN';

export type PostAnswerInput = {
  /** Plain text, 1 to 10000 characters. */
  body: string;
  /** Any unique string (16 to 128 letters, digits, "-" or "_"). Retrying with the same key within 24 hours returns the first result and writes nothing more. Keys are per credential; without one (an anonymous askQuestion) the key is the secret that gives the asker token back on a retry: at least 32 characters with 128 random bits, e.g. 16 random bytes in hex. */
  idempotencyKey?: string | null | undefined;
  questionId: string;
};

/** Questions with any of these topics, or any topic of the specialty. Both may be given. */
export type QuestionFeedFilter = {
  /** A specialty slug: the topics its doctors answer. */
  specialty?: string | null | undefined;
  /** Topic slugs, at most 20. */
  topics?: Array<string> | null | undefined;
};

export type ThankAnswerInput = {
  answerId: string;
  /** Any unique string (16 to 128 letters, digits, "-" or "_"). Retrying with the same key within 24 hours returns the first result and writes nothing more. Keys are per credential; without one (an anonymous askQuestion) the key is the secret that gives the asker token back on a retry: at least 32 characters with 128 random bits, e.g. 16 random bytes in hex. */
  idempotencyKey?: string | null | undefined;
};

export type UnfollowTopicInput = {
  /** Any unique string (16 to 128 letters, digits, "-" or "_"). Retrying with the same key within 24 hours returns the first result and writes nothing more. Keys are per credential; without one (an anonymous askQuestion) the key is the secret that gives the asker token back on a retry: at least 32 characters with 128 random bits, e.g. 16 random bytes in hex. */
  idempotencyKey?: string | null | undefined;
  /** The slug of the topic. */
  topic: string;
};

export type ViewerRole =
  /** No credential. */
  | 'ANONYMOUS'
  /** An asker token: the questions asked with it and their notifications. */
  | 'ASKER'
  /** A doctor credential. */
  | 'DOCTOR'
  /** A credential of the site's team. */
  | 'STAFF';

export type WithdrawAgreementInput = {
  answerId: string;
  /** Any unique string (16 to 128 letters, digits, "-" or "_"). Retrying with the same key within 24 hours returns the first result and writes nothing more. Keys are per credential; without one (an anonymous askQuestion) the key is the secret that gives the asker token back on a retry: at least 32 characters with 128 random bits, e.g. 16 random bytes in hex. */
  idempotencyKey?: string | null | undefined;
};

export type ConcurrencyPostAnswerMutationVariables = Exact<{
  input: PostAnswerInput;
}>;


export type ConcurrencyPostAnswerMutation = { postAnswer: { answer: { id: string } } };

export type FanOutQuestionQueryVariables = Exact<{ [key: string]: never; }>;


export type FanOutQuestionQuery = { question: { id: string } | null };

export type FanOutAnswerAddedSubscriptionVariables = Exact<{
  q: string;
}>;


export type FanOutAnswerAddedSubscription = { answerAdded: { node: { body: string, author:
        | { name: string, yearsOfExperience: number }
        | Record<PropertyKey, never>
       } } };

export type FanOutPostAnswerMutationVariables = Exact<{
  input: PostAnswerInput;
}>;


export type FanOutPostAnswerMutation = { postAnswer: { answer: { body: string } } };

export type MutationsNodeQueryVariables = Exact<{
  id: string;
}>;


export type MutationsNodeQuery = { node:
    | { body: string, id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
   | null, nodes: Array<
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
   | null> };

export type MutationsQuestionsQueryVariables = Exact<{
  answered?: boolean | null | undefined;
}>;


export type MutationsQuestionsQuery = { questions: { edges: Array<{ node: { id: string } }> } };

export type MutationsNode2QueryVariables = Exact<{
  id: string;
}>;


export type MutationsNode2Query = { node:
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
   | null };

export type IdempotencyPostAnswerMutationVariables = Exact<{
  input: PostAnswerInput;
}>;


export type IdempotencyPostAnswerMutation = { postAnswer: { answer: { id: string, body: string } } };

export type SubscriptionsPostAnswerMutationVariables = Exact<{
  input: PostAnswerInput;
}>;


export type SubscriptionsPostAnswerMutation = { postAnswer: { answer: { id: string } } };

export type SubscriptionsAnswerAddedSubscriptionVariables = Exact<{
  questionId: string;
  after?: string | null | undefined;
}>;


export type SubscriptionsAnswerAddedSubscription = { answerAdded: { cursor: string, node: { body: string, author:
        | { __typename: 'Doctor', name: string, specialty: { name: string } | null }
        | { __typename: 'StaffMember', name: string }
       } } };

export type SubscriptionsAskQuestionMutationVariables = Exact<{
  input: AskQuestionInput;
}>;


export type SubscriptionsAskQuestionMutation = { askQuestion: { question: { id: string } } };

export type SubscriptionsQuestionQueryVariables = Exact<{
  id: string;
}>;


export type SubscriptionsQuestionQuery = { question: { answers: { edges: Array<{ cursor: string }> } } | null };

export type SubscriptionsAnswerUpdatedSubscriptionVariables = Exact<{
  questionId: string;
}>;


export type SubscriptionsAnswerUpdatedSubscription = { answerUpdated: { kind: AnswerUpdateKind, answerId: string, answer: { body: string, lastEditedAt: string | null } | null } };

export type SubscriptionsEditAnswerMutationVariables = Exact<{
  input: EditAnswerInput;
}>;


export type SubscriptionsEditAnswerMutation = { editAnswer: { answer: { id: string } } };

export type SubscriptionsHideAnswerMutationVariables = Exact<{
  input: HideAnswerInput;
}>;


export type SubscriptionsHideAnswerMutation = { hideAnswer: { answerId: string } };

export type PostAnswerMutationVariables = Exact<{
  input: PostAnswerInput;
}>;


export type PostAnswerMutation = { postAnswer: { answer: { id: string, body: string, answeredAt: string, lastEditedAt: string | null, editorial: boolean, author:
        | { __typename: 'Doctor', name: string, specialty: { name: string } | null }
        | { __typename: 'StaffMember', name: string }
      , question: { answerCount: number } } } };

export type EditAnswerMutationVariables = Exact<{
  input: EditAnswerInput;
}>;


export type EditAnswerMutation = { editAnswer: { answer: { id: string, body: string, answeredAt: string, lastEditedAt: string | null, editorial: boolean, author:
        | { __typename: 'Doctor', name: string }
        | { __typename: 'StaffMember', name: string }
       } } };

export type HideAnswerMutationVariables = Exact<{
  input: HideAnswerInput;
}>;


export type HideAnswerMutation = { hideAnswer: { answerId: string, hiddenAt: string } };

export type QuestionAnswersQueryVariables = Exact<{
  id: string;
  first?: number | null | undefined;
  after?: string | null | undefined;
  last?: number | null | undefined;
  before?: string | null | undefined;
}>;


export type QuestionAnswersQuery = { question: { answerCount: number, lastAnsweredAt: string | null, answers: { totalCount: number, pageInfo: { hasNextPage: boolean, hasPreviousPage: boolean }, edges: Array<{ cursor: string, node: { id: string, body: string, lastEditedAt: string | null } }> } } | null };

export type DoctorAnswersQueryVariables = Exact<{
  id: string;
}>;


export type DoctorAnswersQuery = { doctor: { answerCount: number, answers: { totalCount: number, edges: Array<{ cursor: string, node: { id: string, body: string } }> } } | null };

export type CredentialsTopicsQueryVariables = Exact<{ [key: string]: never; }>;


export type CredentialsTopicsQuery = { topics: Array<{ slug: string }> };

export type ConsistencyPostAnswerMutationVariables = Exact<{
  input: PostAnswerInput;
}>;


export type ConsistencyPostAnswerMutation = { postAnswer: { answer: { body: string } } };

export type ResponseCachePostAnswerMutationVariables = Exact<{
  input: PostAnswerInput;
}>;


export type ResponseCachePostAnswerMutation = { postAnswer: { answer: { id: string } } };

export type ResponseCacheDoctorQueryVariables = Exact<{ [key: string]: never; }>;


export type ResponseCacheDoctorQuery = { doctor: { answerCount: number } | null };

export type ResponseCacheEditAnswerMutationVariables = Exact<{
  input: EditAnswerInput;
}>;


export type ResponseCacheEditAnswerMutation = { editAnswer: { answer: { id: string } } };

export type ResponseCacheHideAnswerMutationVariables = Exact<{
  input: HideAnswerInput;
}>;


export type ResponseCacheHideAnswerMutation = { hideAnswer: { answerId: string } };

export type ApolloPageAskQuestionMutationVariables = Exact<{
  input: AskQuestionInput;
}>;


export type ApolloPageAskQuestionMutation = { askQuestion: { question: { id: string, slug: string } } };

export type ApolloPagePostAnswerMutationVariables = Exact<{
  input: PostAnswerInput;
}>;


export type ApolloPagePostAnswerMutation = { postAnswer: { answer: { id: string } } };

export type LatestAnswerCursorAskQuestionMutationVariables = Exact<{
  input: AskQuestionInput;
}>;


export type LatestAnswerCursorAskQuestionMutation = { askQuestion: { question: { id: string, slug: string } } };

export type LatestAnswerCursorPostAnswerMutationVariables = Exact<{
  input: PostAnswerInput;
}>;


export type LatestAnswerCursorPostAnswerMutation = { postAnswer: { answer: { id: string } } };

export type LatestAnswerCursorHideAnswerMutationVariables = Exact<{
  id: string;
}>;


export type LatestAnswerCursorHideAnswerMutation = { hideAnswer: { answerId: string } };

export type LiveAnswersAskQuestionMutationVariables = Exact<{
  input: AskQuestionInput;
}>;


export type LiveAnswersAskQuestionMutation = { askQuestion: { question: { id: string, slug: string } } };

export type LiveAnswersPostAnswerMutationVariables = Exact<{
  input: PostAnswerInput;
}>;


export type LiveAnswersPostAnswerMutation = { postAnswer: { answer: { body: string } } };

export type OperationsPostAnswerMutationVariables = Exact<{
  input: PostAnswerInput;
}>;


export type OperationsPostAnswerMutation = { postAnswer: { answer: { id: string } } };

export type EmbeddedDurabilityAskQuestionMutationVariables = Exact<{
  input: AskQuestionInput;
}>;


export type EmbeddedDurabilityAskQuestionMutation = { askQuestion: { question: { id: string } } };

export type EmbeddedDurabilityNodesQueryVariables = Exact<{
  ids: Array<string> | string;
}>;


export type EmbeddedDurabilityNodesQuery = { nodes: Array<
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
   | null> };

export type EmbeddedQuestionQueryVariables = Exact<{
  slug: string;
}>;


export type EmbeddedQuestionQuery = { question: { id: string, answerCount: number } | null };

export type EmbeddedAskQuestionMutationVariables = Exact<{
  input: AskQuestionInput;
}>;


export type EmbeddedAskQuestionMutation = { askQuestion: { question: { id: string } } };

export type EmbeddedPostAnswerMutationVariables = Exact<{
  input: PostAnswerInput;
}>;


export type EmbeddedPostAnswerMutation = { postAnswer: { answer: { id: string } } };

export type HaproxyAskQuestionMutationVariables = Exact<{
  input: AskQuestionInput;
}>;


export type HaproxyAskQuestionMutation = { askQuestion: { question: { id: string } } };

export type HaproxyPostAnswerMutationVariables = Exact<{
  input: PostAnswerInput;
}>;


export type HaproxyPostAnswerMutation = { postAnswer: { answer: { body: string } } };

export type HaproxyNodeQueryVariables = Exact<{
  id: string;
}>;


export type HaproxyNodeQuery = { node:
    | { answers: { edges: Array<{ cursor: string }> } }
    | Record<PropertyKey, never>
   | null };

export type PgbouncerLocksQuestionQueryVariables = Exact<{
  slug: string;
}>;


export type PgbouncerLocksQuestionQuery = { question: { title: string } | null };

export type PgbouncerLocksPostAnswerMutationVariables = Exact<{
  input: PostAnswerInput;
}>;


export type PgbouncerLocksPostAnswerMutation = { postAnswer: { answer: { body: string } } };

export type PgbouncerQuestionQueryVariables = Exact<{
  slug: string;
}>;


export type PgbouncerQuestionQuery = { question: { title: string, answerCount: number, answers: { edges: Array<{ node: { body: string } }> } } | null };

export type RedisClusterAskQuestionMutationVariables = Exact<{
  input: AskQuestionInput;
}>;


export type RedisClusterAskQuestionMutation = { askQuestion: { question: { id: string } } };

export type RedisClusterPostAnswerMutationVariables = Exact<{
  input: PostAnswerInput;
}>;


export type RedisClusterPostAnswerMutation = { postAnswer: { answer: { body: string } } };

export type RedisClusterAnswerAddedSubscriptionVariables = Exact<{
  q: string;
}>;


export type RedisClusterAnswerAddedSubscription = { answerAdded: { cursor: string, node: { body: string } } };

export type DeployResumingAnswerAddedSubscriptionVariables = Exact<{
  q: string;
  after?: string | null | undefined;
}>;


export type DeployResumingAnswerAddedSubscription = { answerAdded: { cursor: string, node: { body: string } } };

export type DoctorsDoctorQueryVariables = Exact<{
  slug: string;
}>;


export type DoctorsDoctorQuery = { doctor: { name: string, answers: { totalCount: number, edges: Array<{ node: { question: { title: string } } }> } } | null };

export type DoctorsDoctor2QueryVariables = Exact<{ [key: string]: never; }>;


export type DoctorsDoctor2Query = { doctor: { name: string } | null };

export type DoctorsSpecialtiesQueryVariables = Exact<{ [key: string]: never; }>;


export type DoctorsSpecialtiesQuery = { specialties: Array<{ name: string }> };

export type EmbeddedPageQueryVariables = Exact<{ [key: string]: never; }>;


export type EmbeddedPageQuery = { question: { answerCount: number, answers: { edges: Array<{ node: { author:
            | { name: string }
            | { name: string }
           } }> } } | null };

export type InstancesAnswerAddedSubscriptionVariables = Exact<{
  q: string;
  after?: string | null | undefined;
}>;


export type InstancesAnswerAddedSubscription = { answerAdded: { cursor: string, node: { body: string } } };

export type InstancesAskQuestionMutationVariables = Exact<{
  input: AskQuestionInput;
}>;


export type InstancesAskQuestionMutation = { askQuestion: { question: { id: string } } };

export type InstancesPostAnswerMutationVariables = Exact<{
  input: PostAnswerInput;
}>;


export type InstancesPostAnswerMutation = { postAnswer: { answer: { body: string } } };

export type InstancesNodeQueryVariables = Exact<{
  id: string;
}>;


export type InstancesNodeQuery = { node:
    | { answers: { edges: Array<{ cursor: string }> } }
    | Record<PropertyKey, never>
   | null };

export type LocksQuestionQueryVariables = Exact<{
  slug: string;
}>;


export type LocksQuestionQuery = { question: { title: string, answers: { totalCount: number } } | null };

export type LocksPostAnswerMutationVariables = Exact<{
  input: PostAnswerInput;
}>;


export type LocksPostAnswerMutation = { postAnswer: { answer: { body: string } } };

export type PostgresKillPostAnswerMutationVariables = Exact<{
  input: PostAnswerInput;
}>;


export type PostgresKillPostAnswerMutation = { postAnswer: { answer: { id: string, body: string } } };

export type PostgresKillQuestionQueryVariables = Exact<{
  slug: string;
}>;


export type PostgresKillQuestionQuery = { question: { answerCount: number } | null };

export type PostgresQuestionQueryVariables = Exact<{
  slug: string;
}>;


export type PostgresQuestionQuery = { question: { title: string, answerCount: number } | null };

export type PostgresPostAnswerMutationVariables = Exact<{
  input: PostAnswerInput;
}>;


export type PostgresPostAnswerMutation = { postAnswer: { answer: { body: string } } };

export type RedisNodeQueryVariables = Exact<{
  id: string;
}>;


export type RedisNodeQuery = { node:
    | { answerCount: number }
    | Record<PropertyKey, never>
   | null };

export type RedisAnswerAddedSubscriptionVariables = Exact<{
  q: string;
}>;


export type RedisAnswerAddedSubscription = { answerAdded: { cursor: string, node: { body: string } } };

export type RedisPostAnswerMutationVariables = Exact<{
  input: PostAnswerInput;
}>;


export type RedisPostAnswerMutation = { postAnswer: { answer: { body: string } } };

export type RedisAskQuestionMutationVariables = Exact<{
  input: AskQuestionInput;
}>;


export type RedisAskQuestionMutation = { askQuestion: { question: { id: string } } };

export type ShutdownPostAnswerMutationVariables = Exact<{
  input: PostAnswerInput;
}>;


export type ShutdownPostAnswerMutation = { postAnswer: { answer: { body: string } } };

export type ShutdownAnswerAddedSubscriptionVariables = Exact<{
  q: string;
  after?: string | null | undefined;
}>;


export type ShutdownAnswerAddedSubscription = { answerAdded: { cursor: string } };

export type FeedQuestionAskedSubscriptionVariables = Exact<{
  filter?: QuestionFeedFilter | null | undefined;
  after?: string | null | undefined;
}>;


export type FeedQuestionAskedSubscription = { questionAsked: { cursor: string, node: { title: string } } };

export type FeedFollowTopicMutationVariables = Exact<{
  input: FollowTopicInput;
}>;


export type FeedFollowTopicMutation = { followTopic: { topic: { slug: string }, followedTopics: Array<{ slug: string }> } };

export type FeedUnfollowTopicMutationVariables = Exact<{
  input: UnfollowTopicInput;
}>;


export type FeedUnfollowTopicMutation = { unfollowTopic: { followedTopics: Array<{ slug: string }> } };

export type FeedAskQuestionMutationVariables = Exact<{
  input: AskQuestionInput;
}>;


export type FeedAskQuestionMutation = { askQuestion: { question: { id: string } } };

export type FeedUnansweredQuestionsQueryVariables = Exact<{ [key: string]: never; }>;


export type FeedUnansweredQuestionsQuery = { unansweredQuestions: { edges: Array<{ node: { title: string, answerCount: number, topics: Array<{ slug: string }> } }> } };

export type FeedUnansweredQuestions2QueryVariables = Exact<{ [key: string]: never; }>;


export type FeedUnansweredQuestions2Query = { unansweredQuestions: { edges: Array<{ cursor: string }> } };

export type CorsAskQuestionMutationVariables = Exact<{
  input: AskQuestionInput;
}>;


export type CorsAskQuestionMutation = { askQuestion: { question: { id: string } } };

export type GraphiqlPostAnswerMutationVariables = Exact<{
  input: PostAnswerInput;
}>;


export type GraphiqlPostAnswerMutation = { postAnswer: { answer: { id: string } } };

export type BadInputAskQuestionMutationVariables = Exact<{
  input: AskQuestionInput;
}>;


export type BadInputAskQuestionMutation = { askQuestion: { question: { id: string } } };

export type BadInputPostAnswerMutationVariables = Exact<{
  input: PostAnswerInput;
}>;


export type BadInputPostAnswerMutation = { postAnswer: { answer: { id: string } } };

export type BadInputEditQuestionMutationVariables = Exact<{
  input: EditQuestionInput;
}>;


export type BadInputEditQuestionMutation = { editQuestion: { question: { id: string } } };

export type BadInputQuestionQueryVariables = Exact<{
  s?: string | null | undefined;
}>;


export type BadInputQuestionQuery = { question: { id: string } | null };

export type BadInputUnchangedQueryVariables = Exact<{
  slug: string;
}>;


export type BadInputUnchangedQuery = { question: { title: string, answers: { totalCount: number } } | null };

export type BadInputAskMutationVariables = Exact<{
  input: AskQuestionInput;
}>;


export type BadInputAskMutation = { askQuestion: { question: { id: string, slug: string, title: string, body: string } } };

export type BadInputAsWrittenQueryVariables = Exact<{
  slug: string;
}>;


export type BadInputAsWrittenQuery = { question: { title: string, body: string, answers: { edges: Array<{ node: { body: string } }> } } | null };

export type LimitsAnswerAddedSubscriptionVariables = Exact<{
  q: string;
}>;


export type LimitsAnswerAddedSubscription = { answerAdded: { node: { question: { answers: { edges: Array<{ node: { question: { answers: { edges: Array<{ node: { id: string } }> } } } }> } } } } };

export type LimitsTopicsQueryVariables = Exact<{ [key: string]: never; }>;


export type LimitsTopicsQuery = { topics: Array<{ name: string }> };

export type NodesNodesQueryVariables = Exact<{
  ids: Array<string> | string;
}>;


export type NodesNodesQuery = { nodes: Array<
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
   | null> };

export type RateLimitsTopicsQueryVariables = Exact<{ [key: string]: never; }>;


export type RateLimitsTopicsQuery = { topics: Array<{ name: string }> };

export type RateLimitsAskQuestionMutationVariables = Exact<{
  input: AskQuestionInput;
}>;


export type RateLimitsAskQuestionMutation = { askQuestion: { askerToken: string, question: { id: string } } };

export type RateLimitsPostAnswerMutationVariables = Exact<{
  input: PostAnswerInput;
}>;


export type RateLimitsPostAnswerMutation = { postAnswer: { answer: { id: string } } };

export type SlowConnectionsTopicsQueryVariables = Exact<{ [key: string]: never; }>;


export type SlowConnectionsTopicsQuery = { topics: Array<{ slug: string }> };

export type SlowReadersAnswerAddedSubscriptionVariables = Exact<{
  q: string;
}>;


export type SlowReadersAnswerAddedSubscription = { answerAdded: { cursor: string, node: { body: string } } };

export type SlowReadersPostAnswerMutationVariables = Exact<{
  input: PostAnswerInput;
}>;


export type SlowReadersPostAnswerMutation = { postAnswer: { answer: { id: string } } };

export type SlowReadersTopicsQueryVariables = Exact<{ [key: string]: never; }>;


export type SlowReadersTopicsQuery = { topics: Array<{ slug: string }> };

export type PageQueryVariables = Exact<{
  slug: string;
}>;


export type PageQuery = { question: { title: string, answerCount: number, answers: { edges: Array<{ node: { answeredAt: string } }> } } | null };

export type WorldQuestionIdQueryVariables = Exact<{
  slug: string;
}>;


export type WorldQuestionIdQuery = { question: { id: string } | null };

export type WorldAskMutationVariables = Exact<{
  input: AskQuestionInput;
}>;


export type WorldAskMutation = { askQuestion: { askerToken: string, question: { id: string, slug: string, title: string } } };

export type WorldPostAnswerMutationVariables = Exact<{
  input: PostAnswerInput;
}>;


export type WorldPostAnswerMutation = { postAnswer: { answer: { id: string, body: string } } };

export type TwoInstancesAskQuestionMutationVariables = Exact<{
  input: AskQuestionInput;
}>;


export type TwoInstancesAskQuestionMutation = { askQuestion: { askerToken: string, question: { id: string } } };

export type TwoInstancesQuestionAskedSubscriptionVariables = Exact<{
  filter?: QuestionFeedFilter | null | undefined;
}>;


export type TwoInstancesQuestionAskedSubscription = { questionAsked: { node: { title: string } } };

export type TwoInstancesAgreeWithAnswerMutationVariables = Exact<{
  input: AgreeWithAnswerInput;
}>;


export type TwoInstancesAgreeWithAnswerMutation = { agreeWithAnswer: { answer: { agreeCount: number } } };

export type TwoInstancesViewerQueryVariables = Exact<{ [key: string]: never; }>;


export type TwoInstancesViewerQuery = { viewer: { role: ViewerRole, questions: { edges: Array<{ unseenAnswerCount: number, node: { title: string } }> } | null, notifications: { unreadCount: number } | null } };

export type InboxViewerQueryVariables = Exact<{ [key: string]: never; }>;


export type InboxViewerQuery = { viewer: { role: ViewerRole, questions: { totalCount: number, edges: Array<{ unseenAnswerCount: number, node: { title: string } }> } | null } };

export type InboxViewer2QueryVariables = Exact<{ [key: string]: never; }>;


export type InboxViewer2Query = { viewer: { role: ViewerRole, doctor: { name: string } | null } };

export type InboxAskQuestionMutationVariables = Exact<{
  input: AskQuestionInput;
}>;


export type InboxAskQuestionMutation = { askQuestion: { askerToken: string } };

export type LiveViewerQueryVariables = Exact<{ [key: string]: never; }>;


export type LiveViewerQuery = { viewer: { role: ViewerRole, notifications: { unreadCount: number } | null, questions: { totalCount: number } | null } };

export type LiveViewer2QueryVariables = Exact<{ [key: string]: never; }>;


export type LiveViewer2Query = { viewer: { notifications: { unreadCount: number } | null } };

export type NotificationsSupportAskQuestionMutationVariables = Exact<{
  input: AskQuestionInput;
}>;


export type NotificationsSupportAskQuestionMutation = { askQuestion: { askerToken: string, question: { id: string, title: string } } };

export type NotificationsSupportPostAnswerMutationVariables = Exact<{
  input: PostAnswerInput;
}>;


export type NotificationsSupportPostAnswerMutation = { postAnswer: { answer: { id: string } } };

export type NotificationsSupportMarkNotificationsReadMutationVariables = Exact<{
  input: MarkNotificationsReadInput;
}>;


export type NotificationsSupportMarkNotificationsReadMutation = { markNotificationsRead: { marked: number, unreadCount: number } };

export type NotificationsSupportViewerQueryVariables = Exact<{ [key: string]: never; }>;


export type NotificationsSupportViewerQuery = { viewer: { role: ViewerRole, notifications: { unreadCount: number, totalCount: number, edges: Array<{ cursor: string, node: { kind: NotificationKind, read: boolean, question: { title: string }, answer: { body: string } | null } }> } | null } };

export type NotificationsSupportNotificationAddedSubscriptionVariables = Exact<{
  after?: string | null | undefined;
}>;


export type NotificationsSupportNotificationAddedSubscription = { notificationAdded: { cursor: string, node: { kind: NotificationKind, question: { title: string }, answer: { body: string } | null } } };

export type PerfLoadAnswerAddedSubscriptionVariables = Exact<{
  q: string;
}>;


export type PerfLoadAnswerAddedSubscription = { answerAdded: { node: { body: string } } };

export type ErrorsTopicsQueryVariables = Exact<{ [key: string]: never; }>;


export type ErrorsTopicsQuery = { topics: Array<{ name: string }> };

export type LeaksAskQuestionMutationVariables = Exact<{
  input: AskQuestionInput;
}>;


export type LeaksAskQuestionMutation = { askQuestion: { question: { id: string } } };

export type AskQuestionQueryVariables = Exact<{
  slug: string;
}>;


export type AskQuestionQuery = { question: { id: string, title: string } | null };

export type AskQuestion2QueryVariables = Exact<{
  id: string;
}>;


export type AskQuestion2Query = { question: { title: string } | null };

export type IdempotencyAskQuestionMutationVariables = Exact<{
  input: AskQuestionInput;
}>;


export type IdempotencyAskQuestionMutation = { askQuestion: { askerToken: string, question: { id: string, title: string } } };

export type IdempotencyEditQuestionMutationVariables = Exact<{
  input: EditQuestionInput;
}>;


export type IdempotencyEditQuestionMutation = { editQuestion: { question: { title: string } } };

export type AskTypeQueryVariables = Exact<{ [key: string]: never; }>;


export type AskTypeQuery = { __type: { fields: Array<{ name: string, args: Array<{ name: string }> }> | null } | null };

export type AskSchemaQueryVariables = Exact<{ [key: string]: never; }>;


export type AskSchemaQuery = { __schema: { types: Array<{ name: string | null, fields: Array<{ name: string, args: Array<{ name: string }> }> | null, inputFields: Array<{ name: string }> | null }> } };

export type AskPostAnswerMutationVariables = Exact<{
  q: string;
}>;


export type AskPostAnswerMutation = { postAnswer: { answer: { id: string } } };

export type AskNodeQueryVariables = Exact<{
  id: string;
}>;


export type AskNodeQuery = { node:
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
   | null };

export type QuestionsQuestionQueryVariables = Exact<{ [key: string]: never; }>;


export type QuestionsQuestionQuery = { question: { id: string, title: string } | null };

export type QuestionsQuestion2QueryVariables = Exact<{
  id: string;
}>;


export type QuestionsQuestion2Query = { question: { title: string } | null, node:
    | { slug: string }
    | Record<PropertyKey, never>
   | null };

export type QuestionsNodeQueryVariables = Exact<{
  ids: Array<string> | string;
  id: string;
}>;


export type QuestionsNodeQuery = { node:
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
   | null, nodes: Array<
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
   | null> };

export type QuestionsQuestion3QueryVariables = Exact<{ [key: string]: never; }>;


export type QuestionsQuestion3Query = { question: { title: string } | null };

export type AskMutationVariables = Exact<{
  input: AskQuestionInput;
}>;


export type AskMutation = { askQuestion: { askerToken: string, question: { id: string, title: string, body: string, slug: string, askedAt: string, askedAnonymously: boolean, answerCount: number, lastAnsweredAt: string | null, topics: Array<{ slug: string }>, answers: { totalCount: number } } } };

export type EditQuestionMutationVariables = Exact<{
  input: EditQuestionInput;
}>;


export type EditQuestionMutation = { editQuestion: { question: { id: string, title: string, body: string, slug: string } } };

export type SqlOperationsNodesQueryVariables = Exact<{
  ids: Array<string> | string;
}>;


export type SqlOperationsNodesQuery = { nodes: Array<
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
   | null> };

export type SqlOperationsPostAnswerMutationVariables = Exact<{
  input: PostAnswerInput;
}>;


export type SqlOperationsPostAnswerMutation = { postAnswer: { answer: { id: string } } };

export type CacheQuestionQueryVariables = Exact<{ [key: string]: never; }>;


export type CacheQuestionQuery = { question: { answers: { edges: Array<{ node: { id: string, agreeCount: number, agreedBy: { edges: Array<{ node: { name: string } }> }, author:
            | { slug: string }
            | Record<PropertyKey, never>
           } }> } } | null };

export type CacheAgreeWithAnswerMutationVariables = Exact<{
  input: AgreeWithAnswerInput;
}>;


export type CacheAgreeWithAnswerMutation = { agreeWithAnswer: { answer: { agreeCount: number } } };

export type VotesAnswerUpdatedSubscriptionVariables = Exact<{
  q: string;
}>;


export type VotesAnswerUpdatedSubscription = { answerUpdated: { kind: AnswerUpdateKind, answer: { agreeCount: number, thankCount: number } | null } };

export type VotesAgreeWithAnswerMutationVariables = Exact<{
  input: AgreeWithAnswerInput;
}>;


export type VotesAgreeWithAnswerMutation = { agreeWithAnswer: { answer: { agreeCount: number, thankCount: number, agreedBy: { edges: Array<{ node: { name: string } }> } } } };

export type VotesWithdrawAgreementMutationVariables = Exact<{
  input: WithdrawAgreementInput;
}>;


export type VotesWithdrawAgreementMutation = { withdrawAgreement: { answer: { agreeCount: number } } };

export type VotesThankAnswerMutationVariables = Exact<{
  input: ThankAnswerInput;
}>;


export type VotesThankAnswerMutation = { thankAnswer: { answer: { agreeCount: number, thankCount: number } } };

export type WorldCheckQueryVariables = Exact<{
  id: string;
}>;


export type WorldCheckQuery = { node:
    | { title: string, answerCount: number, answers: { edges: Array<{ node: { id: string, body: string, author:
              | { name: string }
              | Record<PropertyKey, never>
             } }> } }
    | Record<PropertyKey, never>
   | null };

export class TypedDocumentString<TResult, TVariables>
  extends String
  implements DocumentTypeDecoration<TResult, TVariables>
{
  __apiType?: NonNullable<DocumentTypeDecoration<TResult, TVariables>['__apiType']>;
  private value: string;
  public __meta__?: Record<string, any> | undefined;

  constructor(value: string, __meta__?: Record<string, any> | undefined) {
    super(value);
    this.value = value;
    this.__meta__ = __meta__;
  }

  override toString(): string & DocumentTypeDecoration<TResult, TVariables> {
    return this.value;
  }
}

export const ConcurrencyPostAnswerDocument = new TypedDocumentString(`
    mutation ConcurrencyPostAnswer($input: PostAnswerInput!) {
  postAnswer(input: $input) {
    answer {
      id
    }
  }
}
    `) as unknown as TypedDocumentString<ConcurrencyPostAnswerMutation, ConcurrencyPostAnswerMutationVariables>;
export const FanOutQuestionDocument = new TypedDocumentString(`
    query FanOutQuestion {
  question(slug: "is-scalp-micropigmentation-permanent") {
    id
  }
}
    `) as unknown as TypedDocumentString<FanOutQuestionQuery, FanOutQuestionQueryVariables>;
export const FanOutAnswerAddedDocument = new TypedDocumentString(`
    subscription FanOutAnswerAdded($q: ID!) {
  answerAdded(questionId: $q) {
    node {
      body
      author {
        ... on Doctor {
          name
          yearsOfExperience
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<FanOutAnswerAddedSubscription, FanOutAnswerAddedSubscriptionVariables>;
export const FanOutPostAnswerDocument = new TypedDocumentString(`
    mutation FanOutPostAnswer($input: PostAnswerInput!) {
  postAnswer(input: $input) {
    answer {
      body
    }
  }
}
    `) as unknown as TypedDocumentString<FanOutPostAnswerMutation, FanOutPostAnswerMutationVariables>;
export const MutationsNodeDocument = new TypedDocumentString(`
    query MutationsNode($id: ID!) {
  node(id: $id) {
    id
    ... on Answer {
      body
    }
  }
  nodes(ids: [$id]) {
    id
  }
}
    `) as unknown as TypedDocumentString<MutationsNodeQuery, MutationsNodeQueryVariables>;
export const MutationsQuestionsDocument = new TypedDocumentString(`
    query MutationsQuestions($answered: Boolean) {
  questions(filter: {answered: $answered}, first: 100) {
    edges {
      node {
        id
      }
    }
  }
}
    `) as unknown as TypedDocumentString<MutationsQuestionsQuery, MutationsQuestionsQueryVariables>;
export const MutationsNode2Document = new TypedDocumentString(`
    query MutationsNode2($id: ID!) {
  node(id: $id) {
    id
  }
}
    `) as unknown as TypedDocumentString<MutationsNode2Query, MutationsNode2QueryVariables>;
export const IdempotencyPostAnswerDocument = new TypedDocumentString(`
    mutation IdempotencyPostAnswer($input: PostAnswerInput!) {
  postAnswer(input: $input) {
    answer {
      id
      body
    }
  }
}
    `) as unknown as TypedDocumentString<IdempotencyPostAnswerMutation, IdempotencyPostAnswerMutationVariables>;
export const SubscriptionsPostAnswerDocument = new TypedDocumentString(`
    mutation SubscriptionsPostAnswer($input: PostAnswerInput!) {
  postAnswer(input: $input) {
    answer {
      id
    }
  }
}
    `) as unknown as TypedDocumentString<SubscriptionsPostAnswerMutation, SubscriptionsPostAnswerMutationVariables>;
export const SubscriptionsAnswerAddedDocument = new TypedDocumentString(`
    subscription SubscriptionsAnswerAdded($questionId: ID!, $after: String) {
  answerAdded(questionId: $questionId, after: $after) {
    cursor
    node {
      body
      author {
        __typename
        ... on Doctor {
          name
          specialty {
            name
          }
        }
        ... on StaffMember {
          name
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<SubscriptionsAnswerAddedSubscription, SubscriptionsAnswerAddedSubscriptionVariables>;
export const SubscriptionsAskQuestionDocument = new TypedDocumentString(`
    mutation SubscriptionsAskQuestion($input: AskQuestionInput!) {
  askQuestion(input: $input) {
    question {
      id
    }
  }
}
    `) as unknown as TypedDocumentString<SubscriptionsAskQuestionMutation, SubscriptionsAskQuestionMutationVariables>;
export const SubscriptionsQuestionDocument = new TypedDocumentString(`
    query SubscriptionsQuestion($id: ID!) {
  question(id: $id) {
    answers(order: OLDEST_FIRST) {
      edges {
        cursor
      }
    }
  }
}
    `) as unknown as TypedDocumentString<SubscriptionsQuestionQuery, SubscriptionsQuestionQueryVariables>;
export const SubscriptionsAnswerUpdatedDocument = new TypedDocumentString(`
    subscription SubscriptionsAnswerUpdated($questionId: ID!) {
  answerUpdated(questionId: $questionId) {
    kind
    answerId
    answer {
      body
      lastEditedAt
    }
  }
}
    `) as unknown as TypedDocumentString<SubscriptionsAnswerUpdatedSubscription, SubscriptionsAnswerUpdatedSubscriptionVariables>;
export const SubscriptionsEditAnswerDocument = new TypedDocumentString(`
    mutation SubscriptionsEditAnswer($input: EditAnswerInput!) {
  editAnswer(input: $input) {
    answer {
      id
    }
  }
}
    `) as unknown as TypedDocumentString<SubscriptionsEditAnswerMutation, SubscriptionsEditAnswerMutationVariables>;
export const SubscriptionsHideAnswerDocument = new TypedDocumentString(`
    mutation SubscriptionsHideAnswer($input: HideAnswerInput!) {
  hideAnswer(input: $input) {
    answerId
  }
}
    `) as unknown as TypedDocumentString<SubscriptionsHideAnswerMutation, SubscriptionsHideAnswerMutationVariables>;
export const PostAnswerDocument = new TypedDocumentString(`
    mutation PostAnswer($input: PostAnswerInput!) {
  postAnswer(input: $input) {
    answer {
      id
      body
      answeredAt
      lastEditedAt
      editorial
      author {
        __typename
        ... on Doctor {
          name
          specialty {
            name
          }
        }
        ... on StaffMember {
          name
        }
      }
      question {
        answerCount
      }
    }
  }
}
    `) as unknown as TypedDocumentString<PostAnswerMutation, PostAnswerMutationVariables>;
export const EditAnswerDocument = new TypedDocumentString(`
    mutation EditAnswer($input: EditAnswerInput!) {
  editAnswer(input: $input) {
    answer {
      id
      body
      answeredAt
      lastEditedAt
      editorial
      author {
        __typename
        ... on Doctor {
          name
        }
        ... on StaffMember {
          name
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<EditAnswerMutation, EditAnswerMutationVariables>;
export const HideAnswerDocument = new TypedDocumentString(`
    mutation HideAnswer($input: HideAnswerInput!) {
  hideAnswer(input: $input) {
    answerId
    hiddenAt
  }
}
    `) as unknown as TypedDocumentString<HideAnswerMutation, HideAnswerMutationVariables>;
export const QuestionAnswersDocument = new TypedDocumentString(`
    query QuestionAnswers($id: ID!, $first: Int, $after: String, $last: Int, $before: String) {
  question(id: $id) {
    answerCount
    lastAnsweredAt
    answers(first: $first, after: $after, last: $last, before: $before) {
      totalCount
      pageInfo {
        hasNextPage
        hasPreviousPage
      }
      edges {
        cursor
        node {
          id
          body
          lastEditedAt
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<QuestionAnswersQuery, QuestionAnswersQueryVariables>;
export const DoctorAnswersDocument = new TypedDocumentString(`
    query DoctorAnswers($id: ID!) {
  doctor(id: $id) {
    answerCount
    answers(first: 100) {
      totalCount
      edges {
        cursor
        node {
          id
          body
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<DoctorAnswersQuery, DoctorAnswersQueryVariables>;
export const CredentialsTopicsDocument = new TypedDocumentString(`
    query CredentialsTopics {
  topics {
    slug
  }
}
    `) as unknown as TypedDocumentString<CredentialsTopicsQuery, CredentialsTopicsQueryVariables>;
export const ConsistencyPostAnswerDocument = new TypedDocumentString(`
    mutation ConsistencyPostAnswer($input: PostAnswerInput!) {
  postAnswer(input: $input) {
    answer {
      body
    }
  }
}
    `) as unknown as TypedDocumentString<ConsistencyPostAnswerMutation, ConsistencyPostAnswerMutationVariables>;
export const ResponseCachePostAnswerDocument = new TypedDocumentString(`
    mutation ResponseCachePostAnswer($input: PostAnswerInput!) {
  postAnswer(input: $input) {
    answer {
      id
    }
  }
}
    `) as unknown as TypedDocumentString<ResponseCachePostAnswerMutation, ResponseCachePostAnswerMutationVariables>;
export const ResponseCacheDoctorDocument = new TypedDocumentString(`
    query ResponseCacheDoctor {
  doctor(slug: "archit-aggarwal") {
    answerCount
  }
}
    `) as unknown as TypedDocumentString<ResponseCacheDoctorQuery, ResponseCacheDoctorQueryVariables>;
export const ResponseCacheEditAnswerDocument = new TypedDocumentString(`
    mutation ResponseCacheEditAnswer($input: EditAnswerInput!) {
  editAnswer(input: $input) {
    answer {
      id
    }
  }
}
    `) as unknown as TypedDocumentString<ResponseCacheEditAnswerMutation, ResponseCacheEditAnswerMutationVariables>;
export const ResponseCacheHideAnswerDocument = new TypedDocumentString(`
    mutation ResponseCacheHideAnswer($input: HideAnswerInput!) {
  hideAnswer(input: $input) {
    answerId
  }
}
    `) as unknown as TypedDocumentString<ResponseCacheHideAnswerMutation, ResponseCacheHideAnswerMutationVariables>;
export const ApolloPageAskQuestionDocument = new TypedDocumentString(`
    mutation ApolloPageAskQuestion($input: AskQuestionInput!) {
  askQuestion(input: $input) {
    question {
      id
      slug
    }
  }
}
    `) as unknown as TypedDocumentString<ApolloPageAskQuestionMutation, ApolloPageAskQuestionMutationVariables>;
export const ApolloPagePostAnswerDocument = new TypedDocumentString(`
    mutation ApolloPagePostAnswer($input: PostAnswerInput!) {
  postAnswer(input: $input) {
    answer {
      id
    }
  }
}
    `) as unknown as TypedDocumentString<ApolloPagePostAnswerMutation, ApolloPagePostAnswerMutationVariables>;
export const LatestAnswerCursorAskQuestionDocument = new TypedDocumentString(`
    mutation LatestAnswerCursorAskQuestion($input: AskQuestionInput!) {
  askQuestion(input: $input) {
    question {
      id
      slug
    }
  }
}
    `) as unknown as TypedDocumentString<LatestAnswerCursorAskQuestionMutation, LatestAnswerCursorAskQuestionMutationVariables>;
export const LatestAnswerCursorPostAnswerDocument = new TypedDocumentString(`
    mutation LatestAnswerCursorPostAnswer($input: PostAnswerInput!) {
  postAnswer(input: $input) {
    answer {
      id
    }
  }
}
    `) as unknown as TypedDocumentString<LatestAnswerCursorPostAnswerMutation, LatestAnswerCursorPostAnswerMutationVariables>;
export const LatestAnswerCursorHideAnswerDocument = new TypedDocumentString(`
    mutation LatestAnswerCursorHideAnswer($id: ID!) {
  hideAnswer(input: {answerId: $id}) {
    answerId
  }
}
    `) as unknown as TypedDocumentString<LatestAnswerCursorHideAnswerMutation, LatestAnswerCursorHideAnswerMutationVariables>;
export const LiveAnswersAskQuestionDocument = new TypedDocumentString(`
    mutation LiveAnswersAskQuestion($input: AskQuestionInput!) {
  askQuestion(input: $input) {
    question {
      id
      slug
    }
  }
}
    `) as unknown as TypedDocumentString<LiveAnswersAskQuestionMutation, LiveAnswersAskQuestionMutationVariables>;
export const LiveAnswersPostAnswerDocument = new TypedDocumentString(`
    mutation LiveAnswersPostAnswer($input: PostAnswerInput!) {
  postAnswer(input: $input) {
    answer {
      body
    }
  }
}
    `) as unknown as TypedDocumentString<LiveAnswersPostAnswerMutation, LiveAnswersPostAnswerMutationVariables>;
export const OperationsPostAnswerDocument = new TypedDocumentString(`
    mutation OperationsPostAnswer($input: PostAnswerInput!) {
  postAnswer(input: $input) {
    answer {
      id
    }
  }
}
    `) as unknown as TypedDocumentString<OperationsPostAnswerMutation, OperationsPostAnswerMutationVariables>;
export const EmbeddedDurabilityAskQuestionDocument = new TypedDocumentString(`
    mutation EmbeddedDurabilityAskQuestion($input: AskQuestionInput!) {
  askQuestion(input: $input) {
    question {
      id
    }
  }
}
    `) as unknown as TypedDocumentString<EmbeddedDurabilityAskQuestionMutation, EmbeddedDurabilityAskQuestionMutationVariables>;
export const EmbeddedDurabilityNodesDocument = new TypedDocumentString(`
    query EmbeddedDurabilityNodes($ids: [ID!]!) {
  nodes(ids: $ids) {
    id
  }
}
    `) as unknown as TypedDocumentString<EmbeddedDurabilityNodesQuery, EmbeddedDurabilityNodesQueryVariables>;
export const EmbeddedQuestionDocument = new TypedDocumentString(`
    query EmbeddedQuestion($slug: String!) {
  question(slug: $slug) {
    id
    answerCount
  }
}
    `) as unknown as TypedDocumentString<EmbeddedQuestionQuery, EmbeddedQuestionQueryVariables>;
export const EmbeddedAskQuestionDocument = new TypedDocumentString(`
    mutation EmbeddedAskQuestion($input: AskQuestionInput!) {
  askQuestion(input: $input) {
    question {
      id
    }
  }
}
    `) as unknown as TypedDocumentString<EmbeddedAskQuestionMutation, EmbeddedAskQuestionMutationVariables>;
export const EmbeddedPostAnswerDocument = new TypedDocumentString(`
    mutation EmbeddedPostAnswer($input: PostAnswerInput!) {
  postAnswer(input: $input) {
    answer {
      id
    }
  }
}
    `) as unknown as TypedDocumentString<EmbeddedPostAnswerMutation, EmbeddedPostAnswerMutationVariables>;
export const HaproxyAskQuestionDocument = new TypedDocumentString(`
    mutation HaproxyAskQuestion($input: AskQuestionInput!) {
  askQuestion(input: $input) {
    question {
      id
    }
  }
}
    `) as unknown as TypedDocumentString<HaproxyAskQuestionMutation, HaproxyAskQuestionMutationVariables>;
export const HaproxyPostAnswerDocument = new TypedDocumentString(`
    mutation HaproxyPostAnswer($input: PostAnswerInput!) {
  postAnswer(input: $input) {
    answer {
      body
    }
  }
}
    `) as unknown as TypedDocumentString<HaproxyPostAnswerMutation, HaproxyPostAnswerMutationVariables>;
export const HaproxyNodeDocument = new TypedDocumentString(`
    query HaproxyNode($id: ID!) {
  node(id: $id) {
    ... on Question {
      answers {
        edges {
          cursor
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<HaproxyNodeQuery, HaproxyNodeQueryVariables>;
export const PgbouncerLocksQuestionDocument = new TypedDocumentString(`
    query PgbouncerLocksQuestion($slug: String!) {
  question(slug: $slug) {
    title
  }
}
    `) as unknown as TypedDocumentString<PgbouncerLocksQuestionQuery, PgbouncerLocksQuestionQueryVariables>;
export const PgbouncerLocksPostAnswerDocument = new TypedDocumentString(`
    mutation PgbouncerLocksPostAnswer($input: PostAnswerInput!) {
  postAnswer(input: $input) {
    answer {
      body
    }
  }
}
    `) as unknown as TypedDocumentString<PgbouncerLocksPostAnswerMutation, PgbouncerLocksPostAnswerMutationVariables>;
export const PgbouncerQuestionDocument = new TypedDocumentString(`
    query PgbouncerQuestion($slug: String!) {
  question(slug: $slug) {
    title
    answerCount
    answers(first: 2) {
      edges {
        node {
          body
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<PgbouncerQuestionQuery, PgbouncerQuestionQueryVariables>;
export const RedisClusterAskQuestionDocument = new TypedDocumentString(`
    mutation RedisClusterAskQuestion($input: AskQuestionInput!) {
  askQuestion(input: $input) {
    question {
      id
    }
  }
}
    `) as unknown as TypedDocumentString<RedisClusterAskQuestionMutation, RedisClusterAskQuestionMutationVariables>;
export const RedisClusterPostAnswerDocument = new TypedDocumentString(`
    mutation RedisClusterPostAnswer($input: PostAnswerInput!) {
  postAnswer(input: $input) {
    answer {
      body
    }
  }
}
    `) as unknown as TypedDocumentString<RedisClusterPostAnswerMutation, RedisClusterPostAnswerMutationVariables>;
export const RedisClusterAnswerAddedDocument = new TypedDocumentString(`
    subscription RedisClusterAnswerAdded($q: ID!) {
  answerAdded(questionId: $q) {
    cursor
    node {
      body
    }
  }
}
    `) as unknown as TypedDocumentString<RedisClusterAnswerAddedSubscription, RedisClusterAnswerAddedSubscriptionVariables>;
export const DeployResumingAnswerAddedDocument = new TypedDocumentString(`
    subscription DeployResumingAnswerAdded($q: ID!, $after: String) {
  answerAdded(questionId: $q, after: $after) {
    cursor
    node {
      body
    }
  }
}
    `) as unknown as TypedDocumentString<DeployResumingAnswerAddedSubscription, DeployResumingAnswerAddedSubscriptionVariables>;
export const DoctorsDoctorDocument = new TypedDocumentString(`
    query DoctorsDoctor($slug: String!) {
  doctor(slug: $slug) {
    name
    answers(first: 1) {
      totalCount
      edges {
        node {
          question {
            title
          }
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<DoctorsDoctorQuery, DoctorsDoctorQueryVariables>;
export const DoctorsDoctor2Document = new TypedDocumentString(`
    query DoctorsDoctor2 {
  doctor(slug: "nobody") {
    name
  }
}
    `) as unknown as TypedDocumentString<DoctorsDoctor2Query, DoctorsDoctor2QueryVariables>;
export const DoctorsSpecialtiesDocument = new TypedDocumentString(`
    query DoctorsSpecialties {
  specialties {
    name
  }
}
    `) as unknown as TypedDocumentString<DoctorsSpecialtiesQuery, DoctorsSpecialtiesQueryVariables>;
export const EmbeddedPageDocument = new TypedDocumentString(`
    query EmbeddedPage {
  question(slug: "is-scalp-micropigmentation-permanent") {
    answerCount
    answers {
      edges {
        node {
          author {
            ... on Doctor {
              name
            }
            ... on StaffMember {
              name
            }
          }
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<EmbeddedPageQuery, EmbeddedPageQueryVariables>;
export const InstancesAnswerAddedDocument = new TypedDocumentString(`
    subscription InstancesAnswerAdded($q: ID!, $after: String) {
  answerAdded(questionId: $q, after: $after) {
    cursor
    node {
      body
    }
  }
}
    `) as unknown as TypedDocumentString<InstancesAnswerAddedSubscription, InstancesAnswerAddedSubscriptionVariables>;
export const InstancesAskQuestionDocument = new TypedDocumentString(`
    mutation InstancesAskQuestion($input: AskQuestionInput!) {
  askQuestion(input: $input) {
    question {
      id
    }
  }
}
    `) as unknown as TypedDocumentString<InstancesAskQuestionMutation, InstancesAskQuestionMutationVariables>;
export const InstancesPostAnswerDocument = new TypedDocumentString(`
    mutation InstancesPostAnswer($input: PostAnswerInput!) {
  postAnswer(input: $input) {
    answer {
      body
    }
  }
}
    `) as unknown as TypedDocumentString<InstancesPostAnswerMutation, InstancesPostAnswerMutationVariables>;
export const InstancesNodeDocument = new TypedDocumentString(`
    query InstancesNode($id: ID!) {
  node(id: $id) {
    ... on Question {
      answers {
        edges {
          cursor
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<InstancesNodeQuery, InstancesNodeQueryVariables>;
export const LocksQuestionDocument = new TypedDocumentString(`
    query LocksQuestion($slug: String!) {
  question(slug: $slug) {
    title
    answers(first: 1) {
      totalCount
    }
  }
}
    `) as unknown as TypedDocumentString<LocksQuestionQuery, LocksQuestionQueryVariables>;
export const LocksPostAnswerDocument = new TypedDocumentString(`
    mutation LocksPostAnswer($input: PostAnswerInput!) {
  postAnswer(input: $input) {
    answer {
      body
    }
  }
}
    `) as unknown as TypedDocumentString<LocksPostAnswerMutation, LocksPostAnswerMutationVariables>;
export const PostgresKillPostAnswerDocument = new TypedDocumentString(`
    mutation PostgresKillPostAnswer($input: PostAnswerInput!) {
  postAnswer(input: $input) {
    answer {
      id
      body
    }
  }
}
    `) as unknown as TypedDocumentString<PostgresKillPostAnswerMutation, PostgresKillPostAnswerMutationVariables>;
export const PostgresKillQuestionDocument = new TypedDocumentString(`
    query PostgresKillQuestion($slug: String!) {
  question(slug: $slug) {
    answerCount
  }
}
    `) as unknown as TypedDocumentString<PostgresKillQuestionQuery, PostgresKillQuestionQueryVariables>;
export const PostgresQuestionDocument = new TypedDocumentString(`
    query PostgresQuestion($slug: String!) {
  question(slug: $slug) {
    title
    answerCount
  }
}
    `) as unknown as TypedDocumentString<PostgresQuestionQuery, PostgresQuestionQueryVariables>;
export const PostgresPostAnswerDocument = new TypedDocumentString(`
    mutation PostgresPostAnswer($input: PostAnswerInput!) {
  postAnswer(input: $input) {
    answer {
      body
    }
  }
}
    `) as unknown as TypedDocumentString<PostgresPostAnswerMutation, PostgresPostAnswerMutationVariables>;
export const RedisNodeDocument = new TypedDocumentString(`
    query RedisNode($id: ID!) {
  node(id: $id) {
    ... on Question {
      answerCount
    }
  }
}
    `) as unknown as TypedDocumentString<RedisNodeQuery, RedisNodeQueryVariables>;
export const RedisAnswerAddedDocument = new TypedDocumentString(`
    subscription RedisAnswerAdded($q: ID!) {
  answerAdded(questionId: $q) {
    cursor
    node {
      body
    }
  }
}
    `) as unknown as TypedDocumentString<RedisAnswerAddedSubscription, RedisAnswerAddedSubscriptionVariables>;
export const RedisPostAnswerDocument = new TypedDocumentString(`
    mutation RedisPostAnswer($input: PostAnswerInput!) {
  postAnswer(input: $input) {
    answer {
      body
    }
  }
}
    `) as unknown as TypedDocumentString<RedisPostAnswerMutation, RedisPostAnswerMutationVariables>;
export const RedisAskQuestionDocument = new TypedDocumentString(`
    mutation RedisAskQuestion($input: AskQuestionInput!) {
  askQuestion(input: $input) {
    question {
      id
    }
  }
}
    `) as unknown as TypedDocumentString<RedisAskQuestionMutation, RedisAskQuestionMutationVariables>;
export const ShutdownPostAnswerDocument = new TypedDocumentString(`
    mutation ShutdownPostAnswer($input: PostAnswerInput!) {
  postAnswer(input: $input) {
    answer {
      body
    }
  }
}
    `) as unknown as TypedDocumentString<ShutdownPostAnswerMutation, ShutdownPostAnswerMutationVariables>;
export const ShutdownAnswerAddedDocument = new TypedDocumentString(`
    subscription ShutdownAnswerAdded($q: ID!, $after: String) {
  answerAdded(questionId: $q, after: $after) {
    cursor
  }
}
    `) as unknown as TypedDocumentString<ShutdownAnswerAddedSubscription, ShutdownAnswerAddedSubscriptionVariables>;
export const FeedQuestionAskedDocument = new TypedDocumentString(`
    subscription FeedQuestionAsked($filter: QuestionFeedFilter, $after: String) {
  questionAsked(filter: $filter, after: $after) {
    cursor
    node {
      title
    }
  }
}
    `) as unknown as TypedDocumentString<FeedQuestionAskedSubscription, FeedQuestionAskedSubscriptionVariables>;
export const FeedFollowTopicDocument = new TypedDocumentString(`
    mutation FeedFollowTopic($input: FollowTopicInput!) {
  followTopic(input: $input) {
    topic {
      slug
    }
    followedTopics {
      slug
    }
  }
}
    `) as unknown as TypedDocumentString<FeedFollowTopicMutation, FeedFollowTopicMutationVariables>;
export const FeedUnfollowTopicDocument = new TypedDocumentString(`
    mutation FeedUnfollowTopic($input: UnfollowTopicInput!) {
  unfollowTopic(input: $input) {
    followedTopics {
      slug
    }
  }
}
    `) as unknown as TypedDocumentString<FeedUnfollowTopicMutation, FeedUnfollowTopicMutationVariables>;
export const FeedAskQuestionDocument = new TypedDocumentString(`
    mutation FeedAskQuestion($input: AskQuestionInput!) {
  askQuestion(input: $input) {
    question {
      id
    }
  }
}
    `) as unknown as TypedDocumentString<FeedAskQuestionMutation, FeedAskQuestionMutationVariables>;
export const FeedUnansweredQuestionsDocument = new TypedDocumentString(`
    query FeedUnansweredQuestions {
  unansweredQuestions(first: 100) {
    edges {
      node {
        title
        answerCount
        topics {
          slug
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<FeedUnansweredQuestionsQuery, FeedUnansweredQuestionsQueryVariables>;
export const FeedUnansweredQuestions2Document = new TypedDocumentString(`
    query FeedUnansweredQuestions2 {
  unansweredQuestions(filter: {topics: ["no-such-topic"]}) {
    edges {
      cursor
    }
  }
}
    `) as unknown as TypedDocumentString<FeedUnansweredQuestions2Query, FeedUnansweredQuestions2QueryVariables>;
export const CorsAskQuestionDocument = new TypedDocumentString(`
    mutation CorsAskQuestion($input: AskQuestionInput!) {
  askQuestion(input: $input) {
    question {
      id
    }
  }
}
    `) as unknown as TypedDocumentString<CorsAskQuestionMutation, CorsAskQuestionMutationVariables>;
export const GraphiqlPostAnswerDocument = new TypedDocumentString(`
    mutation GraphiqlPostAnswer($input: PostAnswerInput!) {
  postAnswer(input: $input) {
    answer {
      id
    }
  }
}
    `) as unknown as TypedDocumentString<GraphiqlPostAnswerMutation, GraphiqlPostAnswerMutationVariables>;
export const BadInputAskQuestionDocument = new TypedDocumentString(`
    mutation BadInputAskQuestion($input: AskQuestionInput!) {
  askQuestion(input: $input) {
    question {
      id
    }
  }
}
    `) as unknown as TypedDocumentString<BadInputAskQuestionMutation, BadInputAskQuestionMutationVariables>;
export const BadInputPostAnswerDocument = new TypedDocumentString(`
    mutation BadInputPostAnswer($input: PostAnswerInput!) {
  postAnswer(input: $input) {
    answer {
      id
    }
  }
}
    `) as unknown as TypedDocumentString<BadInputPostAnswerMutation, BadInputPostAnswerMutationVariables>;
export const BadInputEditQuestionDocument = new TypedDocumentString(`
    mutation BadInputEditQuestion($input: EditQuestionInput!) {
  editQuestion(input: $input) {
    question {
      id
    }
  }
}
    `) as unknown as TypedDocumentString<BadInputEditQuestionMutation, BadInputEditQuestionMutationVariables>;
export const BadInputQuestionDocument = new TypedDocumentString(`
    query BadInputQuestion($s: String) {
  question(slug: $s) {
    id
  }
}
    `) as unknown as TypedDocumentString<BadInputQuestionQuery, BadInputQuestionQueryVariables>;
export const BadInputUnchangedDocument = new TypedDocumentString(`
    query BadInputUnchanged($slug: String!) {
  question(slug: $slug) {
    title
    answers(first: 20) {
      totalCount
    }
  }
}
    `) as unknown as TypedDocumentString<BadInputUnchangedQuery, BadInputUnchangedQueryVariables>;
export const BadInputAskDocument = new TypedDocumentString(`
    mutation BadInputAsk($input: AskQuestionInput!) {
  askQuestion(input: $input) {
    question {
      id
      slug
      title
      body
    }
  }
}
    `) as unknown as TypedDocumentString<BadInputAskMutation, BadInputAskMutationVariables>;
export const BadInputAsWrittenDocument = new TypedDocumentString(`
    query BadInputAsWritten($slug: String!) {
  question(slug: $slug) {
    title
    body
    answers {
      edges {
        node {
          body
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<BadInputAsWrittenQuery, BadInputAsWrittenQueryVariables>;
export const LimitsAnswerAddedDocument = new TypedDocumentString(`
    subscription LimitsAnswerAdded($q: ID!) {
  answerAdded(questionId: $q) {
    node {
      question {
        answers {
          edges {
            node {
              question {
                answers {
                  edges {
                    node {
                      id
                    }
                  }
                }
              }
            }
          }
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<LimitsAnswerAddedSubscription, LimitsAnswerAddedSubscriptionVariables>;
export const LimitsTopicsDocument = new TypedDocumentString(`
    query LimitsTopics {
  topics {
    name
  }
}
    `) as unknown as TypedDocumentString<LimitsTopicsQuery, LimitsTopicsQueryVariables>;
export const NodesNodesDocument = new TypedDocumentString(`
    query NodesNodes($ids: [ID!]!) {
  nodes(ids: $ids) {
    id
  }
}
    `) as unknown as TypedDocumentString<NodesNodesQuery, NodesNodesQueryVariables>;
export const RateLimitsTopicsDocument = new TypedDocumentString(`
    query RateLimitsTopics {
  topics {
    name
  }
}
    `) as unknown as TypedDocumentString<RateLimitsTopicsQuery, RateLimitsTopicsQueryVariables>;
export const RateLimitsAskQuestionDocument = new TypedDocumentString(`
    mutation RateLimitsAskQuestion($input: AskQuestionInput!) {
  askQuestion(input: $input) {
    question {
      id
    }
    askerToken
  }
}
    `) as unknown as TypedDocumentString<RateLimitsAskQuestionMutation, RateLimitsAskQuestionMutationVariables>;
export const RateLimitsPostAnswerDocument = new TypedDocumentString(`
    mutation RateLimitsPostAnswer($input: PostAnswerInput!) {
  postAnswer(input: $input) {
    answer {
      id
    }
  }
}
    `) as unknown as TypedDocumentString<RateLimitsPostAnswerMutation, RateLimitsPostAnswerMutationVariables>;
export const SlowConnectionsTopicsDocument = new TypedDocumentString(`
    query SlowConnectionsTopics {
  topics {
    slug
  }
}
    `) as unknown as TypedDocumentString<SlowConnectionsTopicsQuery, SlowConnectionsTopicsQueryVariables>;
export const SlowReadersAnswerAddedDocument = new TypedDocumentString(`
    subscription SlowReadersAnswerAdded($q: ID!) {
  answerAdded(questionId: $q) {
    cursor
    node {
      body
    }
  }
}
    `) as unknown as TypedDocumentString<SlowReadersAnswerAddedSubscription, SlowReadersAnswerAddedSubscriptionVariables>;
export const SlowReadersPostAnswerDocument = new TypedDocumentString(`
    mutation SlowReadersPostAnswer($input: PostAnswerInput!) {
  postAnswer(input: $input) {
    answer {
      id
    }
  }
}
    `) as unknown as TypedDocumentString<SlowReadersPostAnswerMutation, SlowReadersPostAnswerMutationVariables>;
export const SlowReadersTopicsDocument = new TypedDocumentString(`
    query SlowReadersTopics {
  topics {
    slug
  }
}
    `) as unknown as TypedDocumentString<SlowReadersTopicsQuery, SlowReadersTopicsQueryVariables>;
export const PageDocument = new TypedDocumentString(`
    query Page($slug: String!) {
  question(slug: $slug) {
    title
    answerCount
    answers(first: 3) {
      edges {
        node {
          answeredAt
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<PageQuery, PageQueryVariables>;
export const WorldQuestionIdDocument = new TypedDocumentString(`
    query WorldQuestionId($slug: String!) {
  question(slug: $slug) {
    id
  }
}
    `) as unknown as TypedDocumentString<WorldQuestionIdQuery, WorldQuestionIdQueryVariables>;
export const WorldAskDocument = new TypedDocumentString(`
    mutation WorldAsk($input: AskQuestionInput!) {
  askQuestion(input: $input) {
    askerToken
    question {
      id
      slug
      title
    }
  }
}
    `) as unknown as TypedDocumentString<WorldAskMutation, WorldAskMutationVariables>;
export const WorldPostAnswerDocument = new TypedDocumentString(`
    mutation WorldPostAnswer($input: PostAnswerInput!) {
  postAnswer(input: $input) {
    answer {
      id
      body
    }
  }
}
    `) as unknown as TypedDocumentString<WorldPostAnswerMutation, WorldPostAnswerMutationVariables>;
export const TwoInstancesAskQuestionDocument = new TypedDocumentString(`
    mutation TwoInstancesAskQuestion($input: AskQuestionInput!) {
  askQuestion(input: $input) {
    askerToken
    question {
      id
    }
  }
}
    `) as unknown as TypedDocumentString<TwoInstancesAskQuestionMutation, TwoInstancesAskQuestionMutationVariables>;
export const TwoInstancesQuestionAskedDocument = new TypedDocumentString(`
    subscription TwoInstancesQuestionAsked($filter: QuestionFeedFilter) {
  questionAsked(filter: $filter) {
    node {
      title
    }
  }
}
    `) as unknown as TypedDocumentString<TwoInstancesQuestionAskedSubscription, TwoInstancesQuestionAskedSubscriptionVariables>;
export const TwoInstancesAgreeWithAnswerDocument = new TypedDocumentString(`
    mutation TwoInstancesAgreeWithAnswer($input: AgreeWithAnswerInput!) {
  agreeWithAnswer(input: $input) {
    answer {
      agreeCount
    }
  }
}
    `) as unknown as TypedDocumentString<TwoInstancesAgreeWithAnswerMutation, TwoInstancesAgreeWithAnswerMutationVariables>;
export const TwoInstancesViewerDocument = new TypedDocumentString(`
    query TwoInstancesViewer {
  viewer {
    role
    questions {
      edges {
        unseenAnswerCount
        node {
          title
        }
      }
    }
    notifications {
      unreadCount
    }
  }
}
    `) as unknown as TypedDocumentString<TwoInstancesViewerQuery, TwoInstancesViewerQueryVariables>;
export const InboxViewerDocument = new TypedDocumentString(`
    query InboxViewer {
  viewer {
    role
    questions {
      totalCount
      edges {
        unseenAnswerCount
        node {
          title
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<InboxViewerQuery, InboxViewerQueryVariables>;
export const InboxViewer2Document = new TypedDocumentString(`
    query InboxViewer2 {
  viewer {
    role
    doctor {
      name
    }
  }
}
    `) as unknown as TypedDocumentString<InboxViewer2Query, InboxViewer2QueryVariables>;
export const InboxAskQuestionDocument = new TypedDocumentString(`
    mutation InboxAskQuestion($input: AskQuestionInput!) {
  askQuestion(input: $input) {
    askerToken
  }
}
    `) as unknown as TypedDocumentString<InboxAskQuestionMutation, InboxAskQuestionMutationVariables>;
export const LiveViewerDocument = new TypedDocumentString(`
    query LiveViewer {
  viewer {
    role
    notifications {
      unreadCount
    }
    questions {
      totalCount
    }
  }
}
    `) as unknown as TypedDocumentString<LiveViewerQuery, LiveViewerQueryVariables>;
export const LiveViewer2Document = new TypedDocumentString(`
    query LiveViewer2 {
  viewer {
    notifications {
      unreadCount
    }
  }
}
    `) as unknown as TypedDocumentString<LiveViewer2Query, LiveViewer2QueryVariables>;
export const NotificationsSupportAskQuestionDocument = new TypedDocumentString(`
    mutation NotificationsSupportAskQuestion($input: AskQuestionInput!) {
  askQuestion(input: $input) {
    askerToken
    question {
      id
      title
    }
  }
}
    `) as unknown as TypedDocumentString<NotificationsSupportAskQuestionMutation, NotificationsSupportAskQuestionMutationVariables>;
export const NotificationsSupportPostAnswerDocument = new TypedDocumentString(`
    mutation NotificationsSupportPostAnswer($input: PostAnswerInput!) {
  postAnswer(input: $input) {
    answer {
      id
    }
  }
}
    `) as unknown as TypedDocumentString<NotificationsSupportPostAnswerMutation, NotificationsSupportPostAnswerMutationVariables>;
export const NotificationsSupportMarkNotificationsReadDocument = new TypedDocumentString(`
    mutation NotificationsSupportMarkNotificationsRead($input: MarkNotificationsReadInput!) {
  markNotificationsRead(input: $input) {
    marked
    unreadCount
  }
}
    `) as unknown as TypedDocumentString<NotificationsSupportMarkNotificationsReadMutation, NotificationsSupportMarkNotificationsReadMutationVariables>;
export const NotificationsSupportViewerDocument = new TypedDocumentString(`
    query NotificationsSupportViewer {
  viewer {
    role
    notifications(first: 50) {
      unreadCount
      totalCount
      edges {
        cursor
        node {
          kind
          read
          question {
            title
          }
          answer {
            body
          }
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<NotificationsSupportViewerQuery, NotificationsSupportViewerQueryVariables>;
export const NotificationsSupportNotificationAddedDocument = new TypedDocumentString(`
    subscription NotificationsSupportNotificationAdded($after: String) {
  notificationAdded(after: $after) {
    cursor
    node {
      kind
      question {
        title
      }
      answer {
        body
      }
    }
  }
}
    `) as unknown as TypedDocumentString<NotificationsSupportNotificationAddedSubscription, NotificationsSupportNotificationAddedSubscriptionVariables>;
export const PerfLoadAnswerAddedDocument = new TypedDocumentString(`
    subscription PerfLoadAnswerAdded($q: ID!) {
  answerAdded(questionId: $q) {
    node {
      body
    }
  }
}
    `) as unknown as TypedDocumentString<PerfLoadAnswerAddedSubscription, PerfLoadAnswerAddedSubscriptionVariables>;
export const ErrorsTopicsDocument = new TypedDocumentString(`
    query ErrorsTopics {
  topics {
    name
  }
}
    `) as unknown as TypedDocumentString<ErrorsTopicsQuery, ErrorsTopicsQueryVariables>;
export const LeaksAskQuestionDocument = new TypedDocumentString(`
    mutation LeaksAskQuestion($input: AskQuestionInput!) {
  askQuestion(input: $input) {
    question {
      id
    }
  }
}
    `) as unknown as TypedDocumentString<LeaksAskQuestionMutation, LeaksAskQuestionMutationVariables>;
export const AskQuestionDocument = new TypedDocumentString(`
    query AskQuestion($slug: String!) {
  question(slug: $slug) {
    id
    title
  }
}
    `) as unknown as TypedDocumentString<AskQuestionQuery, AskQuestionQueryVariables>;
export const AskQuestion2Document = new TypedDocumentString(`
    query AskQuestion2($id: ID!) {
  question(id: $id) {
    title
  }
}
    `) as unknown as TypedDocumentString<AskQuestion2Query, AskQuestion2QueryVariables>;
export const IdempotencyAskQuestionDocument = new TypedDocumentString(`
    mutation IdempotencyAskQuestion($input: AskQuestionInput!) {
  askQuestion(input: $input) {
    question {
      id
      title
    }
    askerToken
  }
}
    `) as unknown as TypedDocumentString<IdempotencyAskQuestionMutation, IdempotencyAskQuestionMutationVariables>;
export const IdempotencyEditQuestionDocument = new TypedDocumentString(`
    mutation IdempotencyEditQuestion($input: EditQuestionInput!) {
  editQuestion(input: $input) {
    question {
      title
    }
  }
}
    `) as unknown as TypedDocumentString<IdempotencyEditQuestionMutation, IdempotencyEditQuestionMutationVariables>;
export const AskTypeDocument = new TypedDocumentString(`
    query AskType {
  __type(name: "Question") {
    fields(includeDeprecated: true) {
      name
      args {
        name
      }
    }
  }
}
    `) as unknown as TypedDocumentString<AskTypeQuery, AskTypeQueryVariables>;
export const AskSchemaDocument = new TypedDocumentString(`
    query AskSchema {
  __schema {
    types {
      name
      fields(includeDeprecated: true) {
        name
        args {
          name
        }
      }
      inputFields {
        name
      }
    }
  }
}
    `) as unknown as TypedDocumentString<AskSchemaQuery, AskSchemaQueryVariables>;
export const AskPostAnswerDocument = new TypedDocumentString(`
    mutation AskPostAnswer($q: ID!) {
  postAnswer(input: {questionId: $q, body: "x"}) {
    answer {
      id
    }
  }
}
    `) as unknown as TypedDocumentString<AskPostAnswerMutation, AskPostAnswerMutationVariables>;
export const AskNodeDocument = new TypedDocumentString(`
    query AskNode($id: ID!) {
  node(id: $id) {
    id
  }
}
    `) as unknown as TypedDocumentString<AskNodeQuery, AskNodeQueryVariables>;
export const QuestionsQuestionDocument = new TypedDocumentString(`
    query QuestionsQuestion {
  question(slug: "is-scalp-micropigmentation-permanent") {
    id
    title
  }
}
    `) as unknown as TypedDocumentString<QuestionsQuestionQuery, QuestionsQuestionQueryVariables>;
export const QuestionsQuestion2Document = new TypedDocumentString(`
    query QuestionsQuestion2($id: ID!) {
  question(id: $id) {
    title
  }
  node(id: $id) {
    ... on Question {
      slug
    }
  }
}
    `) as unknown as TypedDocumentString<QuestionsQuestion2Query, QuestionsQuestion2QueryVariables>;
export const QuestionsNodeDocument = new TypedDocumentString(`
    query QuestionsNode($ids: [ID!]!, $id: ID!) {
  node(id: $id) {
    id
  }
  nodes(ids: $ids) {
    id
  }
}
    `) as unknown as TypedDocumentString<QuestionsNodeQuery, QuestionsNodeQueryVariables>;
export const QuestionsQuestion3Document = new TypedDocumentString(`
    query QuestionsQuestion3 {
  question(slug: "no-such-question") {
    title
  }
}
    `) as unknown as TypedDocumentString<QuestionsQuestion3Query, QuestionsQuestion3QueryVariables>;
export const AskDocument = new TypedDocumentString(`
    mutation Ask($input: AskQuestionInput!) {
  askQuestion(input: $input) {
    askerToken
    question {
      id
      title
      body
      slug
      askedAt
      askedAnonymously
      topics {
        slug
      }
      answerCount
      lastAnsweredAt
      answers {
        totalCount
      }
    }
  }
}
    `) as unknown as TypedDocumentString<AskMutation, AskMutationVariables>;
export const EditQuestionDocument = new TypedDocumentString(`
    mutation EditQuestion($input: EditQuestionInput!) {
  editQuestion(input: $input) {
    question {
      id
      title
      body
      slug
    }
  }
}
    `) as unknown as TypedDocumentString<EditQuestionMutation, EditQuestionMutationVariables>;
export const SqlOperationsNodesDocument = new TypedDocumentString(`
    query SqlOperationsNodes($ids: [ID!]!) {
  nodes(ids: $ids) {
    id
  }
}
    `) as unknown as TypedDocumentString<SqlOperationsNodesQuery, SqlOperationsNodesQueryVariables>;
export const SqlOperationsPostAnswerDocument = new TypedDocumentString(`
    mutation SqlOperationsPostAnswer($input: PostAnswerInput!) {
  postAnswer(input: $input) {
    answer {
      id
    }
  }
}
    `) as unknown as TypedDocumentString<SqlOperationsPostAnswerMutation, SqlOperationsPostAnswerMutationVariables>;
export const CacheQuestionDocument = new TypedDocumentString(`
    query CacheQuestion {
  question(slug: "is-scalp-micropigmentation-permanent") {
    answers {
      edges {
        node {
          id
          agreeCount
          agreedBy {
            edges {
              node {
                name
              }
            }
          }
          author {
            ... on Doctor {
              slug
            }
          }
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<CacheQuestionQuery, CacheQuestionQueryVariables>;
export const CacheAgreeWithAnswerDocument = new TypedDocumentString(`
    mutation CacheAgreeWithAnswer($input: AgreeWithAnswerInput!) {
  agreeWithAnswer(input: $input) {
    answer {
      agreeCount
    }
  }
}
    `) as unknown as TypedDocumentString<CacheAgreeWithAnswerMutation, CacheAgreeWithAnswerMutationVariables>;
export const VotesAnswerUpdatedDocument = new TypedDocumentString(`
    subscription VotesAnswerUpdated($q: ID!) {
  answerUpdated(questionId: $q) {
    kind
    answer {
      agreeCount
      thankCount
    }
  }
}
    `) as unknown as TypedDocumentString<VotesAnswerUpdatedSubscription, VotesAnswerUpdatedSubscriptionVariables>;
export const VotesAgreeWithAnswerDocument = new TypedDocumentString(`
    mutation VotesAgreeWithAnswer($input: AgreeWithAnswerInput!) {
  agreeWithAnswer(input: $input) {
    answer {
      agreeCount
      thankCount
      agreedBy {
        edges {
          node {
            name
          }
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<VotesAgreeWithAnswerMutation, VotesAgreeWithAnswerMutationVariables>;
export const VotesWithdrawAgreementDocument = new TypedDocumentString(`
    mutation VotesWithdrawAgreement($input: WithdrawAgreementInput!) {
  withdrawAgreement(input: $input) {
    answer {
      agreeCount
    }
  }
}
    `) as unknown as TypedDocumentString<VotesWithdrawAgreementMutation, VotesWithdrawAgreementMutationVariables>;
export const VotesThankAnswerDocument = new TypedDocumentString(`
    mutation VotesThankAnswer($input: ThankAnswerInput!) {
  thankAnswer(input: $input) {
    answer {
      agreeCount
      thankCount
    }
  }
}
    `) as unknown as TypedDocumentString<VotesThankAnswerMutation, VotesThankAnswerMutationVariables>;
export const WorldCheckDocument = new TypedDocumentString(`
    query WorldCheck($id: ID!) {
  node(id: $id) {
    ... on Question {
      title
      answerCount
      answers {
        edges {
          node {
            id
            body
            author {
              ... on Doctor {
                name
              }
            }
          }
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<WorldCheckQuery, WorldCheckQueryVariables>;