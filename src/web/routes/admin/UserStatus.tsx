import type { User } from '../../api/types';

export function isLocked(user: User, now = Date.now()): boolean {
  return !!user.lockedUntil && new Date(user.lockedUntil).getTime() > now;
}

export function UserStatusTag({ user }: { user: User }) {
  if (!user.isActive) return <strong className="govuk-tag govuk-tag--grey">Deactivated</strong>;
  if (isLocked(user)) return <strong className="govuk-tag govuk-tag--red">Locked</strong>;
  return <strong className="govuk-tag govuk-tag--green">Active</strong>;
}
