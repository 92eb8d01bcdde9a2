export { registerOccurrenceRoutes } from './occurrences.routes';
export { registerOccurrenceSearchRoutes } from './occurrences.search.routes';
export { registerHandoverRoutes } from './handover.routes';
export { personalDataRetentionJob } from './occurrences.jobs';
export { registerProcedureRoutes } from './procedures.routes';
export { seedDemoOccurrences } from './occurrences.demo';
export { startSearchDocumentRefresh } from './occurrences.search';
