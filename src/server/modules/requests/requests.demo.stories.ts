import type { PauseReason, RequestType, Status } from '../../../domain/requests/workflow';

// The demo's requests over the last quarter: every kind in every status its flow allows, some
// overdue, some due this week. Days are days before today; each story's steps run in order.

export type Who = 'enforcement' | 'coordinator';
export type Step = { d: number } & (
  | { k: 'status'; to: Status; note?: string }
  | { k: 'stop'; reason: PauseReason; note: string }
  | { k: 'restart'; note?: string }
  | { k: 'extend'; reason: string }
  | { k: 'escalate'; note: string }
  | { k: 'note'; note: string }
);
export interface Story {
  type: RequestType; d: number; summary: string; place?: string; dp?: boolean;
  /** Who the request came from: a police officer through the portal, the insurer, or a member of the public (picked). */
  from?: 'police' | 'insurer'; owner?: Who; steps: Step[];
}

const st = (d: number, to: Status, note = ''): Step => ({ d, k: 'status', to, note });
const stop = (d: number, reason: PauseReason, note: string): Step => ({ d, k: 'stop', reason, note });
const restart = (d: number, note = ''): Step => ({ d, k: 'restart', note });
const extend = (d: number, reason: string): Step => ({ d, k: 'extend', reason });
const escalate = (d: number, note: string): Step => ({ d, k: 'escalate', note });
const note = (d: number, text: string): Step => ({ d, k: 'note', note: text });

const ASSAULT = 'Assault outside licensed premises at about 23:40; footage of the suspect leaving towards the station';
const THEFT = 'Theft of a bicycle from the rack; footage of the person taking it';
const RTC = 'Collision between a car and a van at the junction; footage of the moment of impact';

export const STORIES: Story[] = [
  // ---- Footage requests from the police (the portal) ----
  { type: 'agency_footage', from: 'police', d: 1, summary: ASSAULT, place: 'High Street, by the Leopard', steps: [] },
  { type: 'agency_footage', from: 'police', d: 6, summary: THEFT, place: 'Station Street', steps: [st(4, 'searching')] },
  { type: 'agency_footage', from: 'police', d: 13, summary: 'Criminal damage to a shop window overnight', place: 'Union Street', steps: [st(11, 'searching'), st(9, 'awaiting_decision', 'Two clips found; checking for bystanders to obscure')] },
  { type: 'agency_footage', from: 'police', d: 9, summary: 'Robbery of a mobile phone near the bus station', place: 'Bus station', steps: [stop(7, 'clarification', 'Asked which of the three entrances and a narrower time')] },
  { type: 'agency_footage', from: 'police', d: 22, summary: 'Public order offence outside the takeaway', place: 'Borough Road', steps: [stop(20, 'clarification', 'Asked for the time in the custody record'), restart(17, 'Time confirmed as 01:10'), st(16, 'searching'), st(13, 'disclosed', 'Exhibit produced and collected by PC Ellis')] },
  { type: 'agency_footage', from: 'police', d: 41, summary: RTC, place: 'Horninglow Street and Derby Street', steps: [st(39, 'searching'), st(37, 'awaiting_decision'), st(35, 'disclosed')] },
  { type: 'agency_footage', from: 'police', d: 58, summary: 'Missing person last seen walking along the river path', place: 'Andresey Bridge', steps: [st(57, 'searching'), st(54, 'partly_disclosed', 'Two of four cameras covered the path; the others were turned for an event')] },
  { type: 'agency_footage', from: 'police', d: 76, summary: 'Burglary at a shop; vehicle seen leaving', place: 'Guild Street', steps: [st(75, 'searching'), st(71, 'refused', 'No footage held: the 31-day retention had passed before the request')] },
  { type: 'agency_footage', from: 'police', d: 30, summary: 'Assault on a taxi driver at the rank', place: 'Station Street taxi rank', steps: [st(29, 'searching'), st(27, 'withdrawn', 'The suspect admitted the offence')] },

  // ---- Footage requests from insurers, solicitors and the public ----
  { type: 'third_party_footage', from: 'insurer', d: 2, summary: `${RTC}; our policyholder disputes liability`, place: 'Wetmore Road roundabout', steps: [] },
  { type: 'third_party_footage', from: 'insurer', d: 8, summary: 'Car park collision; footage of the parked vehicle being struck', place: 'Octagon car park', steps: [st(6, 'searching')] },
  { type: 'third_party_footage', from: 'insurer', d: 18, summary: 'Vehicle damaged while parked overnight', place: 'Lichfield Street', steps: [st(16, 'searching'), st(12, 'awaiting_decision')] },
  { type: 'third_party_footage', d: 5, summary: 'My car was scratched while parked; I would like the footage', place: 'Market Place', steps: [stop(4, 'identity', 'Asked for photo ID and the vehicle’s V5C')] },
  { type: 'third_party_footage', d: 11, summary: 'Footage for a personal injury claim: trip on the pavement', place: 'Cooper’s Square', steps: [stop(9, 'clarification', 'Asked for the date: the letter gives two')] },
  { type: 'third_party_footage', d: 15, summary: 'Solicitors acting in a civil claim ask for footage of an altercation', place: 'Bridge Street', steps: [stop(13, 'fee', 'Fee for the copy asked for under the council’s charging policy')] },
  { type: 'third_party_footage', from: 'insurer', d: 52, summary: 'Collision on the ring road; footage of the lights’ sequence', place: 'Princess Way', steps: [st(50, 'searching'), st(47, 'awaiting_decision'), st(45, 'disclosed')] },
  { type: 'third_party_footage', d: 46, summary: 'Hit and run on my parked car', place: 'Waterloo Street', steps: [stop(45, 'identity', 'Asked for photo ID'), restart(41, 'Driving licence copy arrived'), st(40, 'searching'), st(36, 'partly_disclosed', 'Other people’s faces and vehicles obscured')] },
  { type: 'third_party_footage', from: 'insurer', d: 81, summary: 'Flood damage claim: footage of the road at the time', place: 'Meadow Road', steps: [st(79, 'searching'), st(74, 'refused', 'Not personal data of the policyholder and no legal basis to disclose others’')] },
  { type: 'third_party_footage', d: 34, summary: 'Footage of my bicycle being stolen', place: 'Station Street', steps: [st(33, 'withdrawn', 'The police have asked for it instead')] },

  // ---- Subject access requests ----
  { type: 'sar', d: 3, summary: 'Footage of me at the bus station on Saturday afternoon', place: 'Bus station', steps: [] },
  { type: 'sar', d: 10, summary: 'All footage of me in the town centre on the night of my birthday', place: 'Town centre', steps: [stop(9, 'identity', 'Asked for a copy of photo ID and a recent photo')] },
  { type: 'sar', d: 12, summary: 'Footage of me near the library last week', place: 'Library', steps: [stop(11, 'clarification', 'Asked for the day and rough time')] },
  { type: 'sar', d: 17, summary: 'Footage of me and my dog in the park', place: 'Stapenhill Gardens', steps: [stop(14, 'fee', 'Second copy of the same footage: reasonable fee asked for')] },
  { type: 'sar', d: 40, summary: 'Footage of me being knocked over by a cyclist', place: 'High Street', steps: [stop(38, 'identity', 'Asked for photo ID'), restart(30, 'Passport copy arrived'), st(28, 'searching')] },
  { type: 'sar', d: 45, summary: 'Footage of me at the market on three Saturdays', place: 'Market Hall', steps: [st(43, 'searching'), note(30, 'Three days of footage from four cameras to review')] },
  { type: 'sar', d: 52, summary: 'Every image of me held since June', place: 'Town centre', steps: [st(48, 'searching'), extend(44, 'Many hours of footage from eight cameras to search and redact'), st(20, 'awaiting_redaction')] },
  { type: 'sar', d: 26, summary: 'Footage of me outside the council offices', place: 'Market Place', steps: [st(24, 'searching'), st(10, 'in_progress', 'Found; preparing the copy')] },
  { type: 'sar', d: 86, summary: 'Footage of me at the Christmas lights switch-on', place: 'Market Place', steps: [stop(85, 'identity', 'Asked for photo ID'), restart(80), st(78, 'searching'), st(70, 'awaiting_redaction'), st(60, 'responded', 'Redacted copy sent by secure link')] },
  { type: 'sar', d: 70, summary: 'All footage of me, every camera, for a year', place: 'Borough-wide', steps: [st(66, 'refused', 'Manifestly excessive as framed; asked to narrow it, no reply')] },
  { type: 'sar', d: 21, summary: 'Footage of me at the leisure centre car park', place: 'Meadowside', steps: [st(15, 'withdrawn', 'The requester no longer needs it')] },

  // ---- Freedom of Information requests ----
  { type: 'foi', d: 4, summary: 'How many public space cameras does the council run, and what did they cost last year?', steps: [] },
  { type: 'foi', d: 35, summary: 'Number of footage requests from the police in each of the last three years', steps: [st(33, 'in_progress')] },
  { type: 'foi', d: 24, summary: 'Copies of the data protection impact assessments for the town centre cameras', steps: [st(22, 'in_progress')] },
  { type: 'foi', d: 42, summary: 'The maintenance contract for the camera system and its performance reports', steps: [st(40, 'in_progress'), extend(20, 'Public interest test: commercial interests of the contractor (s.43)')] },
  { type: 'foi', d: 62, summary: 'Locations of all mobile cameras deployed this year', steps: [st(60, 'in_progress'), st(36, 'responded', 'Locations published on the council’s website')] },
  { type: 'foi', d: 57, summary: 'Every e-mail mentioning CCTV since 2015', steps: [st(50, 'refused', 'Section 12: over the cost limit; advice given on narrowing it')] },
  { type: 'foi', d: 16, summary: 'Staffing of the control room by shift', steps: [st(10, 'withdrawn')] },
  { type: 'foi', d: 8, summary: 'The cameras that have facial recognition', steps: [stop(6, 'clarification', 'Asked whether they mean live or retrospective recognition')] },
  { type: 'foi', d: 27, summary: 'Copies of all camera maps, printed and posted', steps: [stop(21, 'fee', 'Fees notice for printing and postage')] },
  { type: 'foi', d: 89, summary: 'Spending on camera upgrades and the suppliers used', steps: [st(86, 'in_progress'), extend(70, 'Public interest test: prejudice to the procurement under way (s.43)'), st(44, 'responded')] },

  // ---- Complaints ----
  { type: 'complaint', d: 1, summary: 'The camera on my street points into my garden', place: 'Shobnall Road', steps: [] },
  { type: 'complaint', d: 5, summary: 'Rude response when I asked about the camera outside my shop', steps: [st(4, 'acknowledged')] },
  { type: 'complaint', d: 14, summary: 'A camera was not working when my car was damaged', place: 'Lichfield Street', steps: [st(13, 'acknowledged'), st(10, 'investigating')] },
  { type: 'complaint', d: 10, dp: true, summary: 'My footage was shown to my neighbour without my consent', steps: [st(9, 'acknowledged'), st(6, 'investigating')] },
  { type: 'complaint', d: 44, summary: 'Delay in answering my footage request', steps: [st(43, 'acknowledged'), st(40, 'investigating'), st(30, 'responded', 'Upheld: apology given and process changed')] },
  { type: 'complaint', d: 72, summary: 'The signage at the car park does not say who runs the cameras', place: 'Octagon car park', steps: [st(71, 'acknowledged'), st(66, 'investigating'), st(58, 'responded', 'Not upheld'), escalate(50, 'Asks for a review: the signage is still wrong'), st(48, 'acknowledged'), st(44, 'investigating')] },
  { type: 'complaint', d: 88, dp: true, summary: 'The council kept footage of me longer than it said it would', steps: [st(87, 'acknowledged'), st(80, 'investigating'), st(73, 'responded', 'Partly upheld'), escalate(67, 'Not satisfied with stage 1'), st(66, 'acknowledged'), st(60, 'investigating'), st(46, 'responded', 'Review upheld stage 1; told of the right to complain to the ICO')] },
  { type: 'complaint', d: 20, summary: 'Camera noise at night', place: 'Moor Street', steps: [st(19, 'acknowledged'), st(18, 'withdrawn', 'Resolved: the housing was fixed')] },
  { type: 'complaint', d: 31, summary: 'Parking enforcement camera in the wrong place', steps: [st(30, 'acknowledged'), st(22, 'closed', 'Not a CCTV matter: passed to parking services')] },

  // ---- Members' enquiries ----
  { type: 'enquiry', d: 2, summary: 'Cllr Patel asks when the camera on Orchard Street will be repaired', place: 'Orchard Street', steps: [] },
  { type: 'enquiry', d: 9, summary: 'Cllr Hughes asks for a camera near the school after complaints of speeding', place: 'Grange Street', steps: [st(8, 'in_progress')] },
  { type: 'enquiry', d: 25, summary: 'Cllr Moore asks how many incidents the cameras caught in the ward last month', steps: [st(23, 'in_progress')] },
  { type: 'enquiry', d: 33, summary: 'Cllr Brown asks whether the cameras in the park are still needed', place: 'Shobnall Fields', steps: [st(31, 'in_progress'), st(21, 'responded', 'Review of the deployment shared')] },
  { type: 'enquiry', d: 12, summary: 'Cllr Patel asks about a resident’s footage request', steps: [st(11, 'withdrawn', 'Dealt with under the resident’s own request')] },

  // ---- Viewings ----
  { type: 'viewing', d: 3, summary: 'Resident asks to view footage of damage to her car', place: 'Control room', steps: [] },
  { type: 'viewing', d: 6, summary: 'Shop owner asks to view footage of a break-in attempt', place: 'Control room', steps: [st(5, 'booked', 'Booked for Thursday 14:00')] },
  { type: 'viewing', d: 20, summary: 'Viewing of footage of a fall outside the library', place: 'Control room', steps: [st(18, 'booked'), st(14, 'viewed', 'Viewed with the operator; no copy asked for')] },
  { type: 'viewing', d: 26, summary: 'Viewing of footage of a dispute between neighbours', place: 'Control room', steps: [st(25, 'booked'), st(22, 'cancelled', 'Cancelled by the requester')] },
  { type: 'viewing', d: 36, summary: 'Viewing of footage of a lost wallet', place: 'Control room', steps: [st(34, 'booked'), st(28, 'no_show')] },
];
