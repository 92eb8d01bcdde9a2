/** The supervisor's home-page panel of daily checks not completed for their shift. */
export function ChecksPanel() {
  return null;
}
