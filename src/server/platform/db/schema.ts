/** Every table of the application, for drizzle-kit and the typed database handle. */

export * from '../../modules/directory/directory.tables.js';
export * from '../../modules/newsletter/newsletter.tables.js';
export * from '../../modules/planning/calendar.tables.js';
export * from '../../modules/planning/campaigns.tables.js';
export * from '../../modules/planning/needs.tables.js';
export * from '../../modules/planning/plan.tables.js';
export * from '../../modules/social/design-photos.tables.js';
export * from '../../modules/social/social.tables.js';
export * from '../../modules/studio/studio.tables.js';
export * from '../auth/auth.tables.js';
export * from '../notifications/notifications.tables.js';
export * from '../platform.tables.js';
export * from '../review/review.tables.js';
