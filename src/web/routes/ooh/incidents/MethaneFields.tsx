import { TextField } from '../../../components/fields';
import { RadiosField, TextareaField } from '../../occurrences/Radios';
import { AGENCIES, INCIDENT_TYPES, METHANE_STATUSES } from '../../../../domain/ooh/methane';
import { AGENCY_CODES, type MethaneForm } from './methaneForm';

// The M/ETHANE message as a form, letter by letter, shared by declaring an incident and sending an
// updated message. Below the major-incident threshold (ETHANE) only where and what are needed.

const options = (labels: Record<string, string>) => Object.entries(labels).map(([value, label]) => ({ value, label }));

export function MethaneFields({ f, set, field }: {
  f: MethaneForm;
  set: <K extends keyof MethaneForm>(key: K) => (value: MethaneForm[K]) => void;
  field: (name: string) => { id: string; error?: string };
}) {
  const services = field('services');
  const setService = (agency: keyof MethaneForm['services'], which: 'present' | 'required') => (value: string) =>
    set('services')({ ...f.services, [agency]: { ...f.services[agency], [which]: value } });
  return (
    <>
      <RadiosField {...field('status')} legend="M: Major incident" hint="Not declared: send an ETHANE message (everything below but the M)." value={f.status} onChange={(v) => set('status')(v as MethaneForm['status'])} options={options(METHANE_STATUSES)} />

      <fieldset className="govuk-fieldset">
        <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">E: Exact location</legend>
        <TextField {...field('street')} label="Street and building number" value={f.street} onChange={set('street')} autoComplete="off" />
        <TextField {...field('landmarks')} label="Landmarks (optional)" value={f.landmarks} onChange={set('landmarks')} autoComplete="off" />
        <TextField {...field('postcode')} label="Postcode (optional)" value={f.postcode} onChange={set('postcode')} width="10" autoComplete="off" />
        <div className="govuk-grid-row">
          <div className="govuk-grid-column-one-third"><TextField {...field('latitude')} label="Latitude (optional)" value={f.latitude} onChange={set('latitude')} width="10" inputMode="text" autoComplete="off" /></div>
          <div className="govuk-grid-column-one-third"><TextField {...field('longitude')} label="Longitude (optional)" value={f.longitude} onChange={set('longitude')} width="10" inputMode="text" autoComplete="off" /></div>
          <div className="govuk-grid-column-one-third"><TextField {...field('what3words')} label="what3words (optional)" value={f.what3words} onChange={set('what3words')} spellCheck={false} autoComplete="off" /></div>
        </div>
      </fieldset>

      <RadiosField {...field('type')} legend="T: Type of incident" value={f.type} onChange={(v) => set('type')(v as MethaneForm['type'])} options={options(INCIDENT_TYPES)} />
      <TextField {...field('typeDetail')} label="What kind (needed for Other)" hint="Like: gas leak from a fractured main" value={f.typeDetail} onChange={set('typeDetail')} autoComplete="off" />

      <fieldset className="govuk-fieldset">
        <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">H: Hazards</legend>
        <TextareaField {...field('hazardsPresent')} label="Hazards present" value={f.hazardsPresent} onChange={set('hazardsPresent')} rows={2} />
        <TextareaField {...field('hazardsPotential')} label="Hazards potential" hint="What may happen: further collapse, ignition, rising water" value={f.hazardsPotential} onChange={set('hazardsPotential')} rows={2} />
      </fieldset>

      <fieldset className="govuk-fieldset">
        <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">A: Access</legend>
        <TextField {...field('routesIn')} label="Route in" value={f.routesIn} onChange={set('routesIn')} autoComplete="off" />
        <TextField {...field('routesOut')} label="Route out" value={f.routesOut} onChange={set('routesOut')} autoComplete="off" />
        <TextField {...field('rendezvousPoint')} label="Rendezvous point (RVP)" value={f.rendezvousPoint} onChange={set('rendezvousPoint')} autoComplete="off" />
        <TextField {...field('areasToAvoid')} label="Areas to avoid" value={f.areasToAvoid} onChange={set('areasToAvoid')} autoComplete="off" />
      </fieldset>

      <fieldset className="govuk-fieldset">
        <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">N: Number of casualties</legend>
        <TextField {...field('casualties')} label="Number of casualties" hint="0 if none" value={f.casualties} onChange={set('casualties')} width="5" inputMode="numeric" autoComplete="off" />
        <div className="govuk-form-group">
          <div className="govuk-checkboxes govuk-checkboxes--small">
            <div className="govuk-checkboxes__item">
              <input className="govuk-checkboxes__input" id={field('estimated').id} type="checkbox" checked={f.estimated} onChange={(e) => set('estimated')(e.target.checked)} />
              <label className="govuk-label govuk-checkboxes__label" htmlFor={field('estimated').id}>The number is estimated</label>
            </div>
          </div>
        </div>
        <TextareaField {...field('casualtyDetails')} label="Type and severity of casualties" value={f.casualtyDetails} onChange={set('casualtyDetails')} rows={2} />
      </fieldset>

      <div className={`govuk-form-group${services.error ? ' govuk-form-group--error' : ''}`}>
        <fieldset className="govuk-fieldset" aria-describedby={services.error ? `${services.id}-error` : undefined}>
          <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">E: Emergency services present and required</legend>
          {services.error && <p id={`${services.id}-error`} className="govuk-error-message"><span className="govuk-visually-hidden">Error:</span> {services.error}</p>}
          <table className="govuk-table">
            <thead className="govuk-table__head"><tr className="govuk-table__row"><th scope="col" className="govuk-table__header">Service</th><th scope="col" className="govuk-table__header">Present</th><th scope="col" className="govuk-table__header">Required</th></tr></thead>
            <tbody className="govuk-table__body">
              {AGENCY_CODES.map((a, i) => (
                <tr className="govuk-table__row" key={a}>
                  <th scope="row" className="govuk-table__header">{AGENCIES[a]}</th>
                  {(['present', 'required'] as const).map((which) => {
                    const id = i === 0 && which === 'present' ? services.id : `${services.id}-${a}-${which}`;
                    return (
                      <td className="govuk-table__cell" key={which}>
                        <label className="govuk-visually-hidden" htmlFor={id}>{AGENCIES[a]} {which}</label>
                        <input className="govuk-input govuk-input--width-3" id={id} inputMode="numeric" autoComplete="off" value={f.services[a][which]} onChange={(e) => setService(a, which)(e.target.value)} />
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </fieldset>
      </div>
    </>
  );
}
