/** Shapes subscriber rows for the API (explicit response shape, STYLE G3). */
import type {
  ConsentEntry,
  ListSubscriptionStatus,
  Membership,
  Subscriber,
  SubscriberStatus,
  SubscriberSummary,
} from '../../../shared/newsletter/audience-api.schema.js';
import type { findConsentHistory, findMemberships, SubscriberRow } from './subscribers.repo.js';

type Localized = Membership['listName'];
type MembershipRow = Awaited<ReturnType<typeof findMemberships>>[number];
type ConsentRow = Awaited<ReturnType<typeof findConsentHistory>>[number];

const iso = (value: Date | null) => (value ? value.toISOString() : null);

export function presentSubscriberSummary(row: SubscriberRow): SubscriberSummary {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    languages: row.languages,
    country: row.country,
    status: row.status as SubscriberStatus,
    tags: row.tags,
    createdAt: row.createdAt.toISOString(),
  };
}

export function presentSubscriber(row: SubscriberRow, memberships: MembershipRow[], consents: ConsentRow[]): Subscriber {
  return {
    ...presentSubscriberSummary(row),
    organisationId: row.organisationId,
    organisationName: row.organisationName,
    attributes: row.attributes,
    unsubscribedAt: iso(row.unsubscribedAt),
    bouncedAt: iso(row.bouncedAt),
    softBounceCount: row.softBounceCount,
    updatedAt: row.updatedAt.toISOString(),
    memberships: memberships.map((membership) => ({
      listId: membership.listId,
      listName: membership.listName as Localized,
      status: membership.status as ListSubscriptionStatus,
      subscribedAt: membership.subscribedAt.toISOString(),
      confirmedAt: iso(membership.confirmedAt),
      unsubscribedAt: iso(membership.unsubscribedAt),
    })),
    consents: consents.map(
      ({ record, listName, actorName }): ConsentEntry => ({
        id: record.id,
        action: record.action as ConsentEntry['action'],
        source: record.source as ConsentEntry['source'],
        listId: record.listId,
        listName: (listName as Localized | null) ?? null,
        consentText: record.consentText,
        language: record.language,
        ip: record.ip,
        userAgent: record.userAgent,
        actorName,
        createdAt: record.createdAt.toISOString(),
      }),
    ),
  };
}

/**
 * What the audit log keeps of a subscriber: no address or name, so an erasure leaves no copy of
 * personal data in the log; the changed field names say what an edit touched.
 */
export function auditViewOf(row: SubscriberRow, extra: Record<string, unknown> = {}) {
  return { id: row.id, status: row.status, languages: row.languages, country: row.country, tags: row.tags, ...extra };
}
