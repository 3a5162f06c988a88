-- The counter triggers locked question and doctor rows FOR UPDATE. Inserting an answer first
-- takes KEY SHARE locks on them (foreign key checks), so two answers by one doctor to two
-- questions at once each held KEY SHARE on the doctor and waited for the other: a deadlock.
-- FOR NO KEY UPDATE does not conflict with KEY SHARE, and is what the UPDATE itself takes.

CREATE OR REPLACE FUNCTION "refresh_answer_counts"(question_ids INTEGER[], doctor_ids INTEGER[]) RETURNS VOID
LANGUAGE plpgsql AS $$
BEGIN
    PERFORM 1 FROM "question" WHERE "id" = ANY(question_ids) ORDER BY "id" FOR NO KEY UPDATE;
    UPDATE "question" q
       SET "answer_count" = s.n, "last_answered_at" = s.last
      FROM (SELECT ids.id, count(a."id")::INTEGER AS n, max(a."answered_at") AS last
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
