import { useMutation } from '@tanstack/react-query';
import { verifyChain } from '../../api/audit';
import { Button } from '../../components/fields';
import { NotificationBanner } from '../../components/NotificationBanner';

/** Walks the hash chain on the server and says whether any event was altered or removed. */
export function VerifyChain() {
  const verify = useMutation({ mutationFn: verifyChain });
  return (
    <div className="govuk-!-margin-bottom-6">
      <Button type="button" variant="secondary" onClick={() => verify.mutate()} disabled={verify.isPending}>Verify chain</Button>
      <div aria-live="polite">
        {verify.isPending && <p className="govuk-body">Checking the chain…</p>}
        {verify.isError && <p className="govuk-error-message">The chain could not be checked. {verify.error.message}</p>}
        {verify.data?.ok && (
          <NotificationBanner success title="Chain verified" focus={false}>
            <p className="govuk-notification-banner__heading">
              The audit trail is intact: {verify.data.checked.toLocaleString('en-GB')} events checked, none altered or missing.
            </p>
          </NotificationBanner>
        )}
        {verify.data && !verify.data.ok && (
          <div className="govuk-error-summary" role="alert">
            <h2 className="govuk-error-summary__title">The audit trail has been altered</h2>
            <div className="govuk-error-summary__body">
              <p className="govuk-body">
                {verify.data.checked.toLocaleString('en-GB')} events checked.
                {verify.data.firstBroken && ` The chain breaks at event ${verify.data.firstBroken.seq}: ${verify.data.firstBroken.reason}.`}
              </p>
              <p className="govuk-body govuk-!-margin-bottom-0">Tell your information governance lead. Do not change anything until they have looked.</p>
            </div>
          </div>
        )}
      </div>
    </div>
  );
}
