import type { VigilModule } from '../../platform/modules';
import { registerEvidenceRoutes, registerIntegrityRoutes } from './evidence.routes';
import { verifyEvidenceJob } from './verify/verify.jobs';
import { sweepUploadsJob } from './ingest/upload.jobs';
import { seedDemoEvidence } from './evidence.demo';
import { registerUploadRoutes } from './ingest/upload.routes';
import { registerPackageRoutes } from './packages/packages.routes';
import { buildPackageJob, sweepPackagesJob } from './packages/packages.jobs';
import { makeDerivativeJob, sweepDerivativesJob } from './derivatives/derivatives.jobs';
import { registerRetentionRoutes } from './retention/retention.routes';
import { applyEvidenceRetentionJob } from './retention/retention.jobs';

export { ingestRecording } from './ingest/ingest.usecases';
export { UPLOADS_PATH } from './ingest/upload.routes';
export { VERIFY_PACKAGE_PATH } from './packages/packages.routes';
// For requests (disclosure and viewings): hold footage, package and release exhibits, record a viewing.
export { placeHoldIn } from './retention/retention.usecases';
export { requestPackage, releasePackage } from './packages/packages.usecases';
export { appendToExhibit } from './continuity/continuity.usecases';

/** Evidence: footage in, exhibits out, with an unbroken chain of custody. */
export const evidenceModule: VigilModule = {
  key: 'evidence',
  routes(api) {
    registerEvidenceRoutes(api);
    registerUploadRoutes(api);
    registerPackageRoutes(api);
    registerIntegrityRoutes(api);
    registerRetentionRoutes(api);
  },
  jobs: [makeDerivativeJob, sweepDerivativesJob, buildPackageJob, sweepPackagesJob, verifyEvidenceJob, sweepUploadsJob, applyEvidenceRetentionJob],
  seedDemo: (deps, council) => seedDemoEvidence(deps, council),
  navigation: [
    { key: 'released', name: 'Released to us', path: '/released', permission: 'shared.read', group: 'work', description: 'Evidence packages the council has released to your organisation: download, check and acknowledge them.' },
    { key: 'evidence', name: 'Evidence', path: '/evidence', permission: 'evidence.read', group: 'work', description: 'Footage, exhibits, continuity and disclosure packages.' },
  ],
};
