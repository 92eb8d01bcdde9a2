/** A part below its reorder level: red, in words. */
export const BelowTag = () => <strong className="govuk-tag govuk-tag--red" style={{ maxWidth: 'none' }}>Below reorder level</strong>;
