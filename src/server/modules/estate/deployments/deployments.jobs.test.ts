import { describe, expect, it } from 'vitest';
import { reminderMail, retryDelayMs } from './deployments.jobs';
import type { DeploymentRow } from './deployments.repository';

describe('the overdue review reminder', () => {
  it('tries a failed send again 15 minutes later, then twice as long each time, never more than a day apart', () => {
    expect([1, 2, 3, 4].map(retryDelayMs)).toEqual([15, 30, 60, 120].map((m) => m * 60_000));
    expect(retryDelayMs(20)).toBe(24 * 3600_000);
  });

  it('says which deployment, where, since when, and where to record the review', () => {
    const d = {
      id: '5f0c1c9e-0000-4000-8000-000000000001', reference: 'MD-2026-0003', location_text: 'Queen Street, Burton upon Trent', camera_reference: 'M03', camera_name: 'Redeployable camera 3',
      deployed_on: '2026-01-05', review_due_on: '2026-04-05', dpia_reference: 'DPIA-MOB-013',
    } as DeploymentRow;
    const mail = reminderMail({ d, today: '2026-04-08', publicUrl: 'https://vigil.council.test' });
    expect(mail.subject).toBe('Overdue review: camera M03 at Queen Street, Burton upon Trent (MD-2026-0003)');
    expect(mail.text).toContain('was due on 5/4/2026 and is 3 days overdue');
    expect(mail.text).toContain('Camera: M03 (Redeployable camera 3)');
    expect(mail.text).toContain('https://vigil.council.test/estate/deployments/5f0c1c9e-0000-4000-8000-000000000001');
  });
});
