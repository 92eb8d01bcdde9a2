/** The coordinator's home-page panel of mobile deployments whose review is due or overdue. */
export function ReviewsDuePanel() {
  return null;
}
