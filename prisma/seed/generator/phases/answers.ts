import { Random } from '../random';
import { doctorAnswerText, pickSubject, type Subject, staffAnswerText } from '../vocabulary/templates';
import { insert, type Statement } from '../writer';
import { DAY_MS, iso, type PhaseContext, type Reference } from './context';
import type { DoctorPool } from './doctors';
import type { Plan } from './plan';
import type { WrittenQuestions } from './questions';

/** One answer's author: a doctor or a staff member, never both. */
interface Author {
  doctorId: number | null;
  staffId: number | null;
}

/**
 * Answers: ~5% by staff, ~3% edited (with an edit row by the author), ~1% hidden. One batch holds
 * all the answers of `batchSize` questions, so that the counter trigger refreshes each question
 * once and each doctor once per batch (a doctor's refresh recounts all their answers, which is
 * what dominates the cost past ~100k answers).
 */
export async function writeAnswers(
  ctx: PhaseContext,
  reference: Reference,
  doctors: DoctorPool,
  plan: Plan,
  questions: WrittenQuestions,
): Promise<void> {
  const { writer, seed, now, batchSize } = ctx;
  const questionCount = plan.askedAt.length;
  const sizes: number[] = [];
  for (let start = 0; start < questionCount; start += batchSize) {
    let size = 0;
    for (let i = start; i < Math.min(start + batchSize, questionCount); i++) size += plan.answersOf[i] as number;
    sizes.push(size);
  }
  const r = new Random(seed, 5);
  const answerIds = await writer.reserveIds('answer', plan.answerTotal);
  let question = 0;
  let answerOfQuestion = 0;
  let subject: Subject | null = null;
  let authors = new Set<number>();

  /** A doctor answers a question once; doctors of the question's specialties more often. */
  const pickAuthor = (s: Subject): Author => {
    if (r.chance(0.05)) return { doctorId: null, staffId: r.pick(reference.staffIds) };
    let candidate = 0;
    for (let tries = 0; tries < 6; tries++) {
      const pool = r.chance(0.6) ? (doctors.bySpecialty.get(r.pick(s.topic.specialties)) ?? doctors.all) : doctors.all;
      candidate = r.pickSkewed(pool, 2);
      if (!authors.has(candidate)) break;
    }
    authors.add(candidate);
    return { doctorId: candidate, staffId: null };
  };

  await writer.writeBatches(
    'answers',
    plan.answerTotal,
    (start, n) => {
      const ids = answerIds.subarray(start, start + n);
      const rows = {
        questions: [] as number[],
        doctors: [] as (number | null)[],
        staff: [] as (number | null)[],
        bodies: [] as string[],
        answered: [] as string[],
        edited: [] as (string | null)[],
        hidden: [] as (string | null)[],
      };
      const edits = {
        answer: [] as number[],
        doctor: [] as (number | null)[],
        staff: [] as (number | null)[],
        at: [] as string[],
        previous: [] as string[],
      };
      for (const id of ids) {
        while (answerOfQuestion >= (plan.answersOf[question] as number)) {
          question++;
          answerOfQuestion = 0;
          subject = null;
        }
        if (subject === null) {
          subject = pickSubject(
            new Random(seed, questions.subjectSeeds[question] as number),
            questions.primaryTopic[question] as number,
          );
          authors = new Set();
        }
        answerOfQuestion++;
        const asked = plan.askedAt[question] as number;
        // Most answers come within days; some much later.
        const delay = r.chance(0.8) ? 60_000 + r.exponential(3 * DAY_MS) : r.next() * (now - asked);
        const answeredAt = Math.min(asked + Math.max(60_000, delay), now - 1000);
        const { doctorId, staffId } = pickAuthor(subject);
        const body = staffId === null ? doctorAnswerText(r, subject) : staffAnswerText(r, subject);

        let editedAt: number | null = null;
        if (r.chance(0.03)) {
          editedAt = Math.min(answeredAt + 60_000 + r.next() * Math.min(30 * DAY_MS, now - answeredAt), now - 1);
          edits.answer.push(id);
          edits.doctor.push(doctorId);
          edits.staff.push(staffId);
          edits.at.push(iso(editedAt));
          // The draft before the edit: its first sentence or paragraph.
          edits.previous.push(body.split(/\n\n|(?<=\.) /)[0] ?? body);
        }
        const hiddenAt = r.chance(0.01) ? Math.min(answeredAt + r.next() * DAY_MS, now - 1) : null;
        rows.questions.push(questions.ids[question] as number);
        rows.doctors.push(doctorId);
        rows.staff.push(staffId);
        rows.bodies.push(body);
        rows.answered.push(iso(answeredAt));
        rows.edited.push(editedAt === null ? null : iso(editedAt));
        rows.hidden.push(hiddenAt === null ? null : iso(hiddenAt));
      }
      const statements: Statement[] = [
        insert(
          'answer',
          'id, question_id, doctor_id, staff_member_id, body, answered_at, last_edited_at, hidden_at',
          'int, int, int, int, text, timestamptz, timestamptz, timestamptz',
          [
            Array.from(ids),
            rows.questions,
            rows.doctors,
            rows.staff,
            rows.bodies,
            rows.answered,
            rows.edited,
            rows.hidden,
          ],
          n,
        ),
      ];
      if (edits.answer.length > 0) {
        statements.push(
          insert(
            'answer_edit',
            'answer_id, doctor_id, staff_member_id, edited_at, previous_body',
            'int, int, int, timestamptz, text',
            [edits.answer, edits.doctor, edits.staff, edits.at, edits.previous],
            edits.answer.length,
          ),
        );
      }
      return { rows: n, statements };
    },
    sizes,
  );
}
