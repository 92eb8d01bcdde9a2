import { moduleOfAreas } from '../../platform/modules';
import { pcnsArea } from './pcns/pcns.area';
import { fpnsArea } from './fpns/fpns.area';
export { issuePcnFromHandheld, isPhotoOnANotice } from './pcns/pcns.handheld';
export { issueFpnFromHandheld, addNotebookEntryFromHandheld } from './fpns/fpns.handheld';

/**
 * Enforcement after the officer's observation: parking PCNs on the penalty-charge engine (pcns/:
 * dated charge levels and codes per enforcement area, the lifecycle from issue to order for
 * recovery; bus-lane PCNs will use the same engine) and fixed penalty notices for people with the
 * officer's notebook and the prosecution case file (fpns/). The handheld's sync (field module)
 * issues both through the use cases exported here.
 */
export const enforcementModule = moduleOfAreas('enforcement', [pcnsArea, fpnsArea], {
  navigation: [
    { key: 'enforcement', name: 'Enforcement', path: '/enforcement', permission: 'enforcement.read', group: 'work', description: 'Penalty charge notices and fixed penalty notices after issue: payments, representations, notices to owner, charge certificates, prosecutions.' },
  ],
});
