-- question.last_answer_id: the id of the question's newest visible answer, kept by the same
-- counter trigger as answer_count. The question page reads it in the statement that reads the
-- page's answers, so `Question.latestAnswerCursor` (where `answerAdded(after:)` resumes) always
-- matches the answers the page shows: an answer committed meanwhile is in both or in neither.
-- A separate `max(id)` query could not promise that, and the page's own cursors cannot either:
-- answers are listed by `answered_at`, which is taken before the question lock that orders ids.

ALTER TABLE "question" ADD COLUMN "last_answer_id" INTEGER;

UPDATE "question" q
   SET "last_answer_id" = (SELECT max(a."id") FROM "answer" a WHERE a."question_id" = q."id" AND a."hidden_at" IS NULL);

CREATE OR REPLACE FUNCTION "refresh_answer_counts"(question_ids INTEGER[], doctor_ids INTEGER[]) RETURNS VOID
LANGUAGE plpgsql AS $$
BEGIN
    PERFORM 1 FROM "question" WHERE "id" = ANY(question_ids) ORDER BY "id" FOR NO KEY UPDATE;
    UPDATE "question" q
       SET "answer_count" = s.n, "last_answered_at" = s.last, "last_answer_id" = s.last_id
      FROM (SELECT ids.id, count(a."id")::INTEGER AS n, max(a."answered_at") AS last, max(a."id") AS last_id
              FROM (SELECT DISTINCT unnest(question_ids) AS id) ids
              LEFT JOIN "answer" a ON a."question_id" = ids.id AND a."hidden_at" IS NULL
             GROUP BY ids.id) s
     WHERE q."id" = s.id;

    PERFORM 1 FROM "doctor" WHERE "id" = ANY(doctor_ids) ORDER BY "id" FOR NO KEY UPDATE;
    UPDATE "doctor" d
       SET "answer_count" = s.n
      FROM (SELECT ids.id, count(a."id")::INTEGER AS n
              FROM (SELECT DISTINCT unnest(doctor_ids) AS id) ids
              LEFT JOIN "answer" a ON a."doctor_id" = ids.id AND a."hidden_at" IS NULL
             GROUP BY ids.id) s
     WHERE d."id" = s.id;
END $$;
