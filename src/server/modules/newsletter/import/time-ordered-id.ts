/**
 * Time-ordered UUIDs (version 7, RFC 9562) for the rows an import creates. An import writes thousands
 * of subscribers, subscriptions and consent records at once, and every index keyed by their ids (the
 * primary keys, `list_subscription`'s keys, `consent_record`'s subscriber index) then grows at its
 * right edge, where PostgreSQL appends without walking the tree, instead of at a random page each
 * time as random (version 4) ids make it: measured on PGlite, a batch's write costs a third less.
 * Made here rather than by the database: on PGlite, gen_random_uuid() costs tens of microseconds (its
 * random source is a system call in WebAssembly).
 *
 * Layout: 48 bits of Unix time in milliseconds, the version, 12 bits of a counter that keeps ids made
 * in the same millisecond in order, then the variant and 62 random bits (taken from a version 4 UUID,
 * whose fourth group already carries the variant).
 */
import { randomUUID } from 'node:crypto';

const COUNTER_HEX = Array.from({ length: 0x1000 }, (_, value) => value.toString(16).padStart(3, '0'));
let lastMs = 0;
let counter = 0;
/** The time part as `xxxxxxxx-xxxx-`, kept while the millisecond lasts. */
let timePrefix = '';

/** A new version 7 UUID, after the previous one this process made. */
export function timeOrderedId(now = Date.now()): string {
  if (now > lastMs) {
    lastMs = now;
    counter = 0;
    timePrefix = '';
  } else if (++counter > 0xfff) {
    // More than 4,096 ids in one millisecond: borrow the next millisecond to stay in order.
    lastMs += 1;
    counter = 0;
    timePrefix = '';
  }
  if (timePrefix === '') {
    // 48 bits of milliseconds as 12 hex digits (a JavaScript number holds them exactly).
    const time = lastMs.toString(16).padStart(12, '0');
    timePrefix = `${time.slice(0, 8)}-${time.slice(8)}-`;
  }
  return `${timePrefix}7${COUNTER_HEX[counter]}-${randomUUID().slice(19)}`;
}
