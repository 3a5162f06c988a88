/* eslint-disable */
import * as types from './graphql';



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
    "mutation ConcurrencyPostAnswer($input: PostAnswerInput!) { postAnswer(input: $input) { answer { id } } }": typeof types.ConcurrencyPostAnswerDocument,
    "query FanOutQuestion { question(slug: \"is-scalp-micropigmentation-permanent\") { id } }": typeof types.FanOutQuestionDocument,
    "subscription FanOutAnswerAdded($q: ID!) { answerAdded(questionId: $q) { node { body author { ... on Doctor { name yearsOfExperience } } } } }": typeof types.FanOutAnswerAddedDocument,
    "mutation FanOutPostAnswer($input: PostAnswerInput!) { postAnswer(input: $input) { answer { body } } }": typeof types.FanOutPostAnswerDocument,
    "query MutationsNode($id: ID!) { node(id: $id) { id ... on Answer { body } } nodes(ids: [$id]) { id } }": typeof types.MutationsNodeDocument,
    "query MutationsQuestions($answered: Boolean) { questions(filter: { answered: $answered }, first: 100) { edges { node { id } } } }": typeof types.MutationsQuestionsDocument,
    "query MutationsNode2($id: ID!) { node(id: $id) { id } }": typeof types.MutationsNode2Document,
    "mutation IdempotencyPostAnswer($input: PostAnswerInput!) { postAnswer(input: $input) { answer { id body } } }": typeof types.IdempotencyPostAnswerDocument,
    "mutation SubscriptionsPostAnswer($input: PostAnswerInput!) { postAnswer(input: $input) { answer { id } } }": typeof types.SubscriptionsPostAnswerDocument,
    "subscription SubscriptionsAnswerAdded($questionId: ID!, $after: String) {\n  answerAdded(questionId: $questionId, after: $after) {\n    cursor\n    node { body author { __typename ... on Doctor { name specialty { name } } ... on StaffMember { name } } }\n  }\n}": typeof types.SubscriptionsAnswerAddedDocument,
    "mutation SubscriptionsAskQuestion($input: AskQuestionInput!) { askQuestion(input: $input) { question { id } } }": typeof types.SubscriptionsAskQuestionDocument,
    "query SubscriptionsQuestion($id: ID!) { question(id: $id) { answers(order: OLDEST_FIRST) { edges { cursor } } } }": typeof types.SubscriptionsQuestionDocument,
    "subscription SubscriptionsAnswerUpdated($questionId: ID!) { answerUpdated(questionId: $questionId) { kind answerId answer { body lastEditedAt } } }": typeof types.SubscriptionsAnswerUpdatedDocument,
    "mutation SubscriptionsEditAnswer($input: EditAnswerInput!) { editAnswer(input: $input) { answer { id } } }": typeof types.SubscriptionsEditAnswerDocument,
    "mutation SubscriptionsHideAnswer($input: HideAnswerInput!) { hideAnswer(input: $input) { answerId } }": typeof types.SubscriptionsHideAnswerDocument,
    "\n  mutation PostAnswer($input: PostAnswerInput!) {\n    postAnswer(input: $input) {\n      answer {\n        id\n        body\n        answeredAt\n        lastEditedAt\n        editorial\n        author {\n          __typename\n          ... on Doctor { name specialty { name } }\n          ... on StaffMember { name }\n        }\n        question { answerCount }\n      }\n    }\n  }\n": typeof types.PostAnswerDocument,
    "\n  mutation EditAnswer($input: EditAnswerInput!) {\n    editAnswer(input: $input) {\n      answer { id body answeredAt lastEditedAt editorial author { __typename ... on Doctor { name } ... on StaffMember { name } } }\n    }\n  }\n": typeof types.EditAnswerDocument,
    "\n  mutation HideAnswer($input: HideAnswerInput!) {\n    hideAnswer(input: $input) { answerId hiddenAt }\n  }\n": typeof types.HideAnswerDocument,
    "\n  query QuestionAnswers($id: ID!, $first: Int, $after: String, $last: Int, $before: String) {\n    question(id: $id) {\n      answerCount\n      lastAnsweredAt\n      answers(first: $first, after: $after, last: $last, before: $before) {\n        totalCount\n        pageInfo { hasNextPage hasPreviousPage }\n        edges { cursor node { id body lastEditedAt } }\n      }\n    }\n  }\n": typeof types.QuestionAnswersDocument,
    "\n  query DoctorAnswers($id: ID!) {\n    doctor(id: $id) {\n      answerCount\n      answers(first: 100) { totalCount edges { cursor node { id body } } }\n    }\n  }\n": typeof types.DoctorAnswersDocument,
    "query CredentialsTopics { topics { slug } }": typeof types.CredentialsTopicsDocument,
    "mutation ConsistencyPostAnswer($input: PostAnswerInput!) { postAnswer(input: $input) { answer { body } } }": typeof types.ConsistencyPostAnswerDocument,
    "mutation ResponseCachePostAnswer($input: PostAnswerInput!) { postAnswer(input: $input) { answer { id } } }": typeof types.ResponseCachePostAnswerDocument,
    "query ResponseCacheDoctor { doctor(slug: \"archit-aggarwal\") { answerCount } }": typeof types.ResponseCacheDoctorDocument,
    "mutation ResponseCacheEditAnswer($input: EditAnswerInput!) { editAnswer(input: $input) { answer { id } } }": typeof types.ResponseCacheEditAnswerDocument,
    "mutation ResponseCacheHideAnswer($input: HideAnswerInput!) { hideAnswer(input: $input) { answerId } }": typeof types.ResponseCacheHideAnswerDocument,
    "mutation ApolloPageAskQuestion($input: AskQuestionInput!) { askQuestion(input: $input) { question { id slug } } }": typeof types.ApolloPageAskQuestionDocument,
    "mutation ApolloPagePostAnswer($input: PostAnswerInput!) { postAnswer(input: $input) { answer { id } } }": typeof types.ApolloPagePostAnswerDocument,
    "mutation LatestAnswerCursorAskQuestion($input: AskQuestionInput!) { askQuestion(input: $input) { question { id slug } } }": typeof types.LatestAnswerCursorAskQuestionDocument,
    "mutation LatestAnswerCursorPostAnswer($input: PostAnswerInput!) { postAnswer(input: $input) { answer { id } } }": typeof types.LatestAnswerCursorPostAnswerDocument,
    "mutation LatestAnswerCursorHideAnswer($id: ID!) { hideAnswer(input: { answerId: $id }) { answerId } }": typeof types.LatestAnswerCursorHideAnswerDocument,
    "mutation LiveAnswersAskQuestion($input: AskQuestionInput!) { askQuestion(input: $input) { question { id slug } } }": typeof types.LiveAnswersAskQuestionDocument,
    "mutation LiveAnswersPostAnswer($input: PostAnswerInput!) { postAnswer(input: $input) { answer { body } } }": typeof types.LiveAnswersPostAnswerDocument,
    "mutation OperationsPostAnswer($input: PostAnswerInput!) { postAnswer(input: $input) { answer { id } } }": typeof types.OperationsPostAnswerDocument,
    "mutation EmbeddedDurabilityAskQuestion($input: AskQuestionInput!) { askQuestion(input: $input) { question { id } } }": typeof types.EmbeddedDurabilityAskQuestionDocument,
    "query EmbeddedDurabilityNodes($ids: [ID!]!) { nodes(ids: $ids) { id } }": typeof types.EmbeddedDurabilityNodesDocument,
    "query EmbeddedQuestion($slug: String!) { question(slug: $slug) { id answerCount } }": typeof types.EmbeddedQuestionDocument,
    "mutation EmbeddedAskQuestion($input: AskQuestionInput!) { askQuestion(input: $input) { question { id } } }": typeof types.EmbeddedAskQuestionDocument,
    "mutation EmbeddedPostAnswer($input: PostAnswerInput!) { postAnswer(input: $input) { answer { id } } }": typeof types.EmbeddedPostAnswerDocument,
    "mutation HaproxyAskQuestion($input: AskQuestionInput!) { askQuestion(input: $input) { question { id } } }": typeof types.HaproxyAskQuestionDocument,
    "mutation HaproxyPostAnswer($input: PostAnswerInput!) { postAnswer(input: $input) { answer { body } } }": typeof types.HaproxyPostAnswerDocument,
    "query HaproxyNode($id: ID!) { node(id: $id) { ... on Question { answers { edges { cursor } } } } }": typeof types.HaproxyNodeDocument,
    "query PgbouncerLocksQuestion($slug: String!) { question(slug: $slug) { title } }": typeof types.PgbouncerLocksQuestionDocument,
    "mutation PgbouncerLocksPostAnswer($input: PostAnswerInput!) { postAnswer(input: $input) { answer { body } } }": typeof types.PgbouncerLocksPostAnswerDocument,
    "query PgbouncerQuestion($slug: String!) { question(slug: $slug) { title answerCount answers(first: 2) { edges { node { body } } } } }": typeof types.PgbouncerQuestionDocument,
    "mutation RedisClusterAskQuestion($input: AskQuestionInput!) { askQuestion(input: $input) { question { id } } }": typeof types.RedisClusterAskQuestionDocument,
    "mutation RedisClusterPostAnswer($input: PostAnswerInput!) { postAnswer(input: $input) { answer { body } } }": typeof types.RedisClusterPostAnswerDocument,
    "subscription RedisClusterAnswerAdded($q: ID!) { answerAdded(questionId: $q) { cursor node { body } } }": typeof types.RedisClusterAnswerAddedDocument,
    "subscription DeployResumingAnswerAdded($q: ID!, $after: String) { answerAdded(questionId: $q, after: $after) { cursor node { body } } }": typeof types.DeployResumingAnswerAddedDocument,
    "query DoctorsDoctor($slug: String!) { doctor(slug: $slug) { name answers(first: 1) { totalCount edges { node { question { title } } } } } }": typeof types.DoctorsDoctorDocument,
    "query DoctorsDoctor2 { doctor(slug: \"nobody\") { name } }": typeof types.DoctorsDoctor2Document,
    "query DoctorsSpecialties { specialties { name } }": typeof types.DoctorsSpecialtiesDocument,
    "query EmbeddedPage { question(slug: \"is-scalp-micropigmentation-permanent\") { answerCount answers { edges { node { author { ... on Doctor { name } ... on StaffMember { name } } } } } } }": typeof types.EmbeddedPageDocument,
    "subscription InstancesAnswerAdded($q: ID!, $after: String) { answerAdded(questionId: $q, after: $after) { cursor node { body } } }": typeof types.InstancesAnswerAddedDocument,
    "mutation InstancesAskQuestion($input: AskQuestionInput!) { askQuestion(input: $input) { question { id } } }": typeof types.InstancesAskQuestionDocument,
    "mutation InstancesPostAnswer($input: PostAnswerInput!) { postAnswer(input: $input) { answer { body } } }": typeof types.InstancesPostAnswerDocument,
    "query InstancesNode($id: ID!) { node(id: $id) { ... on Question { answers { edges { cursor } } } } }": typeof types.InstancesNodeDocument,
    "query LocksQuestion($slug: String!) { question(slug: $slug) { title answers(first: 1) { totalCount } } }": typeof types.LocksQuestionDocument,
    "mutation LocksPostAnswer($input: PostAnswerInput!) { postAnswer(input: $input) { answer { body } } }": typeof types.LocksPostAnswerDocument,
    "mutation PostgresKillPostAnswer($input: PostAnswerInput!) { postAnswer(input: $input) { answer { id body } } }": typeof types.PostgresKillPostAnswerDocument,
    "query PostgresKillQuestion($slug: String!) { question(slug: $slug) { answerCount } }": typeof types.PostgresKillQuestionDocument,
    "query PostgresQuestion($slug: String!) { question(slug: $slug) { title answerCount } }": typeof types.PostgresQuestionDocument,
    "mutation PostgresPostAnswer($input: PostAnswerInput!) { postAnswer(input: $input) { answer { body } } }": typeof types.PostgresPostAnswerDocument,
    "query RedisNode($id: ID!) { node(id: $id) { ... on Question { answerCount } } }": typeof types.RedisNodeDocument,
    "subscription RedisAnswerAdded($q: ID!) { answerAdded(questionId: $q) { cursor node { body } } }": typeof types.RedisAnswerAddedDocument,
    "mutation RedisPostAnswer($input: PostAnswerInput!) { postAnswer(input: $input) { answer { body } } }": typeof types.RedisPostAnswerDocument,
    "mutation RedisAskQuestion($input: AskQuestionInput!) { askQuestion(input: $input) { question { id } } }": typeof types.RedisAskQuestionDocument,
    "mutation ShutdownPostAnswer($input: PostAnswerInput!) { postAnswer(input: $input) { answer { body } } }": typeof types.ShutdownPostAnswerDocument,
    "subscription ShutdownAnswerAdded($q: ID!, $after: String) { answerAdded(questionId: $q, after: $after) { cursor } }": typeof types.ShutdownAnswerAddedDocument,
    "subscription FeedQuestionAsked($filter: QuestionFeedFilter, $after: String) { questionAsked(filter: $filter, after: $after) { cursor node { title } } }": typeof types.FeedQuestionAskedDocument,
    "mutation FeedFollowTopic($input: FollowTopicInput!) { followTopic(input: $input) { topic { slug } followedTopics { slug } } }": typeof types.FeedFollowTopicDocument,
    "mutation FeedUnfollowTopic($input: UnfollowTopicInput!) { unfollowTopic(input: $input) { followedTopics { slug } } }": typeof types.FeedUnfollowTopicDocument,
    "mutation FeedAskQuestion($input: AskQuestionInput!) { askQuestion(input: $input) { question { id } } }": typeof types.FeedAskQuestionDocument,
    "query FeedUnansweredQuestions { unansweredQuestions(first: 100) { edges { node { title answerCount topics { slug } } } } }": typeof types.FeedUnansweredQuestionsDocument,
    "query FeedUnansweredQuestions2 { unansweredQuestions(filter: { topics: [\"no-such-topic\"] }) { edges { cursor } } }": typeof types.FeedUnansweredQuestions2Document,
    "mutation CorsAskQuestion($input: AskQuestionInput!) { askQuestion(input: $input) { question { id } } }": typeof types.CorsAskQuestionDocument,
    "mutation GraphiqlPostAnswer($input: PostAnswerInput!) { postAnswer(input: $input) { answer { id } } }": typeof types.GraphiqlPostAnswerDocument,
    "mutation BadInputAskQuestion($input: AskQuestionInput!) { askQuestion(input: $input) { question { id } } }": typeof types.BadInputAskQuestionDocument,
    "mutation BadInputPostAnswer($input: PostAnswerInput!) { postAnswer(input: $input) { answer { id } } }": typeof types.BadInputPostAnswerDocument,
    "mutation BadInputEditQuestion($input: EditQuestionInput!) { editQuestion(input: $input) { question { id } } }": typeof types.BadInputEditQuestionDocument,
    "query BadInputQuestion($s: String) { question(slug: $s) { id } }": typeof types.BadInputQuestionDocument,
    "query BadInputUnchanged($slug: String!) { question(slug: $slug) { title answers(first: 20) { totalCount } } }": typeof types.BadInputUnchangedDocument,
    "mutation BadInputAsk($input: AskQuestionInput!) { askQuestion(input: $input) { question { id slug title body } } }": typeof types.BadInputAskDocument,
    "query BadInputAsWritten($slug: String!) { question(slug: $slug) { title body answers { edges { node { body } } } } }": typeof types.BadInputAsWrittenDocument,
    "subscription LimitsAnswerAdded($q: ID!) { answerAdded(questionId: $q) { node { question { answers { edges { node {\n        question { answers { edges { node { id } } } } } } } } } } }": typeof types.LimitsAnswerAddedDocument,
    "query LimitsTopics { topics { name } }": typeof types.LimitsTopicsDocument,
    "query NodesNodes($ids: [ID!]!) { nodes(ids: $ids) { id } }": typeof types.NodesNodesDocument,
    "query RateLimitsTopics { topics { name } }": typeof types.RateLimitsTopicsDocument,
    "mutation RateLimitsAskQuestion($input: AskQuestionInput!) { askQuestion(input: $input) { question { id } askerToken } }": typeof types.RateLimitsAskQuestionDocument,
    "mutation RateLimitsPostAnswer($input: PostAnswerInput!) { postAnswer(input: $input) { answer { id } } }": typeof types.RateLimitsPostAnswerDocument,
    "query SlowConnectionsTopics { topics { slug } }": typeof types.SlowConnectionsTopicsDocument,
    "subscription SlowReadersAnswerAdded($q: ID!) { answerAdded(questionId: $q) { cursor node { body } } }": typeof types.SlowReadersAnswerAddedDocument,
    "mutation SlowReadersPostAnswer($input: PostAnswerInput!) { postAnswer(input: $input) { answer { id } } }": typeof types.SlowReadersPostAnswerDocument,
    "query SlowReadersTopics { topics { slug } }": typeof types.SlowReadersTopicsDocument,
    "query Page($slug: String!) { question(slug: $slug) { title answerCount answers(first: 3) { edges { node { answeredAt } } } } }": typeof types.PageDocument,
    "query WorldQuestionId($slug: String!) { question(slug: $slug) { id } }": typeof types.WorldQuestionIdDocument,
    "mutation WorldAsk($input: AskQuestionInput!) { askQuestion(input: $input) { askerToken question { id slug title } } }": typeof types.WorldAskDocument,
    "mutation WorldPostAnswer($input: PostAnswerInput!) { postAnswer(input: $input) { answer { id body } } }": typeof types.WorldPostAnswerDocument,
    "mutation TwoInstancesAskQuestion($input: AskQuestionInput!) { askQuestion(input: $input) { askerToken question { id } } }": typeof types.TwoInstancesAskQuestionDocument,
    "subscription TwoInstancesQuestionAsked($filter: QuestionFeedFilter) { questionAsked(filter: $filter) { node { title } } }": typeof types.TwoInstancesQuestionAskedDocument,
    "mutation TwoInstancesAgreeWithAnswer($input: AgreeWithAnswerInput!) { agreeWithAnswer(input: $input) { answer { agreeCount } } }": typeof types.TwoInstancesAgreeWithAnswerDocument,
    "query TwoInstancesViewer { viewer { role questions { edges { unseenAnswerCount node { title } } } notifications { unreadCount } } }": typeof types.TwoInstancesViewerDocument,
    "query InboxViewer { viewer { role questions { totalCount edges { unseenAnswerCount node { title } } } } }": typeof types.InboxViewerDocument,
    "query InboxViewer2 { viewer { role doctor { name } } }": typeof types.InboxViewer2Document,
    "mutation InboxAskQuestion($input: AskQuestionInput!) { askQuestion(input: $input) { askerToken } }": typeof types.InboxAskQuestionDocument,
    "query LiveViewer { viewer { role notifications { unreadCount } questions { totalCount } } }": typeof types.LiveViewerDocument,
    "query LiveViewer2 { viewer { notifications { unreadCount } } }": typeof types.LiveViewer2Document,
    "mutation NotificationsSupportAskQuestion($input: AskQuestionInput!) { askQuestion(input: $input) { askerToken question { id title } } }": typeof types.NotificationsSupportAskQuestionDocument,
    "mutation NotificationsSupportPostAnswer($input: PostAnswerInput!) { postAnswer(input: $input) { answer { id } } }": typeof types.NotificationsSupportPostAnswerDocument,
    "mutation NotificationsSupportMarkNotificationsRead($input: MarkNotificationsReadInput!) { markNotificationsRead(input: $input) { marked unreadCount } }": typeof types.NotificationsSupportMarkNotificationsReadDocument,
    "query NotificationsSupportViewer { viewer { role notifications(first: 50) { unreadCount totalCount edges { cursor node { kind read question { title } answer { body } } } } } }": typeof types.NotificationsSupportViewerDocument,
    "subscription NotificationsSupportNotificationAdded($after: String) {\n  notificationAdded(after: $after) { cursor node { kind question { title } answer { body } } }\n}": typeof types.NotificationsSupportNotificationAddedDocument,
    "subscription PerfLoadAnswerAdded($q: ID!) { answerAdded(questionId: $q) { node { body } } }": typeof types.PerfLoadAnswerAddedDocument,
    "query ErrorsTopics { topics { name } }": typeof types.ErrorsTopicsDocument,
    "mutation LeaksAskQuestion($input: AskQuestionInput!) { askQuestion(input: $input) { question { id } } }": typeof types.LeaksAskQuestionDocument,
    "query AskQuestion($slug: String!) { question(slug: $slug) { id title } }": typeof types.AskQuestionDocument,
    "query AskQuestion2($id: ID!) { question(id: $id) { title } }": typeof types.AskQuestion2Document,
    "mutation IdempotencyAskQuestion($input: AskQuestionInput!) { askQuestion(input: $input) { question { id title } askerToken } }": typeof types.IdempotencyAskQuestionDocument,
    "mutation IdempotencyEditQuestion($input: EditQuestionInput!) { editQuestion(input: $input) { question { title } } }": typeof types.IdempotencyEditQuestionDocument,
    "query AskType {\n      __type(name: \"Question\") { fields(includeDeprecated: true) { name args { name } } }\n    }": typeof types.AskTypeDocument,
    "query AskSchema {\n      __schema {\n        types {\n          name\n          fields(includeDeprecated: true) { name args { name } }\n          inputFields { name }\n        }\n      }\n    }": typeof types.AskSchemaDocument,
    "mutation AskPostAnswer($q: ID!) { postAnswer(input: { questionId: $q, body: \"x\" }) { answer { id } } }": typeof types.AskPostAnswerDocument,
    "query AskNode($id: ID!) { node(id: $id) { id } }": typeof types.AskNodeDocument,
    "query QuestionsQuestion { question(slug: \"is-scalp-micropigmentation-permanent\") { id title } }": typeof types.QuestionsQuestionDocument,
    "query QuestionsQuestion2($id: ID!) { question(id: $id) { title } node(id: $id) { ... on Question { slug } } }": typeof types.QuestionsQuestion2Document,
    "query QuestionsNode($ids: [ID!]!, $id: ID!) { node(id: $id) { id } nodes(ids: $ids) { id } }": typeof types.QuestionsNodeDocument,
    "query QuestionsQuestion3 { question(slug: \"no-such-question\") { title } }": typeof types.QuestionsQuestion3Document,
    "\n  mutation Ask($input: AskQuestionInput!) {\n    askQuestion(input: $input) {\n      askerToken\n      question { id title body slug askedAt askedAnonymously topics { slug } answerCount lastAnsweredAt answers { totalCount } }\n    }\n  }\n": typeof types.AskDocument,
    "\n  mutation EditQuestion($input: EditQuestionInput!) {\n    editQuestion(input: $input) { question { id title body slug } }\n  }\n": typeof types.EditQuestionDocument,
    "query SqlOperationsNodes($ids: [ID!]!) { nodes(ids: $ids) { id } }": typeof types.SqlOperationsNodesDocument,
    "mutation SqlOperationsPostAnswer($input: PostAnswerInput!) { postAnswer(input: $input) { answer { id } } }": typeof types.SqlOperationsPostAnswerDocument,
    "query CacheQuestion { question(slug: \"is-scalp-micropigmentation-permanent\") {\n  answers { edges { node { id agreeCount agreedBy { edges { node { name } } } author { ... on Doctor { slug } } } } }\n} }": typeof types.CacheQuestionDocument,
    "mutation CacheAgreeWithAnswer($input: AgreeWithAnswerInput!) { agreeWithAnswer(input: $input) { answer { agreeCount } } }": typeof types.CacheAgreeWithAnswerDocument,
    "subscription VotesAnswerUpdated($q: ID!) { answerUpdated(questionId: $q) { kind answer { agreeCount thankCount } } }": typeof types.VotesAnswerUpdatedDocument,
    "mutation VotesAgreeWithAnswer($input: AgreeWithAnswerInput!) { agreeWithAnswer(input: $input) { answer { agreeCount thankCount agreedBy { edges { node { name } } } } } }": typeof types.VotesAgreeWithAnswerDocument,
    "mutation VotesWithdrawAgreement($input: WithdrawAgreementInput!) { withdrawAgreement(input: $input) { answer { agreeCount } } }": typeof types.VotesWithdrawAgreementDocument,
    "mutation VotesThankAnswer($input: ThankAnswerInput!) { thankAnswer(input: $input) { answer { agreeCount thankCount } } }": typeof types.VotesThankAnswerDocument,
    "query WorldCheck($id: ID!) { node(id: $id) { ... on Question { title answerCount answers { edges { node { id body author { ... on Doctor { name } } } } } } } }": typeof types.WorldCheckDocument,
};
const documents: Documents = {
    "mutation ConcurrencyPostAnswer($input: PostAnswerInput!) { postAnswer(input: $input) { answer { id } } }": types.ConcurrencyPostAnswerDocument,
    "query FanOutQuestion { question(slug: \"is-scalp-micropigmentation-permanent\") { id } }": types.FanOutQuestionDocument,
    "subscription FanOutAnswerAdded($q: ID!) { answerAdded(questionId: $q) { node { body author { ... on Doctor { name yearsOfExperience } } } } }": types.FanOutAnswerAddedDocument,
    "mutation FanOutPostAnswer($input: PostAnswerInput!) { postAnswer(input: $input) { answer { body } } }": types.FanOutPostAnswerDocument,
    "query MutationsNode($id: ID!) { node(id: $id) { id ... on Answer { body } } nodes(ids: [$id]) { id } }": types.MutationsNodeDocument,
    "query MutationsQuestions($answered: Boolean) { questions(filter: { answered: $answered }, first: 100) { edges { node { id } } } }": types.MutationsQuestionsDocument,
    "query MutationsNode2($id: ID!) { node(id: $id) { id } }": types.MutationsNode2Document,
    "mutation IdempotencyPostAnswer($input: PostAnswerInput!) { postAnswer(input: $input) { answer { id body } } }": types.IdempotencyPostAnswerDocument,
    "mutation SubscriptionsPostAnswer($input: PostAnswerInput!) { postAnswer(input: $input) { answer { id } } }": types.SubscriptionsPostAnswerDocument,
    "subscription SubscriptionsAnswerAdded($questionId: ID!, $after: String) {\n  answerAdded(questionId: $questionId, after: $after) {\n    cursor\n    node { body author { __typename ... on Doctor { name specialty { name } } ... on StaffMember { name } } }\n  }\n}": types.SubscriptionsAnswerAddedDocument,
    "mutation SubscriptionsAskQuestion($input: AskQuestionInput!) { askQuestion(input: $input) { question { id } } }": types.SubscriptionsAskQuestionDocument,
    "query SubscriptionsQuestion($id: ID!) { question(id: $id) { answers(order: OLDEST_FIRST) { edges { cursor } } } }": types.SubscriptionsQuestionDocument,
    "subscription SubscriptionsAnswerUpdated($questionId: ID!) { answerUpdated(questionId: $questionId) { kind answerId answer { body lastEditedAt } } }": types.SubscriptionsAnswerUpdatedDocument,
    "mutation SubscriptionsEditAnswer($input: EditAnswerInput!) { editAnswer(input: $input) { answer { id } } }": types.SubscriptionsEditAnswerDocument,
    "mutation SubscriptionsHideAnswer($input: HideAnswerInput!) { hideAnswer(input: $input) { answerId } }": types.SubscriptionsHideAnswerDocument,
    "\n  mutation PostAnswer($input: PostAnswerInput!) {\n    postAnswer(input: $input) {\n      answer {\n        id\n        body\n        answeredAt\n        lastEditedAt\n        editorial\n        author {\n          __typename\n          ... on Doctor { name specialty { name } }\n          ... on StaffMember { name }\n        }\n        question { answerCount }\n      }\n    }\n  }\n": types.PostAnswerDocument,
    "\n  mutation EditAnswer($input: EditAnswerInput!) {\n    editAnswer(input: $input) {\n      answer { id body answeredAt lastEditedAt editorial author { __typename ... on Doctor { name } ... on StaffMember { name } } }\n    }\n  }\n": types.EditAnswerDocument,
    "\n  mutation HideAnswer($input: HideAnswerInput!) {\n    hideAnswer(input: $input) { answerId hiddenAt }\n  }\n": types.HideAnswerDocument,
    "\n  query QuestionAnswers($id: ID!, $first: Int, $after: String, $last: Int, $before: String) {\n    question(id: $id) {\n      answerCount\n      lastAnsweredAt\n      answers(first: $first, after: $after, last: $last, before: $before) {\n        totalCount\n        pageInfo { hasNextPage hasPreviousPage }\n        edges { cursor node { id body lastEditedAt } }\n      }\n    }\n  }\n": types.QuestionAnswersDocument,
    "\n  query DoctorAnswers($id: ID!) {\n    doctor(id: $id) {\n      answerCount\n      answers(first: 100) { totalCount edges { cursor node { id body } } }\n    }\n  }\n": types.DoctorAnswersDocument,
    "query CredentialsTopics { topics { slug } }": types.CredentialsTopicsDocument,
    "mutation ConsistencyPostAnswer($input: PostAnswerInput!) { postAnswer(input: $input) { answer { body } } }": types.ConsistencyPostAnswerDocument,
    "mutation ResponseCachePostAnswer($input: PostAnswerInput!) { postAnswer(input: $input) { answer { id } } }": types.ResponseCachePostAnswerDocument,
    "query ResponseCacheDoctor { doctor(slug: \"archit-aggarwal\") { answerCount } }": types.ResponseCacheDoctorDocument,
    "mutation ResponseCacheEditAnswer($input: EditAnswerInput!) { editAnswer(input: $input) { answer { id } } }": types.ResponseCacheEditAnswerDocument,
    "mutation ResponseCacheHideAnswer($input: HideAnswerInput!) { hideAnswer(input: $input) { answerId } }": types.ResponseCacheHideAnswerDocument,
    "mutation ApolloPageAskQuestion($input: AskQuestionInput!) { askQuestion(input: $input) { question { id slug } } }": types.ApolloPageAskQuestionDocument,
    "mutation ApolloPagePostAnswer($input: PostAnswerInput!) { postAnswer(input: $input) { answer { id } } }": types.ApolloPagePostAnswerDocument,
    "mutation LatestAnswerCursorAskQuestion($input: AskQuestionInput!) { askQuestion(input: $input) { question { id slug } } }": types.LatestAnswerCursorAskQuestionDocument,
    "mutation LatestAnswerCursorPostAnswer($input: PostAnswerInput!) { postAnswer(input: $input) { answer { id } } }": types.LatestAnswerCursorPostAnswerDocument,
    "mutation LatestAnswerCursorHideAnswer($id: ID!) { hideAnswer(input: { answerId: $id }) { answerId } }": types.LatestAnswerCursorHideAnswerDocument,
    "mutation LiveAnswersAskQuestion($input: AskQuestionInput!) { askQuestion(input: $input) { question { id slug } } }": types.LiveAnswersAskQuestionDocument,
    "mutation LiveAnswersPostAnswer($input: PostAnswerInput!) { postAnswer(input: $input) { answer { body } } }": types.LiveAnswersPostAnswerDocument,
    "mutation OperationsPostAnswer($input: PostAnswerInput!) { postAnswer(input: $input) { answer { id } } }": types.OperationsPostAnswerDocument,
    "mutation EmbeddedDurabilityAskQuestion($input: AskQuestionInput!) { askQuestion(input: $input) { question { id } } }": types.EmbeddedDurabilityAskQuestionDocument,
    "query EmbeddedDurabilityNodes($ids: [ID!]!) { nodes(ids: $ids) { id } }": types.EmbeddedDurabilityNodesDocument,
    "query EmbeddedQuestion($slug: String!) { question(slug: $slug) { id answerCount } }": types.EmbeddedQuestionDocument,
    "mutation EmbeddedAskQuestion($input: AskQuestionInput!) { askQuestion(input: $input) { question { id } } }": types.EmbeddedAskQuestionDocument,
    "mutation EmbeddedPostAnswer($input: PostAnswerInput!) { postAnswer(input: $input) { answer { id } } }": types.EmbeddedPostAnswerDocument,
    "mutation HaproxyAskQuestion($input: AskQuestionInput!) { askQuestion(input: $input) { question { id } } }": types.HaproxyAskQuestionDocument,
    "mutation HaproxyPostAnswer($input: PostAnswerInput!) { postAnswer(input: $input) { answer { body } } }": types.HaproxyPostAnswerDocument,
    "query HaproxyNode($id: ID!) { node(id: $id) { ... on Question { answers { edges { cursor } } } } }": types.HaproxyNodeDocument,
    "query PgbouncerLocksQuestion($slug: String!) { question(slug: $slug) { title } }": types.PgbouncerLocksQuestionDocument,
    "mutation PgbouncerLocksPostAnswer($input: PostAnswerInput!) { postAnswer(input: $input) { answer { body } } }": types.PgbouncerLocksPostAnswerDocument,
    "query PgbouncerQuestion($slug: String!) { question(slug: $slug) { title answerCount answers(first: 2) { edges { node { body } } } } }": types.PgbouncerQuestionDocument,
    "mutation RedisClusterAskQuestion($input: AskQuestionInput!) { askQuestion(input: $input) { question { id } } }": types.RedisClusterAskQuestionDocument,
    "mutation RedisClusterPostAnswer($input: PostAnswerInput!) { postAnswer(input: $input) { answer { body } } }": types.RedisClusterPostAnswerDocument,
    "subscription RedisClusterAnswerAdded($q: ID!) { answerAdded(questionId: $q) { cursor node { body } } }": types.RedisClusterAnswerAddedDocument,
    "subscription DeployResumingAnswerAdded($q: ID!, $after: String) { answerAdded(questionId: $q, after: $after) { cursor node { body } } }": types.DeployResumingAnswerAddedDocument,
    "query DoctorsDoctor($slug: String!) { doctor(slug: $slug) { name answers(first: 1) { totalCount edges { node { question { title } } } } } }": types.DoctorsDoctorDocument,
    "query DoctorsDoctor2 { doctor(slug: \"nobody\") { name } }": types.DoctorsDoctor2Document,
    "query DoctorsSpecialties { specialties { name } }": types.DoctorsSpecialtiesDocument,
    "query EmbeddedPage { question(slug: \"is-scalp-micropigmentation-permanent\") { answerCount answers { edges { node { author { ... on Doctor { name } ... on StaffMember { name } } } } } } }": types.EmbeddedPageDocument,
    "subscription InstancesAnswerAdded($q: ID!, $after: String) { answerAdded(questionId: $q, after: $after) { cursor node { body } } }": types.InstancesAnswerAddedDocument,
    "mutation InstancesAskQuestion($input: AskQuestionInput!) { askQuestion(input: $input) { question { id } } }": types.InstancesAskQuestionDocument,
    "mutation InstancesPostAnswer($input: PostAnswerInput!) { postAnswer(input: $input) { answer { body } } }": types.InstancesPostAnswerDocument,
    "query InstancesNode($id: ID!) { node(id: $id) { ... on Question { answers { edges { cursor } } } } }": types.InstancesNodeDocument,
    "query LocksQuestion($slug: String!) { question(slug: $slug) { title answers(first: 1) { totalCount } } }": types.LocksQuestionDocument,
    "mutation LocksPostAnswer($input: PostAnswerInput!) { postAnswer(input: $input) { answer { body } } }": types.LocksPostAnswerDocument,
    "mutation PostgresKillPostAnswer($input: PostAnswerInput!) { postAnswer(input: $input) { answer { id body } } }": types.PostgresKillPostAnswerDocument,
    "query PostgresKillQuestion($slug: String!) { question(slug: $slug) { answerCount } }": types.PostgresKillQuestionDocument,
    "query PostgresQuestion($slug: String!) { question(slug: $slug) { title answerCount } }": types.PostgresQuestionDocument,
    "mutation PostgresPostAnswer($input: PostAnswerInput!) { postAnswer(input: $input) { answer { body } } }": types.PostgresPostAnswerDocument,
    "query RedisNode($id: ID!) { node(id: $id) { ... on Question { answerCount } } }": types.RedisNodeDocument,
    "subscription RedisAnswerAdded($q: ID!) { answerAdded(questionId: $q) { cursor node { body } } }": types.RedisAnswerAddedDocument,
    "mutation RedisPostAnswer($input: PostAnswerInput!) { postAnswer(input: $input) { answer { body } } }": types.RedisPostAnswerDocument,
    "mutation RedisAskQuestion($input: AskQuestionInput!) { askQuestion(input: $input) { question { id } } }": types.RedisAskQuestionDocument,
    "mutation ShutdownPostAnswer($input: PostAnswerInput!) { postAnswer(input: $input) { answer { body } } }": types.ShutdownPostAnswerDocument,
    "subscription ShutdownAnswerAdded($q: ID!, $after: String) { answerAdded(questionId: $q, after: $after) { cursor } }": types.ShutdownAnswerAddedDocument,
    "subscription FeedQuestionAsked($filter: QuestionFeedFilter, $after: String) { questionAsked(filter: $filter, after: $after) { cursor node { title } } }": types.FeedQuestionAskedDocument,
    "mutation FeedFollowTopic($input: FollowTopicInput!) { followTopic(input: $input) { topic { slug } followedTopics { slug } } }": types.FeedFollowTopicDocument,
    "mutation FeedUnfollowTopic($input: UnfollowTopicInput!) { unfollowTopic(input: $input) { followedTopics { slug } } }": types.FeedUnfollowTopicDocument,
    "mutation FeedAskQuestion($input: AskQuestionInput!) { askQuestion(input: $input) { question { id } } }": types.FeedAskQuestionDocument,
    "query FeedUnansweredQuestions { unansweredQuestions(first: 100) { edges { node { title answerCount topics { slug } } } } }": types.FeedUnansweredQuestionsDocument,
    "query FeedUnansweredQuestions2 { unansweredQuestions(filter: { topics: [\"no-such-topic\"] }) { edges { cursor } } }": types.FeedUnansweredQuestions2Document,
    "mutation CorsAskQuestion($input: AskQuestionInput!) { askQuestion(input: $input) { question { id } } }": types.CorsAskQuestionDocument,
    "mutation GraphiqlPostAnswer($input: PostAnswerInput!) { postAnswer(input: $input) { answer { id } } }": types.GraphiqlPostAnswerDocument,
    "mutation BadInputAskQuestion($input: AskQuestionInput!) { askQuestion(input: $input) { question { id } } }": types.BadInputAskQuestionDocument,
    "mutation BadInputPostAnswer($input: PostAnswerInput!) { postAnswer(input: $input) { answer { id } } }": types.BadInputPostAnswerDocument,
    "mutation BadInputEditQuestion($input: EditQuestionInput!) { editQuestion(input: $input) { question { id } } }": types.BadInputEditQuestionDocument,
    "query BadInputQuestion($s: String) { question(slug: $s) { id } }": types.BadInputQuestionDocument,
    "query BadInputUnchanged($slug: String!) { question(slug: $slug) { title answers(first: 20) { totalCount } } }": types.BadInputUnchangedDocument,
    "mutation BadInputAsk($input: AskQuestionInput!) { askQuestion(input: $input) { question { id slug title body } } }": types.BadInputAskDocument,
    "query BadInputAsWritten($slug: String!) { question(slug: $slug) { title body answers { edges { node { body } } } } }": types.BadInputAsWrittenDocument,
    "subscription LimitsAnswerAdded($q: ID!) { answerAdded(questionId: $q) { node { question { answers { edges { node {\n        question { answers { edges { node { id } } } } } } } } } } }": types.LimitsAnswerAddedDocument,
    "query LimitsTopics { topics { name } }": types.LimitsTopicsDocument,
    "query NodesNodes($ids: [ID!]!) { nodes(ids: $ids) { id } }": types.NodesNodesDocument,
    "query RateLimitsTopics { topics { name } }": types.RateLimitsTopicsDocument,
    "mutation RateLimitsAskQuestion($input: AskQuestionInput!) { askQuestion(input: $input) { question { id } askerToken } }": types.RateLimitsAskQuestionDocument,
    "mutation RateLimitsPostAnswer($input: PostAnswerInput!) { postAnswer(input: $input) { answer { id } } }": types.RateLimitsPostAnswerDocument,
    "query SlowConnectionsTopics { topics { slug } }": types.SlowConnectionsTopicsDocument,
    "subscription SlowReadersAnswerAdded($q: ID!) { answerAdded(questionId: $q) { cursor node { body } } }": types.SlowReadersAnswerAddedDocument,
    "mutation SlowReadersPostAnswer($input: PostAnswerInput!) { postAnswer(input: $input) { answer { id } } }": types.SlowReadersPostAnswerDocument,
    "query SlowReadersTopics { topics { slug } }": types.SlowReadersTopicsDocument,
    "query Page($slug: String!) { question(slug: $slug) { title answerCount answers(first: 3) { edges { node { answeredAt } } } } }": types.PageDocument,
    "query WorldQuestionId($slug: String!) { question(slug: $slug) { id } }": types.WorldQuestionIdDocument,
    "mutation WorldAsk($input: AskQuestionInput!) { askQuestion(input: $input) { askerToken question { id slug title } } }": types.WorldAskDocument,
    "mutation WorldPostAnswer($input: PostAnswerInput!) { postAnswer(input: $input) { answer { id body } } }": types.WorldPostAnswerDocument,
    "mutation TwoInstancesAskQuestion($input: AskQuestionInput!) { askQuestion(input: $input) { askerToken question { id } } }": types.TwoInstancesAskQuestionDocument,
    "subscription TwoInstancesQuestionAsked($filter: QuestionFeedFilter) { questionAsked(filter: $filter) { node { title } } }": types.TwoInstancesQuestionAskedDocument,
    "mutation TwoInstancesAgreeWithAnswer($input: AgreeWithAnswerInput!) { agreeWithAnswer(input: $input) { answer { agreeCount } } }": types.TwoInstancesAgreeWithAnswerDocument,
    "query TwoInstancesViewer { viewer { role questions { edges { unseenAnswerCount node { title } } } notifications { unreadCount } } }": types.TwoInstancesViewerDocument,
    "query InboxViewer { viewer { role questions { totalCount edges { unseenAnswerCount node { title } } } } }": types.InboxViewerDocument,
    "query InboxViewer2 { viewer { role doctor { name } } }": types.InboxViewer2Document,
    "mutation InboxAskQuestion($input: AskQuestionInput!) { askQuestion(input: $input) { askerToken } }": types.InboxAskQuestionDocument,
    "query LiveViewer { viewer { role notifications { unreadCount } questions { totalCount } } }": types.LiveViewerDocument,
    "query LiveViewer2 { viewer { notifications { unreadCount } } }": types.LiveViewer2Document,
    "mutation NotificationsSupportAskQuestion($input: AskQuestionInput!) { askQuestion(input: $input) { askerToken question { id title } } }": types.NotificationsSupportAskQuestionDocument,
    "mutation NotificationsSupportPostAnswer($input: PostAnswerInput!) { postAnswer(input: $input) { answer { id } } }": types.NotificationsSupportPostAnswerDocument,
    "mutation NotificationsSupportMarkNotificationsRead($input: MarkNotificationsReadInput!) { markNotificationsRead(input: $input) { marked unreadCount } }": types.NotificationsSupportMarkNotificationsReadDocument,
    "query NotificationsSupportViewer { viewer { role notifications(first: 50) { unreadCount totalCount edges { cursor node { kind read question { title } answer { body } } } } } }": types.NotificationsSupportViewerDocument,
    "subscription NotificationsSupportNotificationAdded($after: String) {\n  notificationAdded(after: $after) { cursor node { kind question { title } answer { body } } }\n}": types.NotificationsSupportNotificationAddedDocument,
    "subscription PerfLoadAnswerAdded($q: ID!) { answerAdded(questionId: $q) { node { body } } }": types.PerfLoadAnswerAddedDocument,
    "query ErrorsTopics { topics { name } }": types.ErrorsTopicsDocument,
    "mutation LeaksAskQuestion($input: AskQuestionInput!) { askQuestion(input: $input) { question { id } } }": types.LeaksAskQuestionDocument,
    "query AskQuestion($slug: String!) { question(slug: $slug) { id title } }": types.AskQuestionDocument,
    "query AskQuestion2($id: ID!) { question(id: $id) { title } }": types.AskQuestion2Document,
    "mutation IdempotencyAskQuestion($input: AskQuestionInput!) { askQuestion(input: $input) { question { id title } askerToken } }": types.IdempotencyAskQuestionDocument,
    "mutation IdempotencyEditQuestion($input: EditQuestionInput!) { editQuestion(input: $input) { question { title } } }": types.IdempotencyEditQuestionDocument,
    "query AskType {\n      __type(name: \"Question\") { fields(includeDeprecated: true) { name args { name } } }\n    }": types.AskTypeDocument,
    "query AskSchema {\n      __schema {\n        types {\n          name\n          fields(includeDeprecated: true) { name args { name } }\n          inputFields { name }\n        }\n      }\n    }": types.AskSchemaDocument,
    "mutation AskPostAnswer($q: ID!) { postAnswer(input: { questionId: $q, body: \"x\" }) { answer { id } } }": types.AskPostAnswerDocument,
    "query AskNode($id: ID!) { node(id: $id) { id } }": types.AskNodeDocument,
    "query QuestionsQuestion { question(slug: \"is-scalp-micropigmentation-permanent\") { id title } }": types.QuestionsQuestionDocument,
    "query QuestionsQuestion2($id: ID!) { question(id: $id) { title } node(id: $id) { ... on Question { slug } } }": types.QuestionsQuestion2Document,
    "query QuestionsNode($ids: [ID!]!, $id: ID!) { node(id: $id) { id } nodes(ids: $ids) { id } }": types.QuestionsNodeDocument,
    "query QuestionsQuestion3 { question(slug: \"no-such-question\") { title } }": types.QuestionsQuestion3Document,
    "\n  mutation Ask($input: AskQuestionInput!) {\n    askQuestion(input: $input) {\n      askerToken\n      question { id title body slug askedAt askedAnonymously topics { slug } answerCount lastAnsweredAt answers { totalCount } }\n    }\n  }\n": types.AskDocument,
    "\n  mutation EditQuestion($input: EditQuestionInput!) {\n    editQuestion(input: $input) { question { id title body slug } }\n  }\n": types.EditQuestionDocument,
    "query SqlOperationsNodes($ids: [ID!]!) { nodes(ids: $ids) { id } }": types.SqlOperationsNodesDocument,
    "mutation SqlOperationsPostAnswer($input: PostAnswerInput!) { postAnswer(input: $input) { answer { id } } }": types.SqlOperationsPostAnswerDocument,
    "query CacheQuestion { question(slug: \"is-scalp-micropigmentation-permanent\") {\n  answers { edges { node { id agreeCount agreedBy { edges { node { name } } } author { ... on Doctor { slug } } } } }\n} }": types.CacheQuestionDocument,
    "mutation CacheAgreeWithAnswer($input: AgreeWithAnswerInput!) { agreeWithAnswer(input: $input) { answer { agreeCount } } }": types.CacheAgreeWithAnswerDocument,
    "subscription VotesAnswerUpdated($q: ID!) { answerUpdated(questionId: $q) { kind answer { agreeCount thankCount } } }": types.VotesAnswerUpdatedDocument,
    "mutation VotesAgreeWithAnswer($input: AgreeWithAnswerInput!) { agreeWithAnswer(input: $input) { answer { agreeCount thankCount agreedBy { edges { node { name } } } } } }": types.VotesAgreeWithAnswerDocument,
    "mutation VotesWithdrawAgreement($input: WithdrawAgreementInput!) { withdrawAgreement(input: $input) { answer { agreeCount } } }": types.VotesWithdrawAgreementDocument,
    "mutation VotesThankAnswer($input: ThankAnswerInput!) { thankAnswer(input: $input) { answer { agreeCount thankCount } } }": types.VotesThankAnswerDocument,
    "query WorldCheck($id: ID!) { node(id: $id) { ... on Question { title answerCount answers { edges { node { id body author { ... on Doctor { name } } } } } } } }": types.WorldCheckDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation ConcurrencyPostAnswer($input: PostAnswerInput!) { postAnswer(input: $input) { answer { id } } }"): typeof import('./graphql').ConcurrencyPostAnswerDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query FanOutQuestion { question(slug: \"is-scalp-micropigmentation-permanent\") { id } }"): typeof import('./graphql').FanOutQuestionDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "subscription FanOutAnswerAdded($q: ID!) { answerAdded(questionId: $q) { node { body author { ... on Doctor { name yearsOfExperience } } } } }"): typeof import('./graphql').FanOutAnswerAddedDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation FanOutPostAnswer($input: PostAnswerInput!) { postAnswer(input: $input) { answer { body } } }"): typeof import('./graphql').FanOutPostAnswerDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query MutationsNode($id: ID!) { node(id: $id) { id ... on Answer { body } } nodes(ids: [$id]) { id } }"): typeof import('./graphql').MutationsNodeDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query MutationsQuestions($answered: Boolean) { questions(filter: { answered: $answered }, first: 100) { edges { node { id } } } }"): typeof import('./graphql').MutationsQuestionsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query MutationsNode2($id: ID!) { node(id: $id) { id } }"): typeof import('./graphql').MutationsNode2Document;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation IdempotencyPostAnswer($input: PostAnswerInput!) { postAnswer(input: $input) { answer { id body } } }"): typeof import('./graphql').IdempotencyPostAnswerDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation SubscriptionsPostAnswer($input: PostAnswerInput!) { postAnswer(input: $input) { answer { id } } }"): typeof import('./graphql').SubscriptionsPostAnswerDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "subscription SubscriptionsAnswerAdded($questionId: ID!, $after: String) {\n  answerAdded(questionId: $questionId, after: $after) {\n    cursor\n    node { body author { __typename ... on Doctor { name specialty { name } } ... on StaffMember { name } } }\n  }\n}"): typeof import('./graphql').SubscriptionsAnswerAddedDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation SubscriptionsAskQuestion($input: AskQuestionInput!) { askQuestion(input: $input) { question { id } } }"): typeof import('./graphql').SubscriptionsAskQuestionDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query SubscriptionsQuestion($id: ID!) { question(id: $id) { answers(order: OLDEST_FIRST) { edges { cursor } } } }"): typeof import('./graphql').SubscriptionsQuestionDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "subscription SubscriptionsAnswerUpdated($questionId: ID!) { answerUpdated(questionId: $questionId) { kind answerId answer { body lastEditedAt } } }"): typeof import('./graphql').SubscriptionsAnswerUpdatedDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation SubscriptionsEditAnswer($input: EditAnswerInput!) { editAnswer(input: $input) { answer { id } } }"): typeof import('./graphql').SubscriptionsEditAnswerDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation SubscriptionsHideAnswer($input: HideAnswerInput!) { hideAnswer(input: $input) { answerId } }"): typeof import('./graphql').SubscriptionsHideAnswerDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PostAnswer($input: PostAnswerInput!) {\n    postAnswer(input: $input) {\n      answer {\n        id\n        body\n        answeredAt\n        lastEditedAt\n        editorial\n        author {\n          __typename\n          ... on Doctor { name specialty { name } }\n          ... on StaffMember { name }\n        }\n        question { answerCount }\n      }\n    }\n  }\n"): typeof import('./graphql').PostAnswerDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation EditAnswer($input: EditAnswerInput!) {\n    editAnswer(input: $input) {\n      answer { id body answeredAt lastEditedAt editorial author { __typename ... on Doctor { name } ... on StaffMember { name } } }\n    }\n  }\n"): typeof import('./graphql').EditAnswerDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation HideAnswer($input: HideAnswerInput!) {\n    hideAnswer(input: $input) { answerId hiddenAt }\n  }\n"): typeof import('./graphql').HideAnswerDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query QuestionAnswers($id: ID!, $first: Int, $after: String, $last: Int, $before: String) {\n    question(id: $id) {\n      answerCount\n      lastAnsweredAt\n      answers(first: $first, after: $after, last: $last, before: $before) {\n        totalCount\n        pageInfo { hasNextPage hasPreviousPage }\n        edges { cursor node { id body lastEditedAt } }\n      }\n    }\n  }\n"): typeof import('./graphql').QuestionAnswersDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DoctorAnswers($id: ID!) {\n    doctor(id: $id) {\n      answerCount\n      answers(first: 100) { totalCount edges { cursor node { id body } } }\n    }\n  }\n"): typeof import('./graphql').DoctorAnswersDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query CredentialsTopics { topics { slug } }"): typeof import('./graphql').CredentialsTopicsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation ConsistencyPostAnswer($input: PostAnswerInput!) { postAnswer(input: $input) { answer { body } } }"): typeof import('./graphql').ConsistencyPostAnswerDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation ResponseCachePostAnswer($input: PostAnswerInput!) { postAnswer(input: $input) { answer { id } } }"): typeof import('./graphql').ResponseCachePostAnswerDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ResponseCacheDoctor { doctor(slug: \"archit-aggarwal\") { answerCount } }"): typeof import('./graphql').ResponseCacheDoctorDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation ResponseCacheEditAnswer($input: EditAnswerInput!) { editAnswer(input: $input) { answer { id } } }"): typeof import('./graphql').ResponseCacheEditAnswerDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation ResponseCacheHideAnswer($input: HideAnswerInput!) { hideAnswer(input: $input) { answerId } }"): typeof import('./graphql').ResponseCacheHideAnswerDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation ApolloPageAskQuestion($input: AskQuestionInput!) { askQuestion(input: $input) { question { id slug } } }"): typeof import('./graphql').ApolloPageAskQuestionDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation ApolloPagePostAnswer($input: PostAnswerInput!) { postAnswer(input: $input) { answer { id } } }"): typeof import('./graphql').ApolloPagePostAnswerDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation LatestAnswerCursorAskQuestion($input: AskQuestionInput!) { askQuestion(input: $input) { question { id slug } } }"): typeof import('./graphql').LatestAnswerCursorAskQuestionDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation LatestAnswerCursorPostAnswer($input: PostAnswerInput!) { postAnswer(input: $input) { answer { id } } }"): typeof import('./graphql').LatestAnswerCursorPostAnswerDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation LatestAnswerCursorHideAnswer($id: ID!) { hideAnswer(input: { answerId: $id }) { answerId } }"): typeof import('./graphql').LatestAnswerCursorHideAnswerDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation LiveAnswersAskQuestion($input: AskQuestionInput!) { askQuestion(input: $input) { question { id slug } } }"): typeof import('./graphql').LiveAnswersAskQuestionDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation LiveAnswersPostAnswer($input: PostAnswerInput!) { postAnswer(input: $input) { answer { body } } }"): typeof import('./graphql').LiveAnswersPostAnswerDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation OperationsPostAnswer($input: PostAnswerInput!) { postAnswer(input: $input) { answer { id } } }"): typeof import('./graphql').OperationsPostAnswerDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation EmbeddedDurabilityAskQuestion($input: AskQuestionInput!) { askQuestion(input: $input) { question { id } } }"): typeof import('./graphql').EmbeddedDurabilityAskQuestionDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query EmbeddedDurabilityNodes($ids: [ID!]!) { nodes(ids: $ids) { id } }"): typeof import('./graphql').EmbeddedDurabilityNodesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query EmbeddedQuestion($slug: String!) { question(slug: $slug) { id answerCount } }"): typeof import('./graphql').EmbeddedQuestionDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation EmbeddedAskQuestion($input: AskQuestionInput!) { askQuestion(input: $input) { question { id } } }"): typeof import('./graphql').EmbeddedAskQuestionDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation EmbeddedPostAnswer($input: PostAnswerInput!) { postAnswer(input: $input) { answer { id } } }"): typeof import('./graphql').EmbeddedPostAnswerDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation HaproxyAskQuestion($input: AskQuestionInput!) { askQuestion(input: $input) { question { id } } }"): typeof import('./graphql').HaproxyAskQuestionDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation HaproxyPostAnswer($input: PostAnswerInput!) { postAnswer(input: $input) { answer { body } } }"): typeof import('./graphql').HaproxyPostAnswerDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query HaproxyNode($id: ID!) { node(id: $id) { ... on Question { answers { edges { cursor } } } } }"): typeof import('./graphql').HaproxyNodeDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query PgbouncerLocksQuestion($slug: String!) { question(slug: $slug) { title } }"): typeof import('./graphql').PgbouncerLocksQuestionDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation PgbouncerLocksPostAnswer($input: PostAnswerInput!) { postAnswer(input: $input) { answer { body } } }"): typeof import('./graphql').PgbouncerLocksPostAnswerDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query PgbouncerQuestion($slug: String!) { question(slug: $slug) { title answerCount answers(first: 2) { edges { node { body } } } } }"): typeof import('./graphql').PgbouncerQuestionDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation RedisClusterAskQuestion($input: AskQuestionInput!) { askQuestion(input: $input) { question { id } } }"): typeof import('./graphql').RedisClusterAskQuestionDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation RedisClusterPostAnswer($input: PostAnswerInput!) { postAnswer(input: $input) { answer { body } } }"): typeof import('./graphql').RedisClusterPostAnswerDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "subscription RedisClusterAnswerAdded($q: ID!) { answerAdded(questionId: $q) { cursor node { body } } }"): typeof import('./graphql').RedisClusterAnswerAddedDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "subscription DeployResumingAnswerAdded($q: ID!, $after: String) { answerAdded(questionId: $q, after: $after) { cursor node { body } } }"): typeof import('./graphql').DeployResumingAnswerAddedDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query DoctorsDoctor($slug: String!) { doctor(slug: $slug) { name answers(first: 1) { totalCount edges { node { question { title } } } } } }"): typeof import('./graphql').DoctorsDoctorDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query DoctorsDoctor2 { doctor(slug: \"nobody\") { name } }"): typeof import('./graphql').DoctorsDoctor2Document;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query DoctorsSpecialties { specialties { name } }"): typeof import('./graphql').DoctorsSpecialtiesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query EmbeddedPage { question(slug: \"is-scalp-micropigmentation-permanent\") { answerCount answers { edges { node { author { ... on Doctor { name } ... on StaffMember { name } } } } } } }"): typeof import('./graphql').EmbeddedPageDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "subscription InstancesAnswerAdded($q: ID!, $after: String) { answerAdded(questionId: $q, after: $after) { cursor node { body } } }"): typeof import('./graphql').InstancesAnswerAddedDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation InstancesAskQuestion($input: AskQuestionInput!) { askQuestion(input: $input) { question { id } } }"): typeof import('./graphql').InstancesAskQuestionDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation InstancesPostAnswer($input: PostAnswerInput!) { postAnswer(input: $input) { answer { body } } }"): typeof import('./graphql').InstancesPostAnswerDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query InstancesNode($id: ID!) { node(id: $id) { ... on Question { answers { edges { cursor } } } } }"): typeof import('./graphql').InstancesNodeDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query LocksQuestion($slug: String!) { question(slug: $slug) { title answers(first: 1) { totalCount } } }"): typeof import('./graphql').LocksQuestionDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation LocksPostAnswer($input: PostAnswerInput!) { postAnswer(input: $input) { answer { body } } }"): typeof import('./graphql').LocksPostAnswerDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation PostgresKillPostAnswer($input: PostAnswerInput!) { postAnswer(input: $input) { answer { id body } } }"): typeof import('./graphql').PostgresKillPostAnswerDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query PostgresKillQuestion($slug: String!) { question(slug: $slug) { answerCount } }"): typeof import('./graphql').PostgresKillQuestionDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query PostgresQuestion($slug: String!) { question(slug: $slug) { title answerCount } }"): typeof import('./graphql').PostgresQuestionDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation PostgresPostAnswer($input: PostAnswerInput!) { postAnswer(input: $input) { answer { body } } }"): typeof import('./graphql').PostgresPostAnswerDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query RedisNode($id: ID!) { node(id: $id) { ... on Question { answerCount } } }"): typeof import('./graphql').RedisNodeDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "subscription RedisAnswerAdded($q: ID!) { answerAdded(questionId: $q) { cursor node { body } } }"): typeof import('./graphql').RedisAnswerAddedDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation RedisPostAnswer($input: PostAnswerInput!) { postAnswer(input: $input) { answer { body } } }"): typeof import('./graphql').RedisPostAnswerDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation RedisAskQuestion($input: AskQuestionInput!) { askQuestion(input: $input) { question { id } } }"): typeof import('./graphql').RedisAskQuestionDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation ShutdownPostAnswer($input: PostAnswerInput!) { postAnswer(input: $input) { answer { body } } }"): typeof import('./graphql').ShutdownPostAnswerDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "subscription ShutdownAnswerAdded($q: ID!, $after: String) { answerAdded(questionId: $q, after: $after) { cursor } }"): typeof import('./graphql').ShutdownAnswerAddedDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "subscription FeedQuestionAsked($filter: QuestionFeedFilter, $after: String) { questionAsked(filter: $filter, after: $after) { cursor node { title } } }"): typeof import('./graphql').FeedQuestionAskedDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation FeedFollowTopic($input: FollowTopicInput!) { followTopic(input: $input) { topic { slug } followedTopics { slug } } }"): typeof import('./graphql').FeedFollowTopicDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation FeedUnfollowTopic($input: UnfollowTopicInput!) { unfollowTopic(input: $input) { followedTopics { slug } } }"): typeof import('./graphql').FeedUnfollowTopicDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation FeedAskQuestion($input: AskQuestionInput!) { askQuestion(input: $input) { question { id } } }"): typeof import('./graphql').FeedAskQuestionDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query FeedUnansweredQuestions { unansweredQuestions(first: 100) { edges { node { title answerCount topics { slug } } } } }"): typeof import('./graphql').FeedUnansweredQuestionsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query FeedUnansweredQuestions2 { unansweredQuestions(filter: { topics: [\"no-such-topic\"] }) { edges { cursor } } }"): typeof import('./graphql').FeedUnansweredQuestions2Document;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation CorsAskQuestion($input: AskQuestionInput!) { askQuestion(input: $input) { question { id } } }"): typeof import('./graphql').CorsAskQuestionDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation GraphiqlPostAnswer($input: PostAnswerInput!) { postAnswer(input: $input) { answer { id } } }"): typeof import('./graphql').GraphiqlPostAnswerDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation BadInputAskQuestion($input: AskQuestionInput!) { askQuestion(input: $input) { question { id } } }"): typeof import('./graphql').BadInputAskQuestionDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation BadInputPostAnswer($input: PostAnswerInput!) { postAnswer(input: $input) { answer { id } } }"): typeof import('./graphql').BadInputPostAnswerDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation BadInputEditQuestion($input: EditQuestionInput!) { editQuestion(input: $input) { question { id } } }"): typeof import('./graphql').BadInputEditQuestionDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query BadInputQuestion($s: String) { question(slug: $s) { id } }"): typeof import('./graphql').BadInputQuestionDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query BadInputUnchanged($slug: String!) { question(slug: $slug) { title answers(first: 20) { totalCount } } }"): typeof import('./graphql').BadInputUnchangedDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation BadInputAsk($input: AskQuestionInput!) { askQuestion(input: $input) { question { id slug title body } } }"): typeof import('./graphql').BadInputAskDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query BadInputAsWritten($slug: String!) { question(slug: $slug) { title body answers { edges { node { body } } } } }"): typeof import('./graphql').BadInputAsWrittenDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "subscription LimitsAnswerAdded($q: ID!) { answerAdded(questionId: $q) { node { question { answers { edges { node {\n        question { answers { edges { node { id } } } } } } } } } } }"): typeof import('./graphql').LimitsAnswerAddedDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query LimitsTopics { topics { name } }"): typeof import('./graphql').LimitsTopicsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query NodesNodes($ids: [ID!]!) { nodes(ids: $ids) { id } }"): typeof import('./graphql').NodesNodesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query RateLimitsTopics { topics { name } }"): typeof import('./graphql').RateLimitsTopicsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation RateLimitsAskQuestion($input: AskQuestionInput!) { askQuestion(input: $input) { question { id } askerToken } }"): typeof import('./graphql').RateLimitsAskQuestionDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation RateLimitsPostAnswer($input: PostAnswerInput!) { postAnswer(input: $input) { answer { id } } }"): typeof import('./graphql').RateLimitsPostAnswerDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query SlowConnectionsTopics { topics { slug } }"): typeof import('./graphql').SlowConnectionsTopicsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "subscription SlowReadersAnswerAdded($q: ID!) { answerAdded(questionId: $q) { cursor node { body } } }"): typeof import('./graphql').SlowReadersAnswerAddedDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation SlowReadersPostAnswer($input: PostAnswerInput!) { postAnswer(input: $input) { answer { id } } }"): typeof import('./graphql').SlowReadersPostAnswerDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query SlowReadersTopics { topics { slug } }"): typeof import('./graphql').SlowReadersTopicsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Page($slug: String!) { question(slug: $slug) { title answerCount answers(first: 3) { edges { node { answeredAt } } } } }"): typeof import('./graphql').PageDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query WorldQuestionId($slug: String!) { question(slug: $slug) { id } }"): typeof import('./graphql').WorldQuestionIdDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation WorldAsk($input: AskQuestionInput!) { askQuestion(input: $input) { askerToken question { id slug title } } }"): typeof import('./graphql').WorldAskDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation WorldPostAnswer($input: PostAnswerInput!) { postAnswer(input: $input) { answer { id body } } }"): typeof import('./graphql').WorldPostAnswerDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation TwoInstancesAskQuestion($input: AskQuestionInput!) { askQuestion(input: $input) { askerToken question { id } } }"): typeof import('./graphql').TwoInstancesAskQuestionDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "subscription TwoInstancesQuestionAsked($filter: QuestionFeedFilter) { questionAsked(filter: $filter) { node { title } } }"): typeof import('./graphql').TwoInstancesQuestionAskedDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation TwoInstancesAgreeWithAnswer($input: AgreeWithAnswerInput!) { agreeWithAnswer(input: $input) { answer { agreeCount } } }"): typeof import('./graphql').TwoInstancesAgreeWithAnswerDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query TwoInstancesViewer { viewer { role questions { edges { unseenAnswerCount node { title } } } notifications { unreadCount } } }"): typeof import('./graphql').TwoInstancesViewerDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query InboxViewer { viewer { role questions { totalCount edges { unseenAnswerCount node { title } } } } }"): typeof import('./graphql').InboxViewerDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query InboxViewer2 { viewer { role doctor { name } } }"): typeof import('./graphql').InboxViewer2Document;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation InboxAskQuestion($input: AskQuestionInput!) { askQuestion(input: $input) { askerToken } }"): typeof import('./graphql').InboxAskQuestionDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query LiveViewer { viewer { role notifications { unreadCount } questions { totalCount } } }"): typeof import('./graphql').LiveViewerDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query LiveViewer2 { viewer { notifications { unreadCount } } }"): typeof import('./graphql').LiveViewer2Document;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation NotificationsSupportAskQuestion($input: AskQuestionInput!) { askQuestion(input: $input) { askerToken question { id title } } }"): typeof import('./graphql').NotificationsSupportAskQuestionDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation NotificationsSupportPostAnswer($input: PostAnswerInput!) { postAnswer(input: $input) { answer { id } } }"): typeof import('./graphql').NotificationsSupportPostAnswerDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation NotificationsSupportMarkNotificationsRead($input: MarkNotificationsReadInput!) { markNotificationsRead(input: $input) { marked unreadCount } }"): typeof import('./graphql').NotificationsSupportMarkNotificationsReadDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query NotificationsSupportViewer { viewer { role notifications(first: 50) { unreadCount totalCount edges { cursor node { kind read question { title } answer { body } } } } } }"): typeof import('./graphql').NotificationsSupportViewerDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "subscription NotificationsSupportNotificationAdded($after: String) {\n  notificationAdded(after: $after) { cursor node { kind question { title } answer { body } } }\n}"): typeof import('./graphql').NotificationsSupportNotificationAddedDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "subscription PerfLoadAnswerAdded($q: ID!) { answerAdded(questionId: $q) { node { body } } }"): typeof import('./graphql').PerfLoadAnswerAddedDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ErrorsTopics { topics { name } }"): typeof import('./graphql').ErrorsTopicsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation LeaksAskQuestion($input: AskQuestionInput!) { askQuestion(input: $input) { question { id } } }"): typeof import('./graphql').LeaksAskQuestionDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query AskQuestion($slug: String!) { question(slug: $slug) { id title } }"): typeof import('./graphql').AskQuestionDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query AskQuestion2($id: ID!) { question(id: $id) { title } }"): typeof import('./graphql').AskQuestion2Document;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation IdempotencyAskQuestion($input: AskQuestionInput!) { askQuestion(input: $input) { question { id title } askerToken } }"): typeof import('./graphql').IdempotencyAskQuestionDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation IdempotencyEditQuestion($input: EditQuestionInput!) { editQuestion(input: $input) { question { title } } }"): typeof import('./graphql').IdempotencyEditQuestionDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query AskType {\n      __type(name: \"Question\") { fields(includeDeprecated: true) { name args { name } } }\n    }"): typeof import('./graphql').AskTypeDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query AskSchema {\n      __schema {\n        types {\n          name\n          fields(includeDeprecated: true) { name args { name } }\n          inputFields { name }\n        }\n      }\n    }"): typeof import('./graphql').AskSchemaDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation AskPostAnswer($q: ID!) { postAnswer(input: { questionId: $q, body: \"x\" }) { answer { id } } }"): typeof import('./graphql').AskPostAnswerDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query AskNode($id: ID!) { node(id: $id) { id } }"): typeof import('./graphql').AskNodeDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query QuestionsQuestion { question(slug: \"is-scalp-micropigmentation-permanent\") { id title } }"): typeof import('./graphql').QuestionsQuestionDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query QuestionsQuestion2($id: ID!) { question(id: $id) { title } node(id: $id) { ... on Question { slug } } }"): typeof import('./graphql').QuestionsQuestion2Document;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query QuestionsNode($ids: [ID!]!, $id: ID!) { node(id: $id) { id } nodes(ids: $ids) { id } }"): typeof import('./graphql').QuestionsNodeDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query QuestionsQuestion3 { question(slug: \"no-such-question\") { title } }"): typeof import('./graphql').QuestionsQuestion3Document;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Ask($input: AskQuestionInput!) {\n    askQuestion(input: $input) {\n      askerToken\n      question { id title body slug askedAt askedAnonymously topics { slug } answerCount lastAnsweredAt answers { totalCount } }\n    }\n  }\n"): typeof import('./graphql').AskDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation EditQuestion($input: EditQuestionInput!) {\n    editQuestion(input: $input) { question { id title body slug } }\n  }\n"): typeof import('./graphql').EditQuestionDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query SqlOperationsNodes($ids: [ID!]!) { nodes(ids: $ids) { id } }"): typeof import('./graphql').SqlOperationsNodesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation SqlOperationsPostAnswer($input: PostAnswerInput!) { postAnswer(input: $input) { answer { id } } }"): typeof import('./graphql').SqlOperationsPostAnswerDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query CacheQuestion { question(slug: \"is-scalp-micropigmentation-permanent\") {\n  answers { edges { node { id agreeCount agreedBy { edges { node { name } } } author { ... on Doctor { slug } } } } }\n} }"): typeof import('./graphql').CacheQuestionDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation CacheAgreeWithAnswer($input: AgreeWithAnswerInput!) { agreeWithAnswer(input: $input) { answer { agreeCount } } }"): typeof import('./graphql').CacheAgreeWithAnswerDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "subscription VotesAnswerUpdated($q: ID!) { answerUpdated(questionId: $q) { kind answer { agreeCount thankCount } } }"): typeof import('./graphql').VotesAnswerUpdatedDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation VotesAgreeWithAnswer($input: AgreeWithAnswerInput!) { agreeWithAnswer(input: $input) { answer { agreeCount thankCount agreedBy { edges { node { name } } } } } }"): typeof import('./graphql').VotesAgreeWithAnswerDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation VotesWithdrawAgreement($input: WithdrawAgreementInput!) { withdrawAgreement(input: $input) { answer { agreeCount } } }"): typeof import('./graphql').VotesWithdrawAgreementDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation VotesThankAnswer($input: ThankAnswerInput!) { thankAnswer(input: $input) { answer { agreeCount thankCount } } }"): typeof import('./graphql').VotesThankAnswerDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query WorldCheck($id: ID!) { node(id: $id) { ... on Question { title answerCount answers { edges { node { id body author { ... on Doctor { name } } } } } } } }"): typeof import('./graphql').WorldCheckDocument;


export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}
