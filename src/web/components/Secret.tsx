/** A one-time password or code shown once, in a panel people can copy from. */
export function OneTimePassword({ username, password }: { username: string; password: string }) {
  return (
    <div className="govuk-panel govuk-panel--confirmation govuk-!-text-align-left">
      <h2 className="govuk-panel__title govuk-!-font-size-27">One-time password for {username}</h2>
      <div className="govuk-panel__body govuk-!-font-size-24">
        <p className="govuk-!-margin-bottom-2">
          <span className="govuk-visually-hidden">One-time password: </span>
          <code className="vigil-secret" data-testid="one-time-password">{password}</code>
        </p>
      </div>
    </div>
  );
}

export function RecoveryCodes({ codes }: { codes: string[] }) {
  return (
    <>
      <div className="govuk-warning-text">
        <span className="govuk-warning-text__icon" aria-hidden="true">!</span>
        <strong className="govuk-warning-text__text">
          <span className="govuk-visually-hidden">Warning</span>
          You will not be shown these codes again. Store them somewhere safe, such as a password manager or a
          sealed envelope in a locked drawer. Each code works once, if you lose your phone.
        </strong>
      </div>
      <ul className="vigil-codes" aria-label="Recovery codes" data-testid="recovery-codes">
        {codes.map((code) => (
          <li key={code}><code>{code}</code></li>
        ))}
      </ul>
    </>
  );
}
