/** The fake Graph API: `new FakeGraphApi().start()`, faults in `faults`, state types in `state`. */
export { type Fault, type FaultRule, faults, type UsageLevels } from './faults.js';
export { PAGE_METRICS, POST_METRICS } from './routes-engagement.js';
export { FakeGraphApi, type FakeGraphOptions, type RecordedRequest } from './server.js';
export { ALL_PAGE_SCOPES, type FakeComment, type FakePost, type FakeState, type Scope } from './state.js';
