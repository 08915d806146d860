/**
 * Who receives an issue, as one SQL predicate over `subscriber`, evaluated when it is needed (segments
 * are never materialised). Every condition maps to a predicate an index serves: GIN on `tags` and
 * `languages` (`@>`), btree on `(workspace_id, country)`, the `list_subscription` primary key and
 * `(list_id, status, subscriber_id)` index for list membership (EXISTS).
 */
import { and, eq, inArray, not, or, type SQL, sql } from 'drizzle-orm';
import type { SegmentCondition, SegmentFilter } from '../../../shared/newsletter/newsletter.schema.js';
import type { DbOrTransaction } from '../../platform/audit/audit.js';
import { workspaces } from '../../platform/platform.tables.js';
import { listSubscriptions, subscribers } from './newsletter.tables.js';

export interface AudienceInput {
  workspaceId: string;
  /** The lists; an empty array means nobody (an issue needs at least one list). */
  listIds: string[];
  segmentFilter?: SegmentFilter;
}

function confirmedOn(listIds: string[]): SQL {
  return sql`exists (select 1 from ${listSubscriptions} where ${listSubscriptions.subscriberId} = ${subscribers.id} and ${inArray(
    listSubscriptions.listId,
    listIds,
  )} and ${listSubscriptions.status} = 'confirmed')`;
}

/** A calendar day's start in the workspace's time zone, as an instant. */
function dayStart(workspaceId: string, date: string, addDays = 0): SQL {
  return sql`((${date}::date + ${addDays}::int)::timestamp at time zone (select ${workspaces.timeZone} from ${workspaces} where ${workspaces.id} = ${workspaceId}))`;
}

/** The predicate of one segment condition (exhaustive over the condition kinds). */
export function conditionPredicate(workspaceId: string, condition: SegmentCondition): SQL {
  switch (condition.field) {
    case 'language': {
      const has = sql`${subscribers.languages} @> ARRAY[${condition.value}]::text[]`;
      return condition.op === 'includes' ? has : not(has);
    }
    case 'country':
      // An unknown country is "not in" any list of countries.
      return condition.op === 'in'
        ? inArray(subscribers.country, condition.values)
        : sql`(${subscribers.country} is null or ${not(inArray(subscribers.country, condition.values))})`;
    case 'tag': {
      const has = sql`${subscribers.tags} @> ARRAY[${condition.value}]::text[]`;
      return condition.op === 'has' ? has : not(has);
    }
    case 'organisation':
      return condition.op === 'is'
        ? eq(subscribers.organisationId, condition.organisationId)
        : sql`${subscribers.organisationId} is distinct from ${condition.organisationId}`;
    case 'list': {
      const member = confirmedOn([condition.listId]);
      return condition.op === 'member' ? member : not(member);
    }
    case 'attribute': {
      const value = sql`(${subscribers.attributes} ->> ${condition.key})`;
      return condition.op === 'equals' ? sql`${value} = ${condition.value}` : sql`${value} is distinct from ${condition.value}`;
    }
    case 'created':
      // "after 1 March" starts on 2 March, "before 1 March" ends on 28 February, in the workspace's time zone.
      return condition.op === 'after'
        ? sql`${subscribers.createdAt} >= ${dayStart(workspaceId, condition.date, 1)}`
        : sql`${subscribers.createdAt} < ${dayStart(workspaceId, condition.date)}`;
    default: {
      const unknown: never = condition;
      throw new Error(`unknown segment condition ${JSON.stringify(unknown)}`);
    }
  }
}

/** The segment's own predicate (no workspace, status or list part); undefined when it has no condition. */
export function segmentPredicate(workspaceId: string, filter: SegmentFilter | undefined): SQL | undefined {
  if (!filter || filter.conditions.length === 0) return undefined;
  const predicates = filter.conditions.map((condition) => conditionPredicate(workspaceId, condition));
  return filter.match === 'all' ? and(...predicates) : or(...predicates);
}

/**
 * The audience over `subscriber`: of the workspace, status `active`, a `confirmed` subscription
 * on one of `listIds`, and the segment's conditions. Used to count and to stream recipients.
 */
export function audienceCondition(input: AudienceInput): SQL {
  if (input.listIds.length === 0) return sql`false`;
  return and(
    eq(subscribers.workspaceId, input.workspaceId),
    eq(subscribers.status, 'active'),
    confirmedOn(input.listIds),
    segmentPredicate(input.workspaceId, input.segmentFilter),
  ) as SQL;
}

/** The size of an issue's audience (see `audienceCondition`). */
export async function countAudience(db: DbOrTransaction, input: AudienceInput): Promise<number> {
  const [row] = await db.select({ total: sql<number>`count(*)::int` }).from(subscribers).where(audienceCondition(input));
  return Number(row?.total ?? 0);
}

/** Active subscribers of the workspace matching a segment, whatever their lists (the segment builder's count). */
export async function countSegment(db: DbOrTransaction, workspaceId: string, filter: SegmentFilter | undefined): Promise<number> {
  const [row] = await db
    .select({ total: sql<number>`count(*)::int` })
    .from(subscribers)
    .where(and(eq(subscribers.workspaceId, workspaceId), eq(subscribers.status, 'active'), segmentPredicate(workspaceId, filter)));
  return Number(row?.total ?? 0);
}
