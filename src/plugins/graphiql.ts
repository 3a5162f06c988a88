import { encodeGlobalID } from '@pothos/plugin-relay';
import { renderGraphiQL } from '@graphql-yoga/render-graphiql';
import type { GraphiQLOptions } from 'graphql-yoga';
import type { Db } from '../db/client';

/** What GraphiQL opens on: the demo question page, and its live answers one tab further. */
export interface GraphiQLStart {
  db: Pick<Db, 'question'>;
  pageQuery: string;
  /** The answerAdded subscription; its tab gets the demo question's ID as `questionId`. */
  liveQuery: string;
  slug: string;
}

const json = (value: unknown) => JSON.stringify(value, null, 2);

/**
 * GraphiQL's options, per page load: the subscription tab needs the demo question's global ID,
 * which depends on the database (without the demo question, that tab has no variables).
 * `variables` is GraphiQL's own prop, passed on by Yoga but missing from Yoga's type: GraphiQL
 * leaves the first default tab's variables out of its editor (graphql/graphiql#3392) unless given
 * there too.
 */
export function graphiqlOptions({ db, pageQuery, liveQuery, slug }: GraphiQLStart): () => Promise<GraphiQLOptions> {
  const pageVariables = json({ slug });
  return async () => {
    // Without it (no demo data, database down) the page still opens, that tab without variables.
    const question = await db.question.findUnique({ where: { slug }, select: { id: true } }).catch(() => null);
    const options: GraphiQLOptions & { variables: string } = {
      title: 'Medical Q&A API',
      variables: pageVariables,
      defaultTabs: [
        { query: pageQuery, variables: pageVariables },
        {
          query: liveQuery,
          variables: question ? json({ questionId: encodeGlobalID('Question', question.id) }) : null,
        },
      ],
    };
    return options;
  };
}

/**
 * GraphiQL with its scripts, styles and editor workers inlined from the npm package, so the page
 * needs nothing but this server (Yoga's default page loads them from a CDN). The page is about
 * 9 MB; it is rendered once per set of options rather than on every visit.
 */
export function offlineGraphiQL(): (options: GraphiQLOptions) => string {
  const pages = new Map<string, string>();
  return (options) => {
    const key = JSON.stringify(options);
    let page = pages.get(key);
    if (page === undefined) {
      page = renderGraphiQL(options);
      // Options differ only by the demo question's ID; keep a few at most all the same.
      if (pages.size >= 4) pages.clear();
      pages.set(key, page);
    }
    return page;
  };
}
