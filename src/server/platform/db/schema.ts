/** Every table of the application, for drizzle-kit and the typed database handle. */

export * from '../../modules/directory/directory.tables.js';
export * from '../auth/auth.tables.js';
export * from '../platform.tables.js';
