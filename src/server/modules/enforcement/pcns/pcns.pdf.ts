import { formatTimestamp } from '../../../../domain/calendar/london';
import { describeDay } from '../../../../domain/calendar/days';
import { formatPounds, type PcnDetail } from '../../../../domain/enforcement/pcns.contract';
import { heading, keyValues, paragraph, renderPdf } from '../../../platform/pdf/pdf';

// The penalty charge notice as served (reg 9 and Schedule 2 para 2 of SI 2022/71, uk-rules §7.3):
// the date of the notice, the authority, the vehicle's registration, the date and time, the grounds
// (the contravention), the amount, the discount and when it ends, how and by when to pay, and what
// happens if it is not paid.

export function pcnNoticePdf({ pcn, councilName }: { pcn: PcnDetail; councilName: string }) {
  const full = formatPounds(pcn.amountPence);
  const discount = formatPounds(pcn.discountedPence);
  const discountDays = pcn.noticeKind === 'reg10_camera' ? 21 : 14;
  return renderPdf({
    title: `Penalty charge notice ${pcn.number}`,
    footer: `${pcn.number} · ${councilName} · Traffic Management Act 2004`,
    marking: 'PENALTY CHARGE NOTICE',
    build: (doc) => {
      paragraph(doc, councilName, { size: 12, bold: true });
      doc.moveDown(0.3).font('Helvetica-Bold').fontSize(18).fillColor('#0b0c0c').text('Penalty Charge Notice');
      paragraph(doc, 'Traffic Management Act 2004; Civil Enforcement of Road Traffic Contraventions (Approved Devices, Charging Guidelines and General Provisions) (England) Regulations 2022', { size: 8, colour: '#505a5f' });
      heading(doc, 'The notice');
      keyValues(doc, [
        ['PCN number', pcn.number],
        ['Date of notice', describeDay(pcn.servedDay)],
        ['Issued by', `${councilName}, the enforcement authority`],
        ['Civil enforcement officer', pcn.issuedBy.name],
        ['Served', pcn.served === 'affixed' ? 'Fixed to the vehicle' : pcn.served === 'handed' ? 'Handed to the driver' : 'By post (the vehicle was driven away)'],
      ]);
      heading(doc, 'The vehicle and the contravention');
      keyValues(doc, [
        ['Vehicle registration', pcn.vrm],
        ['Make, model, colour', [pcn.vehicle.make, pcn.vehicle.model, pcn.vehicle.colour].filter(Boolean).join(', ')],
        ['Date and time of contravention', formatTimestamp(pcn.issuedAt)],
        ['Observed', `${formatTimestamp(pcn.observedFrom)} to ${formatTimestamp(pcn.observedTo)}`],
        ['Location', [pcn.street, pcn.locationDetail].filter(Boolean).join(', ')],
        ['Contravention', `Code ${pcn.code}: ${pcn.codeDescription}`],
        ['Grounds', `The civil enforcement officer believes that a penalty charge is payable with respect to the vehicle because of the contravention above (${pcn.level} level).`],
        ['Permit or ticket seen', pcn.vehicle.permitSeen || 'None'],
      ]);
      heading(doc, 'What to pay');
      keyValues(doc, [
        ['Penalty charge', full],
        ['Discounted amount', `${discount} if paid within ${discountDays} days beginning with the date of this notice (by ${pcn.periods.discountLastDay ? describeDay(pcn.periods.discountLastDay) : 'the date shown'})`],
        ['Pay in full', `${full} within 28 days beginning with ${pcn.noticeKind === 'reg9' ? 'the date of the contravention' : 'the date of this notice'} (by ${describeDay(pcn.periods.paymentLastDay)})`],
      ]);
      heading(doc, 'How to pay');
      paragraph(doc, `Online or by telephone with a debit or credit card, quoting the PCN number ${pcn.number}, or by post with a cheque payable to ${councilName}. Do not send cash by post.`);
      heading(doc, 'If you do not pay');
      paragraph(doc, 'If the penalty charge is not paid within 28 days, a Notice to Owner may be served on the registered keeper, who may then make formal representations. If it is still not paid, a charge certificate may increase the charge by 50%, and the debt may be registered at the Traffic Enforcement Centre and recovered by enforcement agents.');
      heading(doc, 'Challenging this notice');
      paragraph(doc, 'You may challenge this notice in writing before a Notice to Owner is served, giving the PCN number and your reasons. A challenge received within the discount period will be considered, and the council will tell you whether the discount is offered again if it is rejected.');
    },
  });
}
