import { builder } from '../builder';
import { Doctor } from '../doctors/types';
import { Notification } from '../notifications/types';
import { unreadCount } from '../notifications/service';
import { pageSize } from '../schema/pagination';
import { unseenAnswers } from './unseen';

type ViewerRoleValue = 'ASKER' | 'DOCTOR' | 'STAFF' | 'ANONYMOUS';

const ViewerRole = builder.enumType('ViewerRole', {
  values: {
    ASKER: { description: 'An asker token: the questions asked with it and their notifications.' },
    DOCTOR: { description: 'A doctor credential.' },
    STAFF: { description: "A credential of the site's team." },
    ANONYMOUS: { description: 'No credential.' },
  } as const,
});

/** Only the caller's own credential decides what is here; nothing in it names an asker. */
const Viewer = builder.objectRef<{ role: ViewerRoleValue }>('Viewer').implement({
  description: 'Who is calling, by their credential, and what is theirs.',
  fields: (t) => ({
    role: t.field({ type: ViewerRole, resolve: (viewer) => viewer.role }),
    doctor: t.prismaField({
      type: Doctor,
      nullable: true,
      description: 'The doctor, with a doctor credential; else null.',
      resolve: (query, _viewer, _args, ctx) =>
        ctx.viewer?.role === 'doctor'
          ? ctx.db.doctor.findUnique({ ...query, where: { id: ctx.viewer.doctorId } })
          : null,
    }),
    questions: t.prismaConnection(
      {
        type: 'Question',
        description: 'The questions asked with this asker token, newest first (asker credential only).',
        nullable: true,
        authScopes: { asker: true },
        cursor: 'id',
        ...pageSize,
        totalCount: (_viewer, _args, ctx) => ctx.db.question.count({ where: { askerId: askerIdOf(ctx.viewer) } }),
        resolve: (query, _viewer, _args, ctx) =>
          ctx.db.question.findMany({ ...query, where: { askerId: askerIdOf(ctx.viewer) }, orderBy: { id: 'desc' } }),
      },
      {},
      {
        fields: (edge) => ({
          unseenAnswerCount: edge.int({
            description: 'Visible answers whose ANSWER_ADDED notification is still unread.',
            resolve: (e, _args, ctx) => unseenAnswers(ctx, askerIdOf(ctx.viewer)).load(e.node.id),
          }),
        }),
      },
    ),
    notifications: t.prismaConnection(
      {
        type: Notification,
        description: 'Your notifications, newest first (asker credential only).',
        nullable: true,
        authScopes: { asker: true },
        cursor: 'id',
        ...pageSize,
        totalCount: (_viewer, _args, ctx) => ctx.db.notification.count({ where: { askerId: askerIdOf(ctx.viewer) } }),
        resolve: (query, _viewer, _args, ctx) =>
          ctx.db.notification.findMany({
            ...query,
            where: { askerId: askerIdOf(ctx.viewer) },
            orderBy: { id: 'desc' },
          }),
      },
      {
        fields: (conn) => ({
          unreadCount: conn.int({ resolve: (_c, _args, ctx) => unreadCount(ctx, askerIdOf(ctx.viewer)) }),
        }),
      },
    ),
  }),
});

/** The asker's id; fields that call this are scoped to askers, so 0 (no rows) never shows. */
function askerIdOf(viewer: { role: string; askerId?: number } | null): number {
  return viewer?.role === 'asker' && viewer.askerId !== undefined ? viewer.askerId : 0;
}

builder.queryField('viewer', (t) =>
  t.field({
    description: 'Who you are by the credential you sent (or ANONYMOUS), and what is yours.',
    type: Viewer,
    authScopes: { public: true },
    resolve: (_root, _args, ctx) => ({
      role: ctx.viewer ? (ctx.viewer.role.toUpperCase() as ViewerRoleValue) : 'ANONYMOUS',
    }),
  }),
);
