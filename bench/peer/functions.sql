-- What PostGraphile needs beyond the tables to serve the bench's two pages: the same rules as the
-- API's, as SQL functions it exposes as computed columns and a root query field. STABLE SQL
-- functions, so that PostGraphile inlines them into the page's one statement.

-- Question.topics: the question's topics by name (the API lists them by name too).
CREATE OR REPLACE FUNCTION question_topics_by_name(q question) RETURNS SETOF topic
LANGUAGE sql STABLE AS $$
  SELECT t.* FROM topic t JOIN "_question_topic" qt ON qt."B" = t.id WHERE qt."A" = q.id ORDER BY t.name, t.id
$$;

-- Question.visibleAnswers: newest first, hidden answers left out.
CREATE OR REPLACE FUNCTION question_visible_answers(q question) RETURNS SETOF answer
LANGUAGE sql STABLE AS $$
  SELECT a.* FROM answer a WHERE a.question_id = q.id AND a.hidden_at IS NULL ORDER BY a.answered_at DESC, a.id DESC
$$;

-- Question.relevantBlogs: the newest posts sharing a topic with the question.
CREATE OR REPLACE FUNCTION question_relevant_blogs(q question) RETURNS SETOF blog_post
LANGUAGE sql STABLE AS $$
  SELECT b.* FROM blog_post b
  WHERE EXISTS (
    SELECT 1 FROM "_blog_post_topic" bt JOIN "_question_topic" qt ON qt."B" = bt."B"
    WHERE bt."A" = b.id AND qt."A" = q.id)
  ORDER BY b.published_at DESC, b.id DESC
$$;

-- Query.recentlyAnsweredQuestions(topicSlug): the list page, most recently answered first.
CREATE OR REPLACE FUNCTION recently_answered_questions(topic_slug text) RETURNS SETOF question
LANGUAGE sql STABLE AS $$
  SELECT q.* FROM question q
  WHERE q.last_answered_at IS NOT NULL
    AND EXISTS (SELECT 1 FROM "_question_topic" qt JOIN topic t ON t.id = qt."B" WHERE qt."A" = q.id AND t.slug = topic_slug)
  ORDER BY q.last_answered_at DESC, q.id DESC
$$;
