// Demo cameras for Burton upon Trent town centre. Positions are real street points taken from the
// police.uk street-level crime file for the area (shared/data/police), so crime and cameras line up.
export const DEMO_CAMERAS: { reference: string; name: string; location: string; lat: number; lon: number; kind: 'ptz' | 'fixed' }[] = [
  { reference: 'C01', name: 'Horninglow Street / High Street', location: 'Horninglow Street, Burton upon Trent', lat: 52.808427, lon: -1.632558, kind: 'ptz' },
  { reference: 'C02', name: 'Brook Street', location: 'Brook Street, Burton upon Trent', lat: 52.808528, lon: -1.633433, kind: 'fixed' },
  { reference: 'C03', name: 'Police station approach', location: 'Horninglow Road, Burton upon Trent', lat: 52.807817, lon: -1.630101, kind: 'ptz' },
  { reference: 'C04', name: 'Wetmore Road', location: 'Wetmore Road, Burton upon Trent', lat: 52.807318, lon: -1.625952, kind: 'ptz' },
  { reference: 'C05', name: 'Borough Road', location: 'Borough Road, Burton upon Trent', lat: 52.806877, lon: -1.643089, kind: 'ptz' },
  { reference: 'C06', name: 'Grants Yard', location: 'Grants Yard, Burton upon Trent', lat: 52.805346, lon: -1.639408, kind: 'fixed' },
  { reference: 'C07', name: 'George Street', location: 'George Street, Burton upon Trent', lat: 52.804819, lon: -1.634636, kind: 'ptz' },
  { reference: 'C08', name: 'Worthington Way', location: 'Worthington Way, Burton upon Trent', lat: 52.804204, lon: -1.630384, kind: 'ptz' },
  { reference: 'C09', name: 'Milton Street', location: 'Milton Street, Burton upon Trent', lat: 52.804435, lon: -1.638436, kind: 'fixed' },
  { reference: 'C10', name: 'College / Lichfield Street', location: 'Lichfield Street (Burton College), Burton upon Trent', lat: 52.803416, lon: -1.62867, kind: 'ptz' },
  { reference: 'C11', name: 'Duke Street', location: 'Duke Street, Burton upon Trent', lat: 52.803194, lon: -1.638239, kind: 'fixed' },
  { reference: 'C12', name: 'High Street night-time economy', location: 'High Street, Burton upon Trent', lat: 52.80305, lon: -1.629251, kind: 'ptz' },
  { reference: 'C13', name: 'Moor Street', location: 'Moor Street, Burton upon Trent', lat: 52.802615, lon: -1.640039, kind: 'fixed' },
  { reference: 'C14', name: 'New Street', location: 'New Street, Burton upon Trent', lat: 52.801502, lon: -1.634678, kind: 'ptz' },
  { reference: 'C15', name: 'Uxbridge Street', location: 'Uxbridge Street, Burton upon Trent', lat: 52.800358, lon: -1.639805, kind: 'ptz' },
  { reference: 'C16', name: 'Lichfield Street', location: 'Lichfield Street, Burton upon Trent', lat: 52.800019, lon: -1.631917, kind: 'ptz' },
  { reference: 'C17', name: 'Orchard Street', location: 'Orchard Street, Burton upon Trent', lat: 52.799936, lon: -1.636946, kind: 'fixed' },
  { reference: 'C18', name: 'Supermarket car park', location: 'Wood Street, Burton upon Trent', lat: 52.798515, lon: -1.633665, kind: 'ptz' },
  { reference: 'C19', name: 'Trent Street', location: 'Trent Street, Burton upon Trent', lat: 52.795428, lon: -1.638541, kind: 'fixed' },
  { reference: 'C20', name: 'Byrkley Street', location: 'Byrkley Street, Burton upon Trent', lat: 52.808611, lon: -1.642793, kind: 'ptz' },
];
