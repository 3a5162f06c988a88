import { builder } from '../builder';
// Each domain registers its types and root fields on the builder when imported.
import '../specialties/types';
import '../staff/types';
import '../topics/types';
import '../blogs/types';
import '../doctors/types';
import '../doctors/queries';
import '../answers/types';
import '../answers/mutations';
import '../answers/subscriptions';
import '../questions/types';
import '../questions/queries';
import '../questions/mutations';
import '../notifications/types';
import '../notifications/mutations';
import '../notifications/subscriptions';
import '../viewer/types';
import '../votes/types';
import '../votes/mutations';
import '../feed/types';
import '../feed/mutations';

/** The executable schema; `npm run schema:print` writes it to schema.graphql. */
export const schema = builder.toSchema();
