import { useQuery } from '@tanstack/react-query';
import { metaQuery } from '../api/auth';

export function Footer({ onShowShortcuts }: { onShowShortcuts: () => void }) {
  const { data: meta } = useQuery(metaQuery);
  return (
    <footer className="govuk-footer vigil-footer">
      <div className="govuk-width-container">
        <div className="govuk-footer__meta">
          <div className="govuk-footer__meta-item govuk-footer__meta-item--grow">
            <h2 className="govuk-visually-hidden">Support links</h2>
            <ul className="govuk-footer__inline-list">
              <li className="govuk-footer__inline-list-item">
                <button type="button" className="govuk-footer__link vigil-footer__button" onClick={onShowShortcuts}>Keyboard shortcuts</button>
              </li>
              <li className="govuk-footer__inline-list-item">
                <a className="govuk-footer__link" href="/api/docs">API documentation</a>
              </li>
            </ul>
            <p className="govuk-body-s govuk-!-margin-bottom-0">
              {meta?.councilName ? `${meta.councilName} – ` : ''}Vigil{meta?.version ? ` ${meta.version}` : ''}, open-source software
              under the GNU Affero General Public License.
            </p>
          </div>
        </div>
      </div>
    </footer>
  );
}
